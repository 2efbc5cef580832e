package importer

import "tracker/models"

// headerSpellings maps the header texts departments use to ledger fields.
// Keys are in the normal form of normLabel: no whitespace, ASCII
// parentheses and colons, units removed, a year such as 2024年 written
// {Y} and a month range such as 1-6月 / 1—6月 / 1~6月 / 截至6月底 written
// {M}. A label matches a key exactly, or after dropping parenthesised
// remarks; so a decoy such as 本月完成投资, 其中:6月完成, 开工以来累计完成投资,
// 建设单位 or 填报时间 matches nothing and is ignored. To accept a new
// spelling, add a line here (and a fixture that has it).
var headerSpellings = map[string]Field{
	"项目代码": fieldCode, "项目编码": fieldCode, "统一项目代码": fieldCode,
	"项目代码(备案证号)": fieldCode, "项目统一代码": fieldCode, "项目代码(统一代码)": fieldCode,
	"项目名称": FieldName, "项目全称": FieldName, "名称": FieldName,
	"项目名称及建设内容": FieldName, "项目名称及主要建设内容": FieldName, "项目名称和建设内容": FieldName,
	"所属区县": FieldDistrict, "区县": FieldDistrict, "所属区域": FieldDistrict,
	"所在区县": FieldDistrict, "区县(功能区)": FieldDistrict, "所属区县(功能区)": FieldDistrict,
	"责任单位": FieldUnit, "主管部门": FieldUnit, "责任部门": FieldUnit,
	"建设性质": FieldNature, "项目性质": FieldNature,
	"项目类别": FieldCategory, "类别": FieldCategory, "行业类别": FieldCategory, "项目类型": FieldCategory,
	"项目级别": FieldLevel, "级别": FieldLevel,
	"总投资": FieldTotalInvestment, "计划总投资": FieldTotalInvestment, "项目总投资": FieldTotalInvestment,
	"总投资额": FieldTotalInvestment, "计划总投资额": FieldTotalInvestment, "项目总投资额": FieldTotalInvestment,
	"年度计划投资": FieldAnnualPlan, "本年计划投资": FieldAnnualPlan, "{Y}计划投资": FieldAnnualPlan,
	"{Y}年度计划投资": FieldAnnualPlan, "年度计划": FieldAnnualPlan, "本年度计划投资": FieldAnnualPlan,
	"本年计划": FieldAnnualPlan, "本年度计划": FieldAnnualPlan,
	"年度投资计划": FieldAnnualPlan, "{Y}投资计划": FieldAnnualPlan, "本年投资计划": FieldAnnualPlan, "本年度投资计划": FieldAnnualPlan,
	"{M}累计完成投资": FieldCompletedYTD, "本年累计完成投资": FieldCompletedYTD, "{M}完成投资": FieldCompletedYTD,
	"年初至报告期累计完成投资": FieldCompletedYTD, "{Y}{M}累计完成投资": FieldCompletedYTD,
	"{Y}{M}完成投资": FieldCompletedYTD, "累计完成投资({M})": FieldCompletedYTD,
	"{M}累计完成": FieldCompletedYTD, "{M}完成": FieldCompletedYTD, "本年累计完成": FieldCompletedYTD,
	"年初至报告期累计完成": FieldCompletedYTD, "{M}累计": FieldCompletedYTD, "本年完成投资": FieldCompletedYTD, "年初累计完成投资": FieldCompletedYTD,
	"本年度累计完成投资": FieldCompletedYTD, "本年度累计完成": FieldCompletedYTD,
	"年度累计完成投资": FieldCompletedYTD, "年度累计完成": FieldCompletedYTD, "{Y}累计完成投资": FieldCompletedYTD,
	"{M}实际完成投资": FieldCompletedYTD, "{Y}{M}实际完成投资": FieldCompletedYTD, "{M}实际完成": FieldCompletedYTD,
	"本年实际完成投资": FieldCompletedYTD, "{M}累计实际完成投资": FieldCompletedYTD,
	"计划开工时间": FieldPlannedStart, "预计开工": FieldPlannedStart, "开工时间(计划)": FieldPlannedStart,
	"预计开工时间": FieldPlannedStart, "计划开工": FieldPlannedStart, "开工时间计划": FieldPlannedStart,
	"计划开工日期": FieldPlannedStart, "预计开工日期": FieldPlannedStart, "开工日期(计划)": FieldPlannedStart,
	"实际开工时间": FieldActualStart, "开工时间": FieldActualStart, "开工时间(实际)": FieldActualStart,
	"实际开工": FieldActualStart, "开工时间实际": FieldActualStart,
	"实际开工日期": FieldActualStart, "开工日期": FieldActualStart, "开工日期(实际)": FieldActualStart,
	"形象进度": models.FieldProgress, "工程形象进度": models.FieldProgress, "项目形象进度": models.FieldProgress,
	"{M}形象进度": models.FieldProgress, "形象进度({M})": models.FieldProgress, "建设进度": models.FieldProgress,
	"项目进展情况": models.FieldProgress, "进展情况": models.FieldProgress, "项目进展": models.FieldProgress,
	"目前进展情况": models.FieldProgress, "工程进度": models.FieldProgress, "形象进度及进展情况": models.FieldProgress,
	"存在问题": models.FieldProblems, "存在的问题": models.FieldProblems, "存在问题及需协调事项": models.FieldProblems,
	"存在问题和需协调事项": models.FieldProblems, "需协调事项": models.FieldProblems, "需协调解决的问题": models.FieldProblems,
	"存在问题/需协调事项": models.FieldProblems, "存在困难和问题": models.FieldProblems, "存在问题及建议": models.FieldProblems,
	"问题及需协调事项": models.FieldProblems, "需协调解决事项": models.FieldProblems, "存在问题及需协调解决事项": models.FieldProblems,
	"计划竣工时间": models.FieldPlannedCompletion, "预计竣工时间": models.FieldPlannedCompletion, "计划竣工": models.FieldPlannedCompletion,
	"预计竣工": models.FieldPlannedCompletion, "计划完工时间": models.FieldPlannedCompletion, "预计完工时间": models.FieldPlannedCompletion,
	"竣工时间(计划)": models.FieldPlannedCompletion, "计划竣工日期": models.FieldPlannedCompletion, "预计竣工日期": models.FieldPlannedCompletion,
	"计划建成时间": models.FieldPlannedCompletion, "预计建成时间": models.FieldPlannedCompletion,
	"项目分类": models.FieldClass, "实施类/准备类": models.FieldClass, "实施或准备": models.FieldClass, "清单类别": models.FieldClass,
	"实施/准备": models.FieldClass, "清单分类": models.FieldClass, "项目阶段": models.FieldClass,
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
