package importer

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"tracker/importer/sheet"
	"tracker/models"
)

// templateSheet is the data sheet of the template; its 说明 sheet is
// skipped on reading by its name.
const templateSheet = "台账"

// templateHeader is the template's header row: every field, with units.
var templateHeader = []string{"项目代码", "项目名称", "所属区县", "责任单位", "建设性质", "项目类别", "项目级别",
	"总投资（万元）", "年度计划投资（万元）", "年初至报告期累计完成投资（万元）", "计划开工时间", "实际开工时间", "备注"}

// templateExample is the example row. It is never imported as a project:
// a row with its code and a text marked 示例 is skipped with a warning.
var templateExample = []any{exampleCode, "淄博齐鲁新材料产业园项目（示例）", "张店区", "张店区发展和改革局", "新开工",
	"工业", "市重大", 52000, 18000, 9650.5, "2024-03", "2024-04", "示例行，填报时请删除"}

// Template returns the ledger template .xlsx: a title carrying the version
// ("淄博市重大项目建设情况台账（模板 v1）"), a 填报单位 and 报告期 line,
// Chinese headers with units, drop-down lists for 所属区县 (the default
// units) and 建设性质, input hints, a frozen header, one example row, and a
// 说明 sheet. version "" means "v1".
func Template(version string) ([]byte, error) {
	if version == "" {
		version = "v1"
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", templateSheet); err != nil {
		return nil, err
	}
	steps := []func(*excelize.File, string) error{templateRows, templateLists, templateHints, templateLook, templateNotes}
	for _, step := range steps {
		if err := step(f, version); err != nil {
			return nil, fmt.Errorf("template: %w", err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	return buf.Bytes(), nil
}

func templateRows(f *excelize.File, version string) error {
	last := sheet.ColLetter(len(templateHeader) - 1)
	cells := []struct {
		ref string
		v   any
	}{
		{"A1", fmt.Sprintf("淄博市重大项目建设情况台账（模板 %s）", version)},
		{"A2", "填报单位："}, {"F2", "报告期：2024年1-6月"},
	}
	for _, c := range cells {
		if err := f.SetCellValue(templateSheet, c.ref, c.v); err != nil {
			return err
		}
	}
	for _, m := range [][2]string{{"A1", last + "1"}, {"A2", "E2"}, {"F2", last + "2"}} {
		if err := f.MergeCell(templateSheet, m[0], m[1]); err != nil {
			return err
		}
	}
	if err := f.SetSheetRow(templateSheet, "A3", &templateHeader); err != nil {
		return err
	}
	return f.SetSheetRow(templateSheet, "A4", &templateExample)
}

// exampleCode is the example row's project code.
const exampleCode = "2403-370303-04-01-000123"

// isExample reports the template's example row: the example's code and a
// cell marked 示例 (its name, its remark).
func (s *sheetReader) isExample(r *sheet.Row) bool {
	code, ok := s.h.column(fieldCode)
	if !ok {
		return false
	}
	if c, _ := normCode(r.Get(code.col).Text); c != exampleCode {
		return false
	}
	for _, c := range r.Cells {
		if strings.Contains(c.Text, "示例") {
			return true
		}
	}
	return false
}

// templateLists adds the drop-down lists.
func templateLists(f *excelize.File, _ string) error {
	var names []string
	for _, u := range models.DefaultUnits() {
		names = append(names, u.Name)
	}
	lists := []struct {
		col   string
		items []string
	}{
		{"C", names}, {"E", []string{string(models.NatureNew), string(models.NatureContinuing)}},
		{"F", models.DefaultCategories()}, {"G", models.DefaultLevels()},
	}
	for _, l := range lists {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = l.col + "4:" + l.col + "5000"
		if err := dv.SetDropList(l.items); err != nil {
			return err
		}
		if err := f.AddDataValidation(templateSheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// templateHints adds input prompts to the columns people get wrong.
func templateHints(f *excelize.File, _ string) error {
	hints := []struct{ cols, title, msg string }{
		{"A", "项目代码", "24位统一项目代码，如2403-370303-04-01-000123"},
		{"H", "金额", "单位：万元，只填数字，最多4位小数"},
		{"I", "金额", "单位：万元，只填数字，最多4位小数"},
		{"J", "累计完成投资", "当年1月至报告期末的累计数（万元），不是本月数，也不是开工以来累计"},
		{"K", "开工时间", "填年月，如2024-03或2024年3月"},
		{"L", "开工时间", "已开工填年月，如2024-04；未开工填“未开工”"},
	}
	for _, h := range hints {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = h.cols + "4:" + h.cols + "5000"
		dv.SetInput(h.title, h.msg)
		if err := f.AddDataValidation(templateSheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// templateLook freezes the header and sets widths and styles.
func templateLook(f *excelize.File, _ string) error {
	last := sheet.ColLetter(len(templateHeader) - 1)
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	steps := []error{
		f.SetCellStyle(templateSheet, "A1", "A1", title),
		f.SetCellStyle(templateSheet, "A3", last+"3", head),
		f.SetColStyle(templateSheet, "A", text),
		f.SetColStyle(templateSheet, "K:L", text),
		f.SetColWidth(templateSheet, "A", "A", 28),
		f.SetColWidth(templateSheet, "B", "B", 36),
		f.SetColWidth(templateSheet, "C", last, 16),
		f.SetPanes(templateSheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}),
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return nil
}

// templateNotes writes the 说明 sheet, skipped when a ledger is read.
func templateNotes(f *excelize.File, version string) error {
	if _, err := f.NewSheet("说明"); err != nil {
		return err
	}
	lines := []string{
		"淄博市重大项目建设情况台账 填报说明（模板 " + version + "）",
		"1. 在“台账”表第4行起每行填一个项目，示例行填报时请删除；表头和列的顺序不要改动。",
		"2. 报告期写在第2行，如“报告期：2024年1-6月”；累计完成投资为当年1月至报告期末的累计数。",
		"3. 金额单位为万元；开工时间填年月，如2024-03；未开工的填“未开工”。",
		"4. 项目代码为24位统一项目代码；所属区县、建设性质、项目类别、项目级别请从下拉列表中选择。",
		"5. 可识别的其他表头写法：" + strings.ReplaceAll(expectedHeaders(), "、", "，"),
	}
	for i, l := range lines {
		if err := f.SetCellValue("说明", fmt.Sprintf("A%d", i+1), l); err != nil {
			return err
		}
	}
	return nil
}
