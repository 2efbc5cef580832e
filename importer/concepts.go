package importer

import "unicode/utf8"

// Labels people agree on are in headerSpellings (headers.go). Labels no
// list foresaw are read by concept: a header names a field when it holds
// one word of each of the rule's groups and none of its excluded words,
// whatever the word order and the prefixes (所属, 所在, 项目) around them.
// The rules are tried in order, so the more specific come first (计划开工
// before 开工, 总投资 before 计划投资). Excluded words keep the decoys out:
// 本月完成, 开工以来累计, 建设单位, 填报时间, 完成率 never name a field.
type conceptRule struct {
	field   Field
	all     [][]string // each group: at least one of its words, in the label's rows joined
	none    []string   // none of these in the label's lowest row
	noneAny []string   // none of these in any row (a period the field is not of)
}

// Word lists several rules share.
var (
	// notYTD marks amounts that are not the cumulative figure of the year:
	// one month's, since the project began, last year's, parts of it,
	// rates, and funds rather than investment.
	notYTD = []string{"本月", "当月", "上月", "上年", "去年", "同期", "以来", "自开工", "开工至今", "其中", "率", "比例", "占",
		"%", "到位", "资金", "预算内", "专项", "债", "贷款", "自筹", "情况", "进度", "说明", "内容", "计划", "预计", "目标", "任务"}
	// notDate marks date-like headers that are no start or completion
	// date: when the ledger was sent, yes/no columns, counts and rates.
	notDate = []string{"填报", "报送", "制表", "是否", "率", "数", "个数", "情况", "条件", "以来", "累计", "天", "预警", "状态"}
)

// conceptRules read the labels outside the spelling table, as data.
var conceptRules = []conceptRule{
	{field: fieldCode, all: [][]string{{"代码", "编码", "赋码"}}, none: []string{"原", "旧", "曾用", "区划", "信用", "统计", "行业", "邮编", "单位"}},
	{field: FieldName, all: [][]string{{"名称", "项目名"}}, none: []string{"单位", "企业", "公司", "业主", "法人", "代码", "编码", "部门",
		"区县", "县区", "区域", "地区", "属地", "地点", "地址", "行业", "类别", "类型", "性质", "级别", "阶段"}},
	{field: FieldDistrict, all: [][]string{{"区县", "县区", "县市区", "市县区", "区(县)", "县(区)", "县(市、区)", "县(市,区)", "县市(区)",
		"属地", "区域", "地区", "辖区", "功能区", "所在县", "所在区", "所属县", "所属区", "行政区"}},
		none: []string{"单位", "部门", "地址", "地点", "位置", "面积", "代码", "编码"}},
	{field: FieldUnit, all: [][]string{{"责任", "主管", "牵头", "包保", "推进", "归口"}, {"单位", "部门", "主体"}},
		none: []string{"建设单位", "项目单位", "业主", "法人", "填报", "报送", "联系", "电话", "人"}},
	{field: FieldNature, all: [][]string{{"性质", "新开工/续建", "新开工或续建", "新建/续建", "新开/续建", "续建/新开工"}}, none: []string{"用地", "土地", "资金", "企业", "单位"}},
	{field: FieldLevel, all: [][]string{{"级别", "层级", "等级"}}},
	{field: FieldCategory, all: [][]string{{"类别", "类型", "行业", "领域", "分类", "产业"}}, none: []string{"投资", "单位", "资金", "金额", "代码", "编码", "用地"}},
	{field: FieldTotalInvestment, all: [][]string{{"总投资", "投资总额", "总概算", "概算总投资", "概算投资", "总投入"}},
		none: []string{"累计", "完成", "以来", "率", "比例", "占", "%", "到位", "资金来源", "其中", "中央", "省级", "市级", "自筹", "贷款", "债", "年度", "本年"}},
	{field: FieldAnnualPlan, all: [][]string{{"计划", "目标", "任务"}, {"年", "{Y}"}},
		none:    []string{"总投资", "总额", "开工", "竣工", "投产", "完工", "率", "比例", "%", "资金", "到位", "债", "上年", "去年", "年限", "起止", "建设期"},
		noneAny: []string{"{M}", "月"}},
	{field: FieldCompletedYTD, all: [][]string{{"完成", "累计"}, {"投资", "{M}", "本年", "年初", "年度", "{Y}", "累计", "额"}}, none: notYTD},
	{field: FieldPlannedStart, all: [][]string{{"开工"}, {"计划", "预计", "拟", "预定", "应"}}, none: append([]string{"竣工", "投产"}, notDate...)},
	{field: FieldActualStart, all: [][]string{{"开工"}, {"时间", "日期", "月份", "年月", "实际", "开工月"}}, none: append([]string{"计划", "预计", "拟", "预定", "竣工", "投产"}, notDate...)},
	{field: FieldPlannedCompletion, all: [][]string{{"竣工", "完工", "建成", "投产"}, {"时间", "日期", "月份", "年月", "计划", "预计", "拟"}},
		none: append([]string{"开工", "实际", "已"}, notDate...)},
	{field: FieldProgress, all: [][]string{{"形象进度", "工程进度", "建设进度", "项目进度", "进展情况", "项目进展", "建设进展", "进度情况", "建设情况", "工程进展", "进展"}},
		none: []string{"序时", "率", "%", "投资进度", "资金", "台账", "情况表", "一览表", "汇总"}},
	{field: FieldProblems, all: [][]string{{"问题", "需协调", "协调事项", "协调解决", "困难", "制约因素", "需解决", "诉求"}}, none: []string{"是否", "问题说明"}},
}

// groupDecoys change the meaning of every label under them: a concept is
// not read from a header part when any part of the column holds one.
var groupDecoys = []string{"以来", "自开工", "开工至今", "本月", "当月", "上月", "上年", "去年", "同期"}

// maxLabelRunes is the longest text read as a label by concept: headers
// are short, and a long text (a 形象进度 entry in a data row, a note) must
// not pass for one.
const maxLabelRunes = 24

// conceptField returns the field a label names by concept. key is the
// label in normLabel's form ({Y}, {M}, units removed), the rows of a
// multi-row header joined; leaf is its lowest row, which alone is checked
// for the rule's excluded words (a group heading 投资完成情况 over 1-6月
// is no 完成情况 column), the group headings having been checked for
// groupDecoys before.
func conceptField(key, leaf string) (Field, bool) {
	if key == "" || utf8.RuneCountInString(leaf) > maxLabelRunes || utf8.RuneCountInString(key) > 2*maxLabelRunes {
		return 0, false
	}
	oneMonth := reMonthLeft.MatchString(key) // 8月完成投资: one month's figure, not 1-N月
	for _, r := range conceptRules {
		if oneMonth && (r.field == FieldCompletedYTD || r.field == FieldAnnualPlan || r.field == FieldTotalInvestment) {
			continue
		}
		if r.matches(key, leaf) {
			return r.field, true
		}
	}
	return 0, false
}

func (r conceptRule) matches(key, leaf string) bool {
	for _, group := range r.all {
		if !hasAnyWord(key, group) {
			return false
		}
	}
	return !hasAnyWord(leaf, r.none) && !hasAnyWord(key, r.noneAny)
}

// decoyRules explain, for the preview, why a column that resembles a field
// is not read: the first rule whose word the header holds gives the note.
var decoyRules = []struct {
	words []string
	note  string
}{
	{[]string{"本月", "当月", "其中"}, "单月数，不是1-N月累计，未导入"},
	{[]string{"以来", "自开工", "开工至今"}, "自开工以来的累计数，不是本年累计，未导入"},
	{[]string{"上年", "去年", "同期"}, "上年数据，未导入"},
	{[]string{"建设单位", "项目单位", "业主", "法人"}, "建设单位（项目法人），不是责任单位，未导入"},
	{[]string{"填报", "报送", "制表"}, "填报或报送时间，不是开工时间，未导入"},
	{[]string{"率", "比例", "%", "占"}, "比率，未导入"},
	{[]string{"到位", "资金", "预算内", "专项", "债", "贷款", "自筹"}, "资金来源，不是投资额，未导入"},
	{[]string{"联系", "电话", "手机"}, "联系方式，未导入"},
	{[]string{"序号", "编号"}, "序号，未导入"},
	{[]string{"备注", "说明"}, "备注，未导入"},
}

// decoyNote is the preview's reason for a header that maps no field.
func decoyNote(text string) string {
	t := foldText(text)
	for _, d := range decoyRules {
		if hasAnyWord(t, d.words) {
			return d.note
		}
	}
	return ""
}
