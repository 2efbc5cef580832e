package importer

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"tracker/importer/sheet"
	"tracker/models"
)

// UnitTemplateVersion is the version of the pre-filled unit ledger's
// layout, stamped in its title row and document properties.
const UnitTemplateVersion = "v1"

// UnitLedger is what a unit's pre-filled ledger for a month is made of:
// the unit, the month to report, and the unit's projects on the year's
// list at that month, each as of the month before (models.Project.AsOf of
// the previous month, its month notes as of then): last month's
// cumulative figure, the actual start known by then, the planned
// completion last reported.
type UnitLedger struct {
	Unit     string
	Period   models.Month
	Projects []models.Project
}

// unitTemplateTitle is the title row: the unit, the period and the stamp
// the importer reads back ("张店区重大项目建设情况台账（2024年1-6月，预填台账 v1）").
func unitTemplateTitle(unit string, m models.Month) string {
	return fmt.Sprintf("%s重大项目建设情况台账（%s，预填台账 %s）", unit, periodZh(m), UnitTemplateVersion)
}

// periodZh writes the reporting period of month m as ledgers do: 2024年1-6月.
func periodZh(m models.Month) string { return fmt.Sprintf("%d年1-%d月", m.Year(), m.Num()) }

// reUnitStamp finds the stamp of a pre-filled ledger in its title row.
var reUnitStamp = regexp.MustCompile(`预填台账\s*(v\d+)`)

// UnitStamp returns the template version a pre-filled ledger's title
// states ("v1"), "" for any other title.
func UnitStamp(title string) string {
	if m := reUnitStamp.FindStringSubmatch(title); m != nil {
		return m[1]
	}
	return ""
}

// UnitTemplate returns a unit's pre-filled ledger .xlsx for month l.Period:
// its projects with code, name, nature, plan, planned start, last month's
// cumulative figure and the actual start known then filled in and locked
// (the sheet is protected without a password), and the cells to fill —
// this month's cumulative figure, the actual start of a project not yet
// started, 形象进度, 存在问题/需协调事项 and 计划竣工时间 — open, with data
// validation and input hints. The title row, the 填报单位/报告期 line and
// the document properties carry the unit, the period and the template
// version, so the file imports back with no period given. A 说明 sheet
// (skipped on reading) explains it. Pure: no clock, no I/O.
func UnitTemplate(l UnitLedger) ([]byte, error) {
	if !l.Period.Valid() || l.Unit == "" {
		return nil, models.Errorf(models.EINVALID, "预填台账需要上报单位和报告月份")
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", templateSheet); err != nil {
		return nil, err
	}
	w := &unitWriter{f: f, l: l, cols: unitTemplateCols(l.Period)}
	for _, step := range []func() error{w.styles, w.head, w.rows, w.checks, w.look, w.notes, w.props} {
		if err := step(); err != nil {
			return nil, fmt.Errorf("unit template: %w", err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("unit template: %w", err)
	}
	return buf.Bytes(), nil
}

// unitWriter writes one pre-filled ledger.
type unitWriter struct {
	f    *excelize.File
	l    UnitLedger
	cols []unitTemplateCol
	// styles: [open][kind]; kind 0 text, 1 amount, 2 month
	cell         [2][3]int
	title, stamp int
	header       [2]int
}

func (w *unitWriter) last() string { return sheet.ColLetter(len(w.cols) - 1) }

// lastRow is the last data row (the header's row when there are none).
func (w *unitWriter) lastRow() int { return unitTemplateFirstRow - 1 + len(w.l.Projects) }

func (w *unitWriter) styles() error {
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	formats := [3]int{49, 0, 0} // text "@"; amounts and months get custom formats
	custom := [3]string{"", "#,##0.00##", "yyyy-mm"}
	for open := 0; open < 2; open++ {
		fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
		if open == 1 {
			fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
		}
		for k := 0; k < 3; k++ {
			st := &excelize.Style{Border: border, Fill: fill, NumFmt: formats[k], Protection: &excelize.Protection{Locked: open == 0},
				Alignment: &excelize.Alignment{Vertical: "center", WrapText: k == 0}}
			if custom[k] != "" {
				st.CustomNumFmt = &custom[k]
			}
			id, err := w.f.NewStyle(st)
			if err != nil {
				return err
			}
			w.cell[open][k] = id
		}
	}
	var err error
	if w.title, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center"}}); err != nil {
		return err
	}
	if w.stamp, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Size: 11}}); err != nil {
		return err
	}
	for open := 0; open < 2; open++ {
		color := []string{"D9D9D9", "FFD966"}[open]
		if w.header[open], err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}}); err != nil {
			return err
		}
	}
	return nil
}

// head writes the title, the 填报单位/报告期 line and the header.
func (w *unitWriter) head() error {
	f, last, m := w.f, w.last(), w.l.Period
	cells := []struct {
		ref string
		v   any
	}{
		{"A1", unitTemplateTitle(w.l.Unit, m)},
		{"A2", "填报单位：" + w.l.Unit}, {"D2", "报告期：" + periodZh(m)},
		{"H2", "黄色单元格为本月填报内容，灰色为已填信息（不可修改）"},
	}
	for _, c := range cells {
		if err := f.SetCellValue(templateSheet, c.ref, c.v); err != nil {
			return err
		}
	}
	for _, r := range [][2]string{{"A1", last + "1"}, {"A2", "C2"}, {"D2", "G2"}, {"H2", last + "2"}} {
		if err := f.MergeCell(templateSheet, r[0], r[1]); err != nil {
			return err
		}
	}
	for i, c := range w.cols {
		ref := sheet.ColLetter(i) + "3"
		if err := f.SetCellStr(templateSheet, ref, c.head); err != nil {
			return err
		}
		if err := f.SetCellStyle(templateSheet, ref, ref, w.header[b2i(c.open)]); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(templateSheet, "A1", "A1", w.title); err != nil {
		return err
	}
	return f.SetCellStyle(templateSheet, "A2", last+"2", w.stamp)
}

// rows writes one row per project: the known facts locked, the cells to
// fill open (the actual start only while the project has none).
func (w *unitWriter) rows() error {
	for i := range w.l.Projects {
		p := &w.l.Projects[i]
		r := unitTemplateFirstRow + i
		vals := w.values(p)
		for c, v := range vals {
			ref := sheet.ColLetter(c) + fmt.Sprint(r)
			open := w.cols[c].open && !(c == utActualStart && !p.ActualStart.IsZero())
			if err := w.f.SetCellStyle(templateSheet, ref, ref, w.cell[b2i(open)][w.cols[c].kind]); err != nil {
				return err
			}
			if v == nil {
				continue
			}
			if err := w.f.SetCellValue(templateSheet, ref, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// values are a project's cells, one a column: the known facts, last
// month's cumulative figure, and of the registry's columns a month's value
// as last reported (a planned completion stands until it changes), a
// text's left blank (each month's is the month's own).
func (w *unitWriter) values(p *models.Project) []any {
	vals := make([]any, len(w.cols))
	vals[utCode], vals[utName], vals[utNature] = p.Code, p.Name, string(p.Nature)
	vals[utPlan], vals[utPlannedStart] = wanCell(p.AnnualPlan), monthCell(p.PlannedStart)
	if len(p.Investments) > 0 {
		vals[utPrevious] = wanCell(p.CompletedYTD)
	}
	vals[utActualStart] = monthCell(p.ActualStart)
	for c, col := range w.cols {
		if col.field == nil {
			continue
		}
		switch v := col.field.Ptr(&p.Facts).(type) {
		case *models.Month:
			vals[c] = monthCell(*v)
		case *models.Money:
			vals[c] = wanCell(*v)
		}
	}
	return vals
}

// wanCell is an amount as the number of 万元 a cell holds.
func wanCell(m models.Money) any { return m.WanFloat() }

// monthCell is a month as a date on its first day, nil for none.
func monthCell(m models.Month) any {
	if m.IsZero() {
		return nil
	}
	return time.Date(m.Year(), time.Month(m.Num()), 1, 0, 0, 0, 0, time.UTC)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checks adds the data validation of the open columns: amounts are numbers
// not below 0, months are dates, texts are hinted.
func (w *unitWriter) checks() error {
	if len(w.l.Projects) == 0 {
		return nil
	}
	first, last := unitTemplateFirstRow, w.lastRow()
	for i, c := range w.cols {
		if !c.open {
			continue
		}
		col := sheet.ColLetter(i)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s%d:%s%d", col, first, col, last))
		dv.SetInput(c.head, c.hint)
		switch c.kind {
		case utAmount:
			if err := dv.SetRange(0, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "金额有误", "请填写不小于0的数字，单位万元")
		case utMonth:
			// 2000-01-01 .. 2100-12-31 as Excel serial days
			if err := dv.SetRange(36526, 73415, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "日期有误", monthError(c.hint))
		default:
			if err := dv.SetRange(0, 2000, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "内容过长", "请控制在2000字以内")
		}
		if err := w.f.AddDataValidation(templateSheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// look sets widths, freezes the header and protects the sheet without a
// password: the gray cells cannot be changed, the yellow ones can.
func (w *unitWriter) look() error {
	f := w.f
	for i, c := range w.cols {
		col := sheet.ColLetter(i)
		if err := f.SetColWidth(templateSheet, col, col, c.width); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(templateSheet, 3, 36); err != nil {
		return err
	}
	if err := f.SetPanes(templateSheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 3, TopLeftCell: "C4", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	return f.ProtectSheet(templateSheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true, AutoFilter: true, Sort: false})
}

// notes writes the 说明 sheet, skipped when a ledger is read.
func (w *unitWriter) notes() error {
	if _, err := w.f.NewSheet("说明"); err != nil {
		return err
	}
	m := w.l.Period
	lines := []string{
		fmt.Sprintf("%s %s 重大项目建设情况预填台账 填报说明（预填台账 %s）", w.l.Unit, periodZh(m), UnitTemplateVersion),
		fmt.Sprintf("1. 本表已列出本单位%d年%d月在年度清单上的%d个项目；灰色单元格为已有信息，不可修改，如有错误请联系市发改委。", m.Year(), m.Num(), len(w.l.Projects)),
		"2. 黄色单元格为本月填报内容：" + openHeads(w.cols) + "。",
		"3. 累计完成投资为当年1月至报告期末的累计数（万元），不是本月数，也不是开工以来累计；“上月累计”一列仅供对照，不导入。",
		"4. 开工、竣工时间填年月，如2024-06；尚未开工的项目实际开工时间留空。",
		"5. 标题行标明了填报单位、报告期和模板版本，上传时无需再选择报告月份；请勿修改标题、表头和行的顺序。",
	}
	for i, s := range lines {
		if err := w.f.SetCellValue("说明", fmt.Sprintf("A%d", i+1), s); err != nil {
			return err
		}
	}
	return w.f.SetColWidth("说明", "A", "A", 120)
}

// openHeads names the columns to fill in, the actual start with when.
func openHeads(cols []unitTemplateCol) string {
	var heads []string
	for i, c := range cols {
		if !c.open {
			continue
		}
		if i == utActualStart {
			heads = append(heads, c.head+"（尚未开工的项目）")
			continue
		}
		heads = append(heads, c.head)
	}
	return strings.Join(heads, "、")
}

// props stamps the document properties with the unit, period and version.
func (w *unitWriter) props() error {
	return w.f.SetDocProps(&excelize.DocProperties{
		Title:       unitTemplateTitle(w.l.Unit, w.l.Period),
		Subject:     fmt.Sprintf("%s %s", w.l.Unit, w.l.Period),
		Keywords:    fmt.Sprintf("预填台账;unit=%s;period=%s;version=%s", w.l.Unit, w.l.Period, UnitTemplateVersion),
		Category:    "预填台账",
		Creator:     "淄博市重大项目管理系统",
		Description: "灰色单元格为已有信息，黄色单元格为本月填报内容",
		Version:     UnitTemplateVersion,
		Language:    "zh-CN",
	})
}
