package importer

import (
	"fmt"
	"regexp"

	"tracker/models"
)

// The columns of the pre-filled unit ledger (UnitTemplate): the fixed
// ones, then the registry's fields shown InTemplate.

// unitTemplateCol is one column of the pre-filled ledger: its header, its
// width, whether the district fills it in (open), its input hint, how its
// cells are formatted and, for a registry field's column, the field.
type unitTemplateCol struct {
	head  string
	width float64
	open  bool
	hint  string
	kind  int              // 0 text, 1 amount, 2 month
	field *models.FieldDef // a registry field's column (InTemplate), nil for the fixed ones
}

// Cell kinds of the pre-filled ledger's columns.
const (
	utText = iota
	utAmount
	utMonth
)

// The pre-filled ledger's fixed columns, in order (letters A…H), then
// one for each registry field shown InTemplate (形象进度, 存在问题/需协调事项,
// 计划竣工时间). The headers are spelt as the importer reads them; 上月累计
// is a decoy it never reads.
const (
	utCode = iota
	utName
	utNature
	utPlan
	utPlannedStart
	utPrevious
	utCompleted
	utActualStart
)

// unitTemplateFirstRow is the first data row: title, stamp line, header.
const unitTemplateFirstRow = 4

func unitTemplateCols(m models.Month) []unitTemplateCol {
	prev := "上月累计完成投资（万元）"
	if m.Num() > 1 {
		prev = fmt.Sprintf("上月累计完成投资（1-%d月，万元）", m.Num()-1)
	}
	cum := fmt.Sprintf("1-%d月累计完成投资（万元）", m.Num())
	cols := []unitTemplateCol{
		{"项目代码", 28, false, "", utText, nil},
		{"项目名称", 36, false, "", utText, nil},
		{"建设性质", 10, false, "", utText, nil},
		{"年度计划投资（万元）", 14, false, "", utAmount, nil},
		{"计划开工时间", 12, false, "", utMonth, nil},
		{prev, 16, false, "", utAmount, nil},
		{cum, 16, true, fmt.Sprintf("当年1月至%d月底的累计数（万元），不是本月数，也不是开工以来累计；只填数字，不小于0", m.Num()), utAmount, nil},
		{"实际开工时间", 12, true, "已开工的填开工年月，如2024-04；未开工的留空", utMonth, nil},
	}
	for _, d := range models.FieldsShown(models.InTemplate) {
		cols = append(cols, fieldTemplateCol(d))
	}
	return cols
}

// fieldTemplateCol is a registry field's open column: headed as the
// importer reads it, a free text wide, a month or amount narrow.
func fieldTemplateCol(d models.FieldDef) unitTemplateCol {
	c := unitTemplateCol{head: d.Heading(), width: 36, open: true, hint: d.Hint, kind: utText, field: &d}
	switch d.Kind {
	case models.ValueMonth:
		c.width, c.kind = 12, utMonth
	case models.ValueMoney:
		c.width, c.kind = 16, utAmount
	case models.ValueText, models.ValueNature, models.ValueClass:
		c.width = 12
	}
	return c
}

// reExampleMonth finds the example month of a column's hint (如2025-12).
var reExampleMonth = regexp.MustCompile(`\d{4}-\d{2}`)

// monthError is the message of a month column's validation, with the
// example its hint gives.
func monthError(hint string) string {
	ex := reExampleMonth.FindString(hint)
	if ex == "" {
		ex = "2024-06"
	}
	return "请填写年月，如" + ex
}
