package models

import (
	"strings"
	"testing"
)

var (
	planAdmin    = User{Name: "office", Role: RoleAdmin}
	planUploader = User{Name: "zd", Role: RoleUploader, District: "张店区"}
	planJune     = MonthOf(2024, 6)
	planAreas    = AreasOf(DefaultUnits())
	planZone     = User{Name: "gx", Role: RoleUploader, District: "高新区"}
)

const (
	codeA = "2403-370303-04-01-00000A"
	codeB = "2403-370302-04-01-00000B"
	codeN = "2406-370303-04-01-00000N"
	codeZ = "2409-370302-04-01-000007"
)

// stored returns: A, a project of 张店区 on the 2024 list with a June
// figure of 500万 (set by import 7), a May one of 400万 and an actual start
// in August reported by July's ledger; B, a project of 淄川区 on no 2024
// list; W, on the list but withdrawn from June; L, added from August.
func stored() Snapshot {
	imp := int64(7)
	all := FieldName | FieldDistrict | FieldUnit | FieldCategory | FieldLevel | FieldTotalInvestment | FieldActualStart
	year := FieldNature | FieldAnnualPlan | FieldPlannedStart | FieldClass | FieldListFrom | FieldListUntil | FieldImplementedFrom
	a := &Stored{Facts: Facts{Name: "甲项目", District: "张店区", Unit: "张店区政府", Nature: NatureNew, TotalInvestment: 9000 * Wan,
		AnnualPlan: 1000 * Wan, PlannedStart: MonthOf(2024, 3), CompletedYTD: 500 * Wan, ActualStart: MonthOf(2024, 8)},
		Present: all | year | FieldCompletedYTD, OnList: true, MonthImport: &imp, MonthSource: "导入#7", Previous: 400 * Wan, HasPrevious: true,
		StartReport: "2024年7月的第9号导入（张店7月.xlsx）"}
	b := &Stored{Facts: Facts{Name: "乙项目", District: "淄川区", Unit: "淄川区政府"}, Present: all}
	w := &Stored{Facts: Facts{Name: "丙项目", District: "张店区", Nature: NatureContinuing, ListUntil: MonthOf(2024, 6)}, Present: all | year, OnList: true}
	l := &Stored{Facts: Facts{Name: "丁项目", District: "张店区", Nature: NatureContinuing, ListFrom: MonthOf(2024, 8)}, Present: all | year, OnList: true}
	return Snapshot{codeA: a, codeB: b, codeW: w, codeL: l}
}

const (
	codeW = "2403-370303-04-01-00000W"
	codeL = "2403-370303-04-01-00000L"
)

func rec(code string, has Field, f Facts) LedgerRecord {
	return LedgerRecord{Sheet: "台账", Row: 5, Code: code, Facts: f, Has: has}
}

func fields(pl *Plan) string {
	var out []string
	for _, c := range pl.Changes {
		s := c.Code[len(c.Code)-1:] + ":" + c.Field
		if c.Old != nil {
			s += " " + *c.Old
		}
		if c.New != nil {
			s += "→" + *c.New
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// withList, added and asList adjust the options of a rule's case.
func withList(o PlanOptions) PlanOptions { o.ListExists = true; return o }
func added(o PlanOptions) PlanOptions {
	o.ListExists, o.Additions = true, map[string]bool{codeB: true, codeN: true}
	return o
}
func asList(o PlanOptions) PlanOptions {
	o.List, o.ListExists, o.Period = true, true, MonthOf(2024, 1)
	return o
}

// TestPlanImportRules is a table of the planning rules: what each record
// changes, refuses or warns about against the stored state.
func TestPlanImportRules(t *testing.T) {
	tests := []struct {
		rule     string
		user     User
		opts     func(PlanOptions) PlanOptions
		records  []LedgerRecord
		changes  string
		counts   [4]int   // applied, created, updated, unchanged
		problems []string // a part of each problem expected, in order
	}{
		{"a stated figure that differs is a change with its old provenance", planAdmin, withList,
			[]LedgerRecord{rec(codeA, FieldCompletedYTD, Facts{CompletedYTD: 600 * Wan})},
			"A:completed_ytd_wan 500→600", [4]int{1, 0, 1, 0}, nil},
		{"an equal figure changes nothing", planAdmin, withList,
			[]LedgerRecord{rec(codeA, FieldCompletedYTD|FieldName, Facts{Name: "甲项目", CompletedYTD: 500 * Wan})},
			"", [4]int{1, 0, 0, 1}, nil},
		{"a field not stated is never a change, even when the record holds a zero", planAdmin, withList,
			[]LedgerRecord{rec(codeA, FieldName, Facts{Name: "甲项目"})},
			"", [4]int{1, 0, 0, 1}, nil},
		{"project, year and month fields in that order", planAdmin, withList,
			[]LedgerRecord{rec(codeA, FieldUnit|FieldAnnualPlan|FieldCompletedYTD|FieldProgress,
				Facts{Unit: "张店区发改局", AnnualPlan: 1200 * Wan, CompletedYTD: 500 * Wan, Progress: "主体完工"})},
			"A:unit 张店区政府→张店区发改局; A:annual_plan_wan 1000→1200; A:progress→主体完工", [4]int{1, 0, 1, 0}, nil},
		{"a stated but empty district changes nothing", planAdmin, withList,
			[]LedgerRecord{rec(codeA, FieldDistrict, Facts{})},
			"", [4]int{1, 0, 0, 1}, nil},
		{"an unstated nature (a 实施类 section) is not compared", planAdmin, withList,
			[]LedgerRecord{rec(codeA, FieldNature, Facts{})},
			"", [4]int{1, 0, 0, 1}, nil},
		{"a monthly ledger does not change the list's class or months", planAdmin, withList,
			[]LedgerRecord{rec(codeA, FieldClass|FieldListUntil, Facts{Class: ClassPrepare, ListUntil: MonthOf(2024, 3)})},
			"", [4]int{1, 0, 0, 1}, nil},
		{"a figure below last month's is applied with a warning", planAdmin, withList,
			[]LedgerRecord{rec(codeA, FieldCompletedYTD, Facts{CompletedYTD: 300 * Wan})},
			"A:completed_ytd_wan 500→300", [4]int{1, 0, 1, 0}, []string{"低于上月已报的 400 万元"}},
		{"June's 未开工 does not undo July's report of an August start", planAdmin, withList,
			[]LedgerRecord{rec(codeA, FieldActualStart, Facts{})},
			"", [4]int{1, 0, 0, 1}, []string{"已由2024年7月的第9号导入（张店7月.xlsx）报为2024年8月"}},
		{"a new project is created whole while the year has no list, which it forms", planAdmin, nil,
			[]LedgerRecord{rec(codeN, FieldName|FieldDistrict|FieldNature|FieldCompletedYTD|FieldActualStart,
				Facts{Name: "新项目", District: "张店区", Nature: NatureNew, CompletedYTD: 5 * Wan, ActualStart: MonthOf(2024, 9)})},
			"N:project→新项目", [4]int{1, 1, 0, 0}, []string{"实际开工时间2024年9月晚于本台账的报告期2024年6月", "2024年尚无清单：本次导入的1个项目将列入清单"}},
		{"a new project without a nature is refused", planAdmin, nil,
			[]LedgerRecord{rec(codeN, FieldName|FieldDistrict, Facts{Name: "新项目", District: "张店区"})},
			"", [4]int{0, 0, 0, 0}, []string{"缺少建设性质"}},
		{"a new project without a unit is refused", planAdmin, nil,
			[]LedgerRecord{rec(codeN, FieldName|FieldNature, Facts{Name: "新项目", Nature: NatureNew})},
			"", [4]int{0, 0, 0, 0}, []string{"无法确定所属区县"}},
		{"a new project without a name is refused", planAdmin, nil,
			[]LedgerRecord{rec(codeN, FieldDistrict|FieldNature, Facts{District: "张店区", Nature: NatureNew})},
			"", [4]int{0, 0, 0, 0}, []string{"缺少项目名称"}},
		{"an uploader may not change another unit's project", planUploader, withList,
			[]LedgerRecord{rec(codeB, FieldCompletedYTD, Facts{CompletedYTD: 5 * Wan})},
			"", [4]int{0, 0, 0, 0}, []string{"不在2024年清单中"}},
		{"an uploader may not create another unit's project", planUploader, nil,
			[]LedgerRecord{rec(codeN, FieldName|FieldDistrict|FieldNature, Facts{Name: "新项目", District: "淄川区", Nature: NatureNew})},
			"", [4]int{0, 0, 0, 0}, []string{"不能为它建档"}},
		{"an uploader may not create a project whose code names another district's area", planUploader, nil,
			[]LedgerRecord{rec(codeZ, FieldName|FieldDistrict|FieldNature, Facts{Name: "新项目", District: "张店区", Nature: NatureNew})},
			"", [4]int{0, 0, 0, 0}, []string{"区划段 370302 属于淄川区，不是张店区"}},
		{"an admin may (the importer warns of the mismatch)", planAdmin, nil,
			[]LedgerRecord{rec(codeZ, FieldName|FieldDistrict|FieldNature, Facts{Name: "新项目", District: "张店区", Nature: NatureNew})},
			"7:project→新项目", [4]int{1, 1, 0, 0}, []string{"尚无清单"}},
		{"a zone's project carries the area code of the district it lies in", planZone, nil,
			[]LedgerRecord{rec(codeN, FieldName|FieldDistrict|FieldNature, Facts{Name: "新项目", District: "高新区", Nature: NatureNew})},
			"N:project→新项目", [4]int{1, 1, 0, 0}, []string{"尚无清单"}},
		{"without a list, a known project joins it as 续建 when no nature is stated", planAdmin, nil,
			[]LedgerRecord{rec(codeB, FieldAnnualPlan, Facts{AnnualPlan: 80 * Wan})},
			"B:plan_entry→续建; B:annual_plan_wan→80", [4]int{1, 0, 1, 0}, []string{"按续建列入", "尚无清单"}},
		{"with a list, a code not on it is refused and says why", planAdmin, withList,
			[]LedgerRecord{rec(codeB, FieldAnnualPlan, Facts{AnnualPlan: 80 * Wan}), rec(codeN, FieldName|FieldDistrict|FieldNature, Facts{Name: "新项目", District: "张店区", Nature: NatureNew})},
			"", [4]int{0, 0, 0, 0}, []string{"项目 2403-370302-04-01-00000B 不在2024年清单中", "项目 2406-370303-04-01-00000N 不在2024年清单中"}},
		{"an addition the office accepted joins the list from the ledger's month", planAdmin, added,
			[]LedgerRecord{rec(codeB, FieldNature, Facts{Nature: NatureNew}), rec(codeN, FieldName|FieldDistrict|FieldNature, Facts{Name: "新项目", District: "张店区", Nature: NatureNew})},
			"B:plan_entry→新开工; B:list_from→2024-06; N:project→新项目; N:list_from→2024-06", [4]int{2, 1, 1, 0}, nil},
		{"an uploader cannot add to the list", User{Name: "zc", Role: RoleUploader, District: "淄川区"}, added,
			[]LedgerRecord{rec(codeB, FieldNature, Facts{Nature: NatureNew})},
			"", [4]int{0, 0, 0, 0}, []string{"不在2024年清单中"}},
		{"a project withdrawn from June cannot report June", planAdmin, withList,
			[]LedgerRecord{rec(codeW, FieldCompletedYTD, Facts{CompletedYTD: 5 * Wan})},
			"", [4]int{0, 0, 0, 0}, []string{"已自2024年6月起调出2024年清单"}},
		{"a project added from August cannot report June", planAdmin, withList,
			[]LedgerRecord{rec(codeL, FieldCompletedYTD, Facts{CompletedYTD: 5 * Wan})},
			"", [4]int{0, 0, 0, 0}, []string{"自2024年8月起才列入2024年清单"}},
		{"a list import states the year, drops what it leaves out and reads no month", planAdmin, asList,
			[]LedgerRecord{rec(codeA, FieldAnnualPlan|FieldCompletedYTD|FieldClass, Facts{AnnualPlan: 1100 * Wan, CompletedYTD: 9 * Wan, Class: ClassPrepare}),
				rec(codeL, FieldName, Facts{Name: "丁项目"})},
			"A:annual_plan_wan 1000→1100; A:class 实施类→准备类; L:list_from 2024-08; W:list_until 2024-06→2024-01",
			[4]int{2, 0, 2, 0}, nil},
		{"changes come in code order", planAdmin, nil,
			[]LedgerRecord{rec(codeA, FieldUnit, Facts{Unit: "某局"}), rec(codeB, FieldUnit, Facts{Unit: "某局"})},
			"B:unit 淄川区政府→某局; B:plan_entry→续建; A:unit 张店区政府→某局", [4]int{2, 0, 2, 0}, []string{"按续建列入", "尚无清单"}},
	}
	for _, tt := range tests {
		o := PlanOptions{Period: planJune, User: tt.user, Areas: planAreas}
		if tt.opts != nil {
			o = tt.opts(o)
		}
		pl := PlanImport(stored(), tt.records, o)
		if got := fields(pl); got != tt.changes {
			t.Errorf("%s: changes %q, want %q", tt.rule, got, tt.changes)
		}
		if got := [4]int{pl.Applied, pl.Created, pl.Updated, pl.Unchanged}; got != tt.counts {
			t.Errorf("%s: counts %v, want %v", tt.rule, got, tt.counts)
		}
		ok := len(pl.Problems) == len(tt.problems)
		for i := 0; ok && i < len(tt.problems); i++ {
			ok = strings.Contains(pl.Problems[i].Message, tt.problems[i])
		}
		if !ok {
			t.Errorf("%s: problems %v, want %q", tt.rule, pl.Problems, tt.problems)
		}
	}
}

func TestPlanKeepsTheFigureProvenanceForRevert(t *testing.T) {
	pl := PlanImport(stored(), []LedgerRecord{rec(codeA, FieldCompletedYTD, Facts{CompletedYTD: 600 * Wan})}, PlanOptions{Period: planJune, User: planAdmin, ListExists: true, Areas: planAreas})
	c := pl.Changes[0]
	if c.Period != planJune || c.OldImportID == nil || *c.OldImportID != 7 || c.OldSource != "导入#7" {
		t.Errorf("change %+v: want period 2024-06, old import 7, old source 导入#7", c)
	}
	if !pl.Districts["张店区"] || len(pl.Districts) != 1 {
		t.Errorf("districts %v, want 张店区", pl.Districts)
	}
}

func TestMergeProblemsInSheetAndRowOrder(t *testing.T) {
	a := []Problem{{Sheet: "二", Row: 3}, {Sheet: "一", Row: 9}}
	b := []Problem{{Sheet: "一", Row: 2}, {Sheet: "二", Row: 1}}
	got := MergeProblems([]string{"一", "二"}, a, b)
	want := []Problem{{Sheet: "一", Row: 2}, {Sheet: "一", Row: 9}, {Sheet: "二", Row: 1}, {Sheet: "二", Row: 3}}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}
