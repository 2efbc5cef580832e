package importer

import (
	"sort"
	"unicode/utf8"

	"tracker/models"
)

// Labels people agree on are in headerSpellings (headers.go). Labels no
// list foresaw are read by concept: a header names a field when it holds
// one word of each of the rule's groups and none of its excluded words,
// whatever the word order and the prefixes (所属, 所在, 项目) around them.
// The rules are tried in order, so the more specific come first (计划开工
// before 开工, 总投资 before 计划投资). Excluded words keep the decoys out:
// 本月完成, 开工以来累计, 建设单位, 填报时间, 完成率 never name a field.
type conceptRule struct {
	field   Field
	amount  bool       // an amount's rule, which never reads one month's figure (8月完成投资)
	all     [][]string // each group: at least one of its words, in the label's rows joined
	none    []string   // none of these in the label's lowest row
	noneAny []string   // none of these in any row (a period the field is not of)
}

// conceptRules read the labels outside the spelling table, as data: the
// code column's rule first, then each field's (models.FieldDef's Concept)
// by rank.
var conceptRules = conceptRulesOf(models.FieldDefs())

// codeRule is the code column's concept (it is no field of the registry).
var codeRule = conceptRule{field: fieldCode, all: [][]string{{"代码", "编码", "赋码"}},
	none: []string{"原", "旧", "曾用", "区划", "信用", "统计", "行业", "邮编", "单位"}}

// conceptRulesOf builds the rules of the code column and of the fields
// of defs that have a concept, in rank order.
func conceptRulesOf(defs []models.FieldDef) []conceptRule {
	var ranked []models.FieldDef
	for _, d := range defs {
		if d.Concept.Rank > 0 {
			ranked = append(ranked, d)
		}
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].Concept.Rank < ranked[j].Concept.Rank })
	out := []conceptRule{codeRule}
	for _, d := range ranked {
		c := d.Concept
		out = append(out, conceptRule{field: d.Field, amount: d.Kind == models.ValueMoney, all: c.All, none: c.None, noneAny: c.NoneAny})
	}
	return out
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
		if oneMonth && r.amount {
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
