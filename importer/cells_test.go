package importer

import (
	"testing"

	"tracker/importer/sheet"
	"tracker/models"
)

func TestParseMonth(t *testing.T) {
	cases := []struct {
		c          sheet.Cell
		want       models.Month
		stated     bool
		notStarted bool
		bad        bool
	}{
		{sheet.Cell{Kind: sheet.KindDate, Text: "45366"}, 202403, true, false, false},
		{sheet.Cell{Kind: sheet.KindNumber, Text: "45366"}, 202403, true, false, false},
		{sheet.Cell{Kind: sheet.KindNumber, Text: "202403"}, 202403, true, false, false},
		{sheet.Cell{Kind: sheet.KindNumber, Text: "20240315"}, 202403, true, false, false},
		{sheet.Cell{Kind: sheet.KindNumber, Text: "2024.3"}, 202403, true, false, false},
		{sheet.Cell{Kind: sheet.KindNumber, Text: "2024.11"}, 202411, true, false, false},
		{sheet.Cell{Kind: sheet.KindNumber, Text: "7"}, 202407, true, false, false},
		{sheet.Cell{Kind: sheet.KindISODate, Text: "2024-03-15T00:00:00Z"}, 202403, true, false, false},
		{sheet.Cell{Text: "2024年3月"}, 202403, true, false, false},
		{sheet.Cell{Text: "2024年03月份"}, 202403, true, false, false},
		{sheet.Cell{Text: "2024.3"}, 202403, true, false, false},
		{sheet.Cell{Text: "2024.10"}, 202410, true, false, false},
		{sheet.Cell{Text: "2024-03"}, 202403, true, false, false},
		{sheet.Cell{Text: "2024/3/15"}, 202403, true, false, false},
		{sheet.Cell{Text: "2024年3月15日"}, 202403, true, false, false},
		{sheet.Cell{Text: "２０２４年３月"}, 202403, true, false, false},
		{sheet.Cell{Text: "2024-03-15 00:00:00"}, 202403, true, false, false},
		{sheet.Cell{Text: "2024-03-15T08:00:00+08:00"}, 202403, true, false, false},
		{sheet.Cell{Text: "3月"}, 202403, true, false, false},
		{sheet.Cell{Text: "3月底"}, 202403, true, false, false},
		{sheet.Cell{Text: "202403"}, 202403, true, false, false},
		{sheet.Cell{Text: "24.3"}, 202403, true, false, false},
		{sheet.Cell{Text: "24年10月"}, 202410, true, false, false},
		{sheet.Cell{Kind: sheet.KindNumber, Text: "24.3"}, 202403, true, false, false},
		{sheet.Cell{Text: "12.5"}, 0, false, false, true}, // 12月5日 or 2012年5月: neither is taken
		{sheet.Cell{Kind: sheet.KindNumber, Text: "12.5"}, 0, false, false, true},
		{sheet.Cell{Text: "2024年一季度"}, 202403, true, false, false}, // by the quarter's end
		{sheet.Cell{Text: "2024年第2季度"}, 202406, true, false, false},
		{sheet.Cell{Text: "2024年四季度"}, 202412, true, false, false},
		{sheet.Cell{Text: "2024年上半年"}, 202406, true, false, false},
		{sheet.Cell{Text: "2024年底"}, 202412, true, false, false},
		{sheet.Cell{Text: "2024年五季度"}, 0, false, false, true},
		{sheet.Cell{Text: ""}, 0, false, false, false},
		{sheet.Cell{Text: "未开工"}, 0, true, true, false},
		{sheet.Cell{Text: "—"}, 0, true, true, false},
		{sheet.Cell{Text: "-"}, 0, true, true, false},
		{sheet.Cell{Text: "无"}, 0, true, true, false},
		{sheet.Cell{Text: "2024年13月"}, 0, false, false, true},
		{sheet.Cell{Text: "2024/3/32"}, 0, false, false, true},
		{sheet.Cell{Text: "明年"}, 0, false, false, true},
		{sheet.Cell{Kind: sheet.KindNumber, Text: "2024"}, 0, false, false, true},
		{sheet.Cell{Kind: sheet.KindError, Text: "#VALUE!"}, 0, false, false, true},
	}
	for _, c := range cases {
		got := parseMonth(c.c, 2024, false)
		if got.m != c.want || got.stated != c.stated || got.notStarted != c.notStarted || (got.err != "") != c.bad {
			t.Errorf("parseMonth(%q kind %d): got %+v, want %v stated=%v notStarted=%v bad=%v", c.c.Text, c.c.Kind, got, c.want, c.stated, c.notStarted, c.bad)
		}
	}
	if got := parseMonth(sheet.Cell{Kind: sheet.KindDate, Text: "43903"}, 2024, true); got.m != 202403 {
		t.Errorf("1904 date system: got %v, want 2024-03", got.m)
	}
}

func TestParseAmount(t *testing.T) {
	cases := []struct {
		c      sheet.Cell
		unit   models.Money
		want   models.Money
		stated bool
		bad    bool
	}{
		{sheet.Cell{Kind: sheet.KindNumber, Text: "9650.5"}, models.Wan, 96505000, true, false},
		{sheet.Cell{Kind: sheet.KindNumber, Text: "1.2E+3"}, models.Wan, 12000000, true, false},
		{sheet.Cell{Kind: sheet.KindNumber, Text: "0.96505"}, models.Yi, 96505000, true, false},
		{sheet.Cell{Text: "1,234.56"}, models.Wan, 12345600, true, false},
		{sheet.Cell{Text: "１２３４．５"}, models.Wan, 12345000, true, false},
		{sheet.Cell{Text: "１，０００"}, models.Wan, 10000000, true, false},
		{sheet.Cell{Text: " 8 000\u00a0"}, models.Wan, 80000000, true, false},
		{sheet.Cell{Text: "\u3000100\u3000"}, models.Wan, 1000000, true, false},
		{sheet.Cell{Text: "2.5亿元"}, models.Wan, 250000000, true, false},
		{sheet.Cell{Text: "3000万元"}, models.Yi, 30000000, true, false},
		{sheet.Cell{Text: "0.00005"}, models.Wan, 1, true, false},
		{sheet.Cell{Text: ""}, models.Wan, 0, false, false},
		{sheet.Cell{Text: "—"}, models.Wan, 0, false, false},
		{sheet.Cell{Text: "-"}, models.Wan, 0, false, false},
		{sheet.Cell{Text: "无"}, models.Wan, 0, false, false},
		{sheet.Cell{Text: "abc"}, models.Wan, 0, false, true},
		{sheet.Cell{Text: "-20"}, models.Wan, 0, false, true},
		{sheet.Cell{Text: "约5000"}, models.Wan, 0, false, true},
		{sheet.Cell{Kind: sheet.KindError, Text: "#DIV/0!"}, models.Wan, 0, false, true},
		{sheet.Cell{Kind: sheet.KindNoCache}, models.Wan, 0, false, false},
	}
	for _, c := range cases {
		v, stated, msg := parseAmount(c.c, c.unit)
		if v != c.want || stated != c.stated || (msg != "") != c.bad {
			t.Errorf("parseAmount(%q, %d): got %d %v %q, want %d %v bad=%v", c.c.Text, c.unit, v, stated, msg, c.want, c.stated, c.bad)
		}
	}
}

func TestHeaderSpellings(t *testing.T) {
	cases := []struct {
		text  string
		field Field
		unit  models.Money
		month int
	}{
		{"项目代码", fieldCode, 0, 0},
		{"项目代码（备案证号）", fieldCode, 0, 0},
		{"统一项目代码", fieldCode, 0, 0},
		{"项目\n名称", FieldName, 0, 0},
		{"项目名称（全称）", FieldName, 0, 0},
		{"所属区域", FieldDistrict, 0, 0},
		{"主管部门", FieldUnit, 0, 0},
		{"项目性质", FieldNature, 0, 0},
		{"行业类别", FieldCategory, 0, 0},
		{"级别", FieldLevel, 0, 0},
		{"计划总投资（亿元）", FieldTotalInvestment, models.Yi, 0},
		{"总投资(万元)", FieldTotalInvestment, models.Wan, 0},
		{"2024年计划投资", FieldAnnualPlan, 0, 0},
		{"2024年度计划投资（万元）", FieldAnnualPlan, models.Wan, 0},
		{"1-6月累计完成投资", FieldCompletedYTD, 0, 6},
		{"1—6月累计完成投资", FieldCompletedYTD, 0, 6},
		{"1～6月累计完成投资", FieldCompletedYTD, 0, 6},
		{"1月-10月完成投资", FieldCompletedYTD, 0, 10},
		{"截至6月底累计完成投资", FieldCompletedYTD, 0, 6},
		{"年初至报告期累计完成投资", FieldCompletedYTD, 0, 0},
		{"本年累计完成投资（亿元）", FieldCompletedYTD, models.Yi, 0},
		{"1月累计完成投资（万元）", FieldCompletedYTD, models.Wan, 1},
		{"1月份累计完成投资", FieldCompletedYTD, 0, 1},
		{"2024年1月累计完成投资（亿元）", FieldCompletedYTD, models.Yi, 1},
		{"1月完成投资", FieldCompletedYTD, 0, 1},
		{"1月份累计完成", FieldCompletedYTD, 0, 1},
		{"总投资额（万元）", FieldTotalInvestment, models.Wan, 0},
		{"年度投资计划（万元）", FieldAnnualPlan, models.Wan, 0},
		{"1-8月实际完成投资（万元）", FieldCompletedYTD, models.Wan, 8},
		{"年度累计完成投资", FieldCompletedYTD, 0, 0},
		{"计划开工日期", FieldPlannedStart, 0, 0},
		{"实际开工日期", FieldActualStart, 0, 0},
		{"项目名称及建设内容", FieldName, 0, 0},
		{"开工时间（计划）", FieldPlannedStart, 0, 0},
		{"预计开工", FieldPlannedStart, 0, 0},
		{"开工时间", FieldActualStart, 0, 0},
		{"今年以来累计完成投资（万元）", FieldCompletedYTD, models.Wan, 0}, // 今年以来 is the year so far
		{"年初以来累计完成投资", FieldCompletedYTD, 0, 0},
		{"自年初至今累计完成投资", FieldCompletedYTD, 0, 0},
		{"总投资（亿）", FieldTotalInvestment, models.Yi, 0}, // units written without 元
		{"年度计划投资（万）", FieldAnnualPlan, models.Wan, 0},
		{"总投资/亿", FieldTotalInvestment, models.Yi, 0},
	}
	for _, c := range cases {
		l := normLabel(c.text)
		f, ok := l.lookup()
		if !ok || f != c.field || l.unit != c.unit || l.month != c.month {
			t.Errorf("%q: got field %v ok=%v unit %d month %d, want %v %d %d", c.text, f, ok, l.unit, l.month, c.field, c.unit, c.month)
		}
	}
	for _, decoy := range []string{"本月完成投资", "其中：6月完成", "开工以来累计完成投资", "建设单位", "填报时间", "4-6月完成投资", "6月完成投资", "11月累计完成投资", "其中：1月完成", "联系人", "备注", "序号"} {
		if f, ok := normLabel(decoy).lookup(); ok {
			t.Errorf("decoy %q mapped to %v", decoy, f)
		}
	}
}

func TestWindowUnit(t *testing.T) {
	for text, want := range map[string]models.Money{"单位：亿元": models.Yi, "金额单位：亿": models.Yi, "（单位：亿）": models.Yi,
		"单位：元": models.Yuan, "单位：万元": models.Wan, "填报单位：亿利化工有限公司": models.Wan, "填报单位：元丰集团": models.Wan,
		"单位：亿元  填报日期：2024年7月5日": models.Yi} {
		rows := []*sheet.Row{{Num: 1, Cells: []sheet.Cell{{Col: 0, Kind: sheet.KindText, Text: text}}}}
		if got := windowUnit(rows); got != want {
			t.Errorf("windowUnit(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestSheetNamePeriod(t *testing.T) {
	for name, want := range map[string]string{"2024.6": "2024年1-6月", "2024-06": "2024年1-6月", "2024年6月": "2024年1-6月",
		"6月": "1-6月", "6月份": "1-6月", "12": "", "2024": "", "台账": "", "13月": "", "Sheet1": ""} {
		if got := sheetNamePeriod(name); got != want {
			t.Errorf("sheetNamePeriod(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestPeriodIn(t *testing.T) {
	cases := []struct {
		text        string
		year, month int
	}{
		{"2024年1-6月市重大项目建设情况台账", 2024, 6},
		{"2024年1—6月市重大项目建设情况台账", 2024, 6},
		{"2024年1~6月", 2024, 6},
		{"截至2024年6月底重大项目进展", 2024, 6},
		{"2024年上半年重大项目", 2024, 6},
		{"2024年前三季度", 2024, 9},
		{"报告期：2024-06", 2024, 6},
		{"2024年6月重大项目调度表", 2024, 6},
		{"2024年市重大项目台账", 2024, 0},
		{"重大项目台账", 0, 0},
	}
	for _, c := range cases {
		if y, m := periodIn(c.text); y != c.year || m != c.month {
			t.Errorf("periodIn(%q): got %d %d, want %d %d", c.text, y, m, c.year, c.month)
		}
	}
}

// TestGroupLeaf: a leaf under a group heading ending in 投资 reads as one
// label (c02: 2024年度投资（万元） over 计划投资), with the group's unit.
func TestGroupLeaf(t *testing.T) {
	cases := []struct {
		parts []string
		field Field
		unit  models.Money
	}{
		{[]string{"投资情况", "2024年度投资（万元）", "计划投资"}, FieldAnnualPlan, models.Wan},
		{[]string{"2024年度投资（万元）", "计划投资"}, FieldAnnualPlan, models.Wan},
		{[]string{"2024年度投资", "计划投资"}, FieldAnnualPlan, models.Yi},
		{[]string{"本年度投资（亿元）", "计划"}, FieldAnnualPlan, models.Yi},
		{[]string{"2024年度投资（万元）", "1-7月累计完成"}, FieldCompletedYTD, models.Wan},
		{[]string{"投资情况", "2024年度投资（万元）", "1-7月累计完成投资"}, FieldCompletedYTD, models.Wan},
	}
	for _, c := range cases {
		col := mapColumn(5, c.parts, models.Yi)
		if ok := col.field != 0; !ok || col.field != c.field || col.unit != c.unit {
			t.Errorf("%q: got %v ok=%v unit %d, want %v %d", c.parts, col.field, ok, col.unit, c.field, c.unit)
		}
	}
	for _, decoy := range [][]string{{"开工以来投资", "累计完成"}, {"投资（万元）", "本月完成"}, {"2024年度投资", "本月完成"}} {
		if col := mapColumn(5, decoy, models.Wan); col.field != 0 {
			t.Errorf("decoy %q mapped to %v", decoy, col.field)
		}
	}
}

// TestStatedPeriodSentDateSameRow: a 报告期 and a 填报日期 on one row (c32):
// the 报告期 states the period, the 填报日期 only the sending date, in
// either order; alone, the 填报日期 only gives the year.
func TestStatedPeriodSentDateSameRow(t *testing.T) {
	ytd := &header{byField: map[Field]int{FieldCompletedYTD: 0}, cols: []column{{field: FieldCompletedYTD}}}
	ytd12 := &header{byField: map[Field]int{FieldCompletedYTD: 0}, cols: []column{{field: FieldCompletedYTD, month: 12}}}
	cases := []struct {
		h     *header
		lines []string
		want  models.Month
	}{
		{ytd, []string{"周村区市重大项目建设情况台账", "报告期：2024年1-8月 填报日期：2024年9月4日"}, models.MonthOf(2024, 8)},
		{ytd, []string{"周村区市重大项目建设情况台账", "填报日期：2024年9月4日 报告期：2024年1-8月"}, models.MonthOf(2024, 8)},
		{ytd, []string{"报告期：2024年8月　　填报单位：周村区发改局　　填报日期：2024年9月4日"}, models.MonthOf(2024, 8)},
		{ytd, []string{"市重大项目台账", "填报日期：2024年9月4日"}, 0},
		{ytd12, []string{"市重大项目台账", "填报单位：周村区发改局 填报日期：2025年1月6日"}, models.MonthOf(2024, 12)},
	}
	for _, c := range cases {
		if got := statedPeriod(c.h, c.lines); got != c.want {
			t.Errorf("%q: got %v, want %v", c.lines, got, c.want)
		}
	}
}

// TestUnrecognised: amount- and date-like headers that map no field are
// reported; decoys and other known columns are not.
func TestUnrecognised(t *testing.T) {
	for _, parts := range [][]string{{"实际投资额（万元）"}, {"开工年月"}, {"累计完成投资"}, {"投资情况（亿元）", "中期调整"}, {"项目金额（万元）"}} {
		if !unrecognised(parts) {
			t.Errorf("%q not reported", parts)
		}
	}
	for _, parts := range [][]string{{"本月完成投资（万元）"}, {"开工以来累计完成投资（万元）"}, {"其中：8月完成"}, {"8月完成投资（万元）"},
		{"4-6月完成投资"}, {"填报时间"}, {"计划竣工时间"}, {"完成率"}, {"投资预警"}, {"开工预警"}, {"逾期月数"}, {"建设单位"},
		{"备注"}, {"联系人"}, {"形象进度"}, {"中央预算内投资（万元）"}, {"开工状态"}} {
		if unrecognised(parts) {
			t.Errorf("%q reported", parts)
		}
	}
}
