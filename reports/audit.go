package reports

import (
	"fmt"
	"io"
	"time"

	"tracker/models"
)

// sheetAudit is the one sheet of AuditWorkbook.
const sheetAudit = "修改记录"

// AuditRow is one line of the audit trail: a change made by an import or a
// hand edit. Strings pass through as given, except Kind and Field, which
// are shown in Chinese, and Old and New of amount and month fields, which
// are written as numbers and dates (see AuditWorkbook).
type AuditRow struct {
	At         time.Time // when the change was made, shown in At's own location (the caller's zone: the office's)
	User       string
	Kind       string       // "monthly" (上传台账) or "edit" (手工修改)
	FileName   string       // the ledger's name, "" for an edit
	Status     string       // the import's status as the caller names it
	Code       string       // the project's code
	Field      string       // a change field key such as "annual_plan_wan"
	Period     models.Month // the report month a figure belongs to; zero for none
	Old, New   string       // change text: 万元 decimals for amounts, YYYY-MM for months
	Reason     string       // 修改原因: the hand edit's or list change's note, a return's reason
	ImportID   int64        // 0 for none
	RevertedBy string       // who reverted the import, "" if nobody
}

// AuditWorkbook writes the audit trail as a workbook of one sheet, 修改记录,
// in the house table style (title, frozen header with an autofilter, A4
// landscape), streamed, one row per AuditRow in the given order: 序号, 时间
// (a date-time cell), 用户, 类型, 文件名, 状态, 导入编号 (a number, blank for
// 0), 项目代码, 字段, 报告期 (a month date cell), 原值, 新值, 修改原因, 撤销人.
// Kind "monthly"/"edit" is shown as 上传台账/手工修改 and Field keys by their
// Chinese headers; unknown keys pass through. The old and new values of an
// amount field (万元) are number cells with two decimals, of a month field
// date cells, exact; every other value, which users typed, is written as
// text, so one beginning with =, +, - or @ never becomes a formula (nor
// "0012" a number).
func AuditWorkbook(w io.Writer, title string, rows []AuditRow, generated time.Time) error {
	t := auditTable(title, rows, generated)
	return writeBook(w, t, title, "重大项目数据修改记录", generated)
}

// auditCol is a column of 修改记录.
type auditCol = col[AuditRow]

// auditTable lays out 修改记录.
func auditTable(title string, rows []AuditRow, generated time.Time) *table {
	return &table{
		sheet: sheetAudit, title: title, filter: true, n: len(rows),
		unit: fmt.Sprintf("共%d条　　导出时间：%s", len(rows), generated.Format("2006-01-02 15:04")),
		cols: append([]column{seqColumn()}, bind(rowsOf(rows),
			auditCol{"时间", kTime, func(r *AuditRow) any { return wallClock(r.At) }},
			auditCol{"用户", kCenter, func(r *AuditRow) any { return r.User }},
			auditCol{"类型", kCenter, func(r *AuditRow) any { return models.ImportKind(r.Kind).Label() }},
			auditCol{"文件名", kText, func(r *AuditRow) any { return r.FileName }},
			auditCol{"状态", kCenter, func(r *AuditRow) any { return r.Status }},
			auditCol{"导入编号", kInt, func(r *AuditRow) any { return idOrNone(r.ImportID) }},
			auditCol{models.FieldCode.ZhName(), kCenter, func(r *AuditRow) any { return r.Code }},
			auditCol{"字段", kCenter, func(r *AuditRow) any { return models.FieldHeading(r.Field) }},
			auditCol{"报告期", kMonth, func(r *AuditRow) any { return r.Period }},
			auditCol{"原值", kText, func(r *AuditRow) any { return changeValue(r.Field, r.Old) }},
			auditCol{"新值", kText, func(r *AuditRow) any { return changeValue(r.Field, r.New) }},
			auditCol{"修改原因", kText, func(r *AuditRow) any { return r.Reason }},
			auditCol{"撤销人", kCenter, func(r *AuditRow) any { return r.RevertedBy }},
		)...),
	}
}

// changeValue is a change's old or new value as its cell holds it: an
// amount field's 万元 decimal as models.Money (a number cell), a month
// field's YYYY-MM as models.Month (a date cell), anything else, and text
// that does not read as the field's kind, as the text itself.
func changeValue(field, text string) any {
	f, ok := models.FieldNamed(field)
	if !ok || text == "" {
		return text
	}
	d, _ := f.Def()
	switch d.Kind {
	case models.ValueMoney:
		if m, err := models.ParseDecimal(text, models.Wan); err == nil {
			return m
		}
	case models.ValueMonth:
		if m, err := models.ParseMonth(text); err == nil {
			return m
		}
	}
	return text
}

// idOrNone is an import's number, blank for none (0).
func idOrNone(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// wallClock returns t's date and time of day in its own location as UTC,
// which excelize writes unchanged; the zero time is no time.
func wallClock(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}
