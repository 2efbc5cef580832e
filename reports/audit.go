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
// are shown in Chinese (see AuditWorkbook).
type AuditRow struct {
	At         time.Time // when the change was made, shown in At's own location
	User       string
	Kind       string // "upload" (上传台账) or "edit" (手工修改)
	FileName   string // the ledger's name, "" for an edit
	Status     string // the import's status as the caller names it
	Code       string // the project's code
	Field      string // a change field key such as "annual_plan_wan"
	Period     string // the report month a figure belongs to, e.g. "2024-06"
	Old, New   string
	ImportID   int64  // 0 for none
	RevertedBy string // who reverted the import, "" if nobody
}

// AuditWorkbook writes the audit trail as a workbook of one sheet, 修改记录,
// in the house table style (title, frozen header with an autofilter, A4
// landscape), streamed, one row per AuditRow in the given order: 序号, 时间
// (a date-time cell), 用户, 类型, 文件名, 状态, 导入编号 (blank for 0),
// 项目代码, 字段, 报告期, 原值, 新值, 撤销人. Kind "upload"/"edit" is shown
// as 上传台账/手工修改 and Field keys by their Chinese headers; unknown
// keys pass through. Every value users typed is written as text, so one
// beginning with =, +, - or @ never becomes a formula (nor "0012" a number).
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
			auditCol{"报告期", kCenter, func(r *AuditRow) any { return r.Period }},
			auditCol{"原值", kText, func(r *AuditRow) any { return r.Old }},
			auditCol{"新值", kText, func(r *AuditRow) any { return r.New }},
			auditCol{"撤销人", kCenter, func(r *AuditRow) any { return r.RevertedBy }},
		)...),
	}
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
