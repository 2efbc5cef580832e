package importer

import "tracker/models"

// headerSpellings maps the header texts departments use to ledger fields:
// each field's spellings are in its registry entry (models.FieldDef's
// Headers, in the normal form of normLabel), the code column's here. A
// label matches a key exactly, or after dropping parenthesised remarks; so
// a decoy such as 本月完成投资, 其中:6月完成, 开工以来累计完成投资, 建设单位 or
// 填报时间 matches nothing and is ignored. To accept a new spelling, add it
// to the field's entry (and a fixture that has it).
var headerSpellings = spellingsOf(models.FieldDefs())

// codeSpellings are the code column's header texts (it is no field of
// the registry: every record has a code).
var codeSpellings = []string{"项目代码", "项目编码", "统一项目代码", "项目代码(备案证号)", "项目统一代码", "项目代码(统一代码)"}

// spellingsOf builds the spelling table of the code column and defs.
func spellingsOf(defs []models.FieldDef) map[string]Field {
	out := map[string]Field{}
	for _, h := range codeSpellings {
		out[h] = fieldCode
	}
	for _, d := range defs {
		for _, h := range d.Headers {
			out[h] = d.Field
		}
	}
	return out
}

// Unrecognised columns: a header that looks like an amount (投资 or 金额,
// with a unit or 计划/完成/累计) or a start date (开工, 日期, 时间) but maps
// no field gets a warning, unless it holds one of these words of columns
// known to be something else (monthly or since-start figures, completion
// dates, warning lights, counts, rates).
var (
	amountWords   = []string{"投资", "金额"}
	amountHints   = []string{"计划", "完成", "累计"}
	dateWords     = []string{"开工", "日期", "时间"}
	notFieldWords = []string{"本月", "当月", "上月", "上年", "去年", "以前", "以来", "自开工", "其中", "预算内", "专项",
		"债", "到位", "率", "比例", "占", "预警", "状态", "月数", "天数", "竣工", "投产", "完工", "填报", "报送", "制表",
		"起止", "年限", "是否", "备注", "问题", "说明", "形象进度", "%"}
)

// sheetSkipWords mark sheets that are instructions or summaries, not data,
// by their name; other sheets are read when a ledger header is found. A
// 督办 sheet (the monthly workbook's 督办事项) lists follow-up items by
// project, whose 责任单位 is the unit that must act, not the project's.
var sheetSkipWords = []string{"说明", "填表", "填报要求", "汇总", "统计表", "目录", "督办"}

// totalWords start subtotal and total rows.
var totalWords = []string{"小计", "合计", "总计", "共计"}

// noteWords start notes under (or above) the table.
var noteWords = []string{"注:", "注：", "说明:", "说明：", "备注:", "备注：", "填表说明", "填报说明", "填报人", "审核人", "负责人", "制表", "联系人:", "联系人：", "联系电话", "单位负责人"}

// notStartedWords in a start-date cell mean: not started.
var notStartedWords = map[string]bool{
	"未开工": true, "尚未开工": true, "暂未开工": true, "未": true, "无": true, "否": true,
	"—": true, "-": true, "--": true, "——": true, "/": true, "－": true, "–": true, "…": true,
}

// noneWords in an amount or text cell mean: nothing stated.
var noneWords = map[string]bool{
	"—": true, "-": true, "--": true, "——": true, "/": true, "－": true, "–": true,
	"无": true, "暂无": true, "N/A": true, "n/a": true, "NA": true, "#N/A": true, "…": true,
}
