package models

// fieldDefs lists every field in bit order, which is also the order of
// the template's columns, of Facts' members and of a record's JSON. Each
// entry says all there is to know of its field: its name, label, kind,
// scope and column; where it is shown (Show); the header spellings the
// importer matches exactly and the concept rule for the headers no list
// foresaw (the words are plain data; the importer reads them).
var fieldDefs = []FieldDef{
	textDef(FieldName, "name", "项目名称", ValueName, ScopeProject, "name", func(f *Facts) *string { return &f.Name }).
		with(Editable, "项目名称", "项目全称", "名称", "项目名称及建设内容", "项目名称及主要建设内容", "项目名称和建设内容").
		named(Concept{Rank: 20, All: [][]string{{"名称", "项目名"}}, None: []string{"单位", "企业", "公司", "业主", "法人", "代码", "编码", "部门",
			"区县", "县区", "区域", "地区", "属地", "地点", "地址", "行业", "类别", "类型", "性质", "级别", "阶段"}}),
	textDef(FieldDistrict, "district", "所属区县", ValueUnit, ScopeProject, "district", func(f *Facts) *string { return &f.District }).
		with(0, "所属区县", "区县", "所属区域", "所在区县", "区县(功能区)", "所属区县(功能区)").
		named(Concept{Rank: 30, All: [][]string{{"区县", "县区", "县市区", "市县区", "区(县)", "县(区)", "县(市、区)", "县(市,区)", "县市(区)",
			"属地", "区域", "地区", "辖区", "功能区", "所在县", "所在区", "所属县", "所属区", "行政区"}},
			None: []string{"单位", "部门", "地址", "地点", "位置", "面积", "代码", "编码"}}),
	textDef(FieldUnit, "unit", "责任单位", ValueText, ScopeProject, "unit", func(f *Facts) *string { return &f.Unit }).
		with(OnPage|Editable, "责任单位", "主管部门", "责任部门").
		named(Concept{Rank: 40, All: [][]string{{"责任", "主管", "牵头", "包保", "推进", "归口"}, {"单位", "部门", "主体"}},
			None: []string{"建设单位", "项目单位", "业主", "法人", "填报", "报送", "联系", "电话", "人"}}),
	natureDef(FieldNature, "nature", "建设性质", ScopeYear, "nature", func(f *Facts) *Nature { return &f.Nature }).
		with(OnPage|Editable, "建设性质", "项目性质").
		named(Concept{Rank: 50, All: [][]string{{"性质", "新开工/续建", "新开工或续建", "新建/续建", "新开/续建", "续建/新开工"}}, None: []string{"用地", "土地", "资金", "企业", "单位"}}),
	textDef(FieldCategory, "category", "项目类别", ValueText, ScopeProject, "category", func(f *Facts) *string { return &f.Category }).
		with(OnPage|Editable, "项目类别", "类别", "行业类别", "项目类型").
		named(Concept{Rank: 70, All: [][]string{{"类别", "类型", "行业", "领域", "分类", "产业"}}, None: []string{"投资", "单位", "资金", "金额", "代码", "编码", "用地"}}),
	textDef(FieldLevel, "level", "项目级别", ValueText, ScopeProject, "level", func(f *Facts) *string { return &f.Level }).
		with(OnPage|Editable, "项目级别", "级别").
		named(Concept{Rank: 60, All: [][]string{{"级别", "层级", "等级"}}}),
	moneyDef(FieldTotalInvestment, "total_investment_wan", "总投资", ScopeProject, "total_investment", func(f *Facts) *Money { return &f.TotalInvestment }).
		with(OnPage|Editable, "总投资", "计划总投资", "项目总投资", "总投资额", "计划总投资额", "项目总投资额").
		named(Concept{Rank: 80, All: [][]string{{"总投资", "投资总额", "总概算", "概算总投资", "概算投资", "总投入"}},
			None: []string{"累计", "完成", "以来", "率", "比例", "占", "%", "到位", "资金来源", "其中", "中央", "省级", "市级", "自筹", "贷款", "债", "年度", "本年"}}),
	moneyDef(FieldAnnualPlan, "annual_plan_wan", "年度计划投资", ScopeYear, "annual_plan", func(f *Facts) *Money { return &f.AnnualPlan }).
		with(OnPage|Editable|OnForm, "年度计划投资", "本年计划投资", "{Y}计划投资", "{Y}年度计划投资", "年度计划", "本年度计划投资",
			"本年计划", "本年度计划", "年度投资计划", "{Y}投资计划", "本年投资计划", "本年度投资计划").
		named(Concept{Rank: 90, All: [][]string{{"计划", "目标", "任务"}, {"年", "{Y}"}},
			None:    []string{"总投资", "总额", "开工", "竣工", "投产", "完工", "率", "比例", "%", "资金", "到位", "债", "上年", "去年", "年限", "起止", "建设期"},
			NoneAny: []string{"{M}", "月"}}),
	moneyDef(FieldCompletedYTD, "completed_ytd_wan", "累计完成投资", ScopeMonth, "completed_ytd", func(f *Facts) *Money { return &f.CompletedYTD }).
		with(Editable|OnForm, "{M}累计完成投资", "本年累计完成投资", "{M}完成投资", "年初至报告期累计完成投资", "{Y}{M}累计完成投资",
			"{Y}{M}完成投资", "累计完成投资({M})", "{M}累计完成", "{M}完成", "本年累计完成",
			"年初至报告期累计完成", "{M}累计", "本年完成投资", "年初累计完成投资", "本年度累计完成投资", "本年度累计完成",
			"年度累计完成投资", "年度累计完成", "{Y}累计完成投资", "{M}实际完成投资", "{Y}{M}实际完成投资", "{M}实际完成",
			"本年实际完成投资", "{M}累计实际完成投资").
		named(Concept{Rank: 100, All: [][]string{{"完成", "累计"}, {"投资", "{M}", "本年", "年初", "年度", "{Y}", "累计", "额"}}, None: notYTD}),
	monthDef(FieldPlannedStart, "planned_start", "计划开工时间", ScopeYear, "planned_start", func(f *Facts) *Month { return &f.PlannedStart }).
		with(Editable, "计划开工时间", "预计开工", "开工时间(计划)", "预计开工时间", "计划开工", "开工时间计划",
			"计划开工日期", "预计开工日期", "开工日期(计划)").
		named(Concept{Rank: 110, All: [][]string{{"开工"}, {"计划", "预计", "拟", "预定", "应"}}, None: append([]string{"竣工", "投产"}, notDate...)}),
	monthDef(FieldActualStart, "actual_start", "实际开工时间", ScopeProject, "actual_start", func(f *Facts) *Month { return &f.ActualStart }).
		with(Editable|OnForm, "实际开工时间", "开工时间", "开工时间(实际)", "实际开工", "开工时间实际",
			"实际开工日期", "开工日期", "开工日期(实际)").
		named(Concept{Rank: 120, All: [][]string{{"开工"}, {"时间", "日期", "月份", "年月", "实际", "开工月"}}, None: append([]string{"计划", "预计", "拟", "预定", "竣工", "投产"}, notDate...)}),
	textDef(FieldProgress, "progress", "形象进度", ValueLongText, ScopeMonth, "progress", func(f *Facts) *string { return &f.Progress }).
		with(OnPage|InDetail|InTemplate|Editable|OnForm, "形象进度", "工程形象进度", "项目形象进度", "{M}形象进度", "形象进度({M})", "建设进度",
			"项目进展情况", "进展情况", "项目进展", "目前进展情况", "工程进度", "形象进度及进展情况").
		named(Concept{Rank: 140, All: [][]string{{"形象进度", "工程进度", "建设进度", "项目进度", "进展情况", "项目进展", "建设进展", "进度情况", "建设情况", "工程进展", "进展"}},
			None: []string{"序时", "率", "%", "投资进度", "资金", "台账", "情况表", "一览表", "汇总"}}).
		hinted("本月末的形象进度，如“主体结构完成60%”"),
	textDef(FieldProblems, "problems", "存在问题/需协调事项", ValueLongText, ScopeMonth, "problems", func(f *Facts) *string { return &f.Problems }).
		with(OnPage|InDetail|InTemplate|Editable|OnForm, "存在问题", "存在的问题", "存在问题及需协调事项", "存在问题和需协调事项", "需协调事项", "需协调解决的问题",
			"存在问题/需协调事项", "存在困难和问题", "存在问题及建议", "问题及需协调事项", "需协调解决事项", "存在问题及需协调解决事项").
		named(Concept{Rank: 150, All: [][]string{{"问题", "需协调", "协调事项", "协调解决", "困难", "制约因素", "需解决", "诉求"}}, None: []string{"是否", "问题说明"}}).
		hinted("需要协调解决的问题；没有的留空"),
	monthDef(FieldPlannedCompletion, "planned_completion", "计划竣工时间", ScopeMonth, "planned_completion", func(f *Facts) *Month { return &f.PlannedCompletion }).
		with(OnPage|InDetail|InTemplate|Editable|OnForm, "计划竣工时间", "预计竣工时间", "计划竣工", "预计竣工", "计划完工时间", "预计完工时间",
			"竣工时间(计划)", "计划竣工日期", "预计竣工日期", "计划建成时间", "预计建成时间").
		named(Concept{Rank: 130, All: [][]string{{"竣工", "完工", "建成", "投产"}, {"时间", "日期", "月份", "年月", "计划", "预计", "拟"}},
			None: append([]string{"开工", "实际", "已"}, notDate...)}).
		hinted("填年月，如2025-12"),
	classDef(FieldClass, "class", "项目分类（实施类/准备类）", ScopeYear, "class", func(f *Facts) *Class { return &f.Class }).
		with(0, "项目分类", "实施类/准备类", "实施或准备", "清单类别", "实施/准备", "清单分类", "项目阶段"),
	monthDef(FieldListFrom, "list_from", "列入清单月份", ScopeYear, "list_from", func(f *Facts) *Month { return &f.ListFrom }),
	monthDef(FieldListUntil, "list_until", "调出清单月份", ScopeYear, "list_until", func(f *Facts) *Month { return &f.ListUntil }),
	monthDef(FieldImplementedFrom, "implemented_from", "转为实施类月份", ScopeYear, "implemented_from", func(f *Facts) *Month { return &f.ImplementedFrom }),
}

// Word lists several concept rules share.
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
