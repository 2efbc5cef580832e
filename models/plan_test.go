package models

import (
	"strings"
	"testing"
)

var (
	planAdmin    = User{Name: "office", Role: RoleAdmin}
	planUploader = User{Name: "zd", Role: RoleUploader, District: "张店区"}
	planZone     = User{Name: "gx", Role: RoleUploader, District: "高新区"}
	planJune     = MonthOf(2024, 6)
	planAreas    = AreasOf(DefaultUnits())
)

const (
	codeA = "2403-370303-04-01-000001"
	codeB = "2403-370302-04-01-000002"
	codeN = "2406-370303-04-01-000009"
	codeZ = "2409-370302-04-01-000007"
)

// stored returns a project of 张店区 on the 2024 list with a June figure of
// 500万 (set by import 7) and a May one of 400万.
func stored() Snapshot {
	imp := int64(7)
	a := &Stored{Facts: Facts{Name: "甲项目", District: "张店区", Unit: "张店区政府", Nature: NatureNew, TotalInvestment: 9000 * Wan,
		AnnualPlan: 1000 * Wan, PlannedStart: MonthOf(2024, 3), CompletedYTD: 500 * Wan},
		Present: FieldName | FieldDistrict | FieldUnit | FieldCategory | FieldLevel | FieldTotalInvestment | FieldActualStart |
			FieldNature | FieldAnnualPlan | FieldPlannedStart | FieldCompletedYTD,
		OnList: true, MonthImport: &imp, MonthSource: "导入#7", Previous: 400 * Wan, HasPrevious: true}
	b := &Stored{Facts: Facts{Name: "乙项目", District: "淄川区", Unit: "淄川区政府"},
		Present: FieldName | FieldDistrict | FieldUnit | FieldCategory | FieldLevel | FieldTotalInvestment | FieldActualStart}
	return Snapshot{codeA: a, codeB: b}
}

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

// TestPlanImportRules is a table of the planning rules: what each record
// changes, refuses or warns about against the stored state.
func TestPlanImportRules(t *testing.T) {
	tests := []struct {
		rule    string
		user    User
		records []LedgerRecord
		changes string
		counts  [4]int // applied, created, updated, unchanged
		problem string // a part of the one problem expected, "" for none
	}{
		{"a stated figure that differs is a change with its old provenance", planAdmin,
			[]LedgerRecord{rec(codeA, FieldCompletedYTD, Facts{CompletedYTD: 600 * Wan})},
			"1:completed_ytd_wan 500→600", [4]int{1, 0, 1, 0}, ""},
		{"an equal figure changes nothing", planAdmin,
			[]LedgerRecord{rec(codeA, FieldCompletedYTD|FieldName, Facts{Name: "甲项目", CompletedYTD: 500 * Wan})},
			"", [4]int{1, 0, 0, 1}, ""},
		{"a field not stated is never a change, even when the record holds a zero", planAdmin,
			[]LedgerRecord{rec(codeA, FieldName, Facts{Name: "甲项目"})},
			"", [4]int{1, 0, 0, 1}, ""},
		{"project, year and month fields in that order", planAdmin,
			[]LedgerRecord{rec(codeA, FieldUnit|FieldAnnualPlan|FieldCompletedYTD|FieldProgress,
				Facts{Unit: "张店区发改局", AnnualPlan: 1200 * Wan, CompletedYTD: 500 * Wan, Progress: "主体完工"})},
			"1:unit 张店区政府→张店区发改局; 1:annual_plan_wan 1000→1200; 1:progress→主体完工", [4]int{1, 0, 1, 0}, ""},
		{"a stated but empty district changes nothing", planAdmin,
			[]LedgerRecord{rec(codeA, FieldDistrict, Facts{})},
			"", [4]int{1, 0, 0, 1}, ""},
		{"an unstated nature (a 实施类 section) is not compared", planAdmin,
			[]LedgerRecord{rec(codeA, FieldNature, Facts{})},
			"", [4]int{1, 0, 0, 1}, ""},
		{"a figure below last month's is applied with a warning", planAdmin,
			[]LedgerRecord{rec(codeA, FieldCompletedYTD, Facts{CompletedYTD: 300 * Wan})},
			"1:completed_ytd_wan 500→300", [4]int{1, 0, 1, 0}, "低于上月已报的 400 万元"},
		{"a new project is created whole", planAdmin,
			[]LedgerRecord{rec(codeN, FieldName|FieldDistrict|FieldNature|FieldCompletedYTD, Facts{Name: "新项目", District: "张店区", Nature: NatureNew, CompletedYTD: 5 * Wan})},
			"9:project→新项目", [4]int{1, 1, 0, 0}, ""},
		{"a new project without a nature is refused", planAdmin,
			[]LedgerRecord{rec(codeN, FieldName|FieldDistrict, Facts{Name: "新项目", District: "张店区"})},
			"", [4]int{0, 0, 0, 0}, "缺少建设性质"},
		{"a new project without a unit is refused", planAdmin,
			[]LedgerRecord{rec(codeN, FieldName|FieldNature, Facts{Name: "新项目", Nature: NatureNew})},
			"", [4]int{0, 0, 0, 0}, "无法确定所属区县"},
		{"a new project without a name is refused", planAdmin,
			[]LedgerRecord{rec(codeN, FieldDistrict|FieldNature, Facts{District: "张店区", Nature: NatureNew})},
			"", [4]int{0, 0, 0, 0}, "缺少项目名称"},
		{"an uploader may not change another unit's project", planUploader,
			[]LedgerRecord{rec(codeB, FieldCompletedYTD, Facts{CompletedYTD: 5 * Wan})},
			"", [4]int{0, 0, 0, 0}, "属于淄川区"},
		{"an uploader may not create a project whose code names another district's area", planUploader,
			[]LedgerRecord{rec(codeZ, FieldName|FieldDistrict|FieldNature, Facts{Name: "新项目", District: "张店区", Nature: NatureNew})},
			"", [4]int{0, 0, 0, 0}, "区划段 370302 属于淄川区，不是张店区"},
		{"an admin may (the importer warns of the mismatch)", planAdmin,
			[]LedgerRecord{rec(codeZ, FieldName|FieldDistrict|FieldNature, Facts{Name: "新项目", District: "张店区", Nature: NatureNew})},
			"7:project→新项目", [4]int{1, 1, 0, 0}, ""},
		{"a zone's project carries the area code of the district it lies in", planZone,
			[]LedgerRecord{rec(codeN, FieldName|FieldDistrict|FieldNature, Facts{Name: "新项目", District: "高新区", Nature: NatureNew})},
			"9:project→新项目", [4]int{1, 1, 0, 0}, ""},
		{"an uploader may not create another unit's project", planUploader,
			[]LedgerRecord{rec(codeN, FieldName|FieldDistrict|FieldNature, Facts{Name: "新项目", District: "淄川区", Nature: NatureNew})},
			"", [4]int{0, 0, 0, 0}, "不能为它建档"},
		{"a known project new to the year's list joins it as 续建 when no nature is stated", planAdmin,
			[]LedgerRecord{rec(codeB, FieldAnnualPlan, Facts{AnnualPlan: 80 * Wan})},
			"2:plan_entry→续建; 2:annual_plan_wan→80", [4]int{1, 0, 1, 0}, "按续建列入"},
		{"a known project new to the list takes the stated nature on its entry", planAdmin,
			[]LedgerRecord{rec(codeB, FieldNature, Facts{Nature: NatureNew})},
			"2:plan_entry→新开工", [4]int{1, 0, 1, 0}, ""},
		{"changes come in code order", planAdmin,
			[]LedgerRecord{rec(codeA, FieldUnit, Facts{Unit: "某局"}), rec(codeB, FieldUnit, Facts{Unit: "某局"})},
			"2:unit 淄川区政府→某局; 2:plan_entry→续建; 1:unit 张店区政府→某局", [4]int{2, 0, 2, 0}, "按续建列入"},
	}
	for _, tt := range tests {
		pl := PlanImport(stored(), tt.records, planJune, tt.user, planAreas)
		if got := fields(pl); got != tt.changes {
			t.Errorf("%s: changes %q, want %q", tt.rule, got, tt.changes)
		}
		if got := [4]int{pl.Applied, pl.Created, pl.Updated, pl.Unchanged}; got != tt.counts {
			t.Errorf("%s: counts %v, want %v", tt.rule, got, tt.counts)
		}
		switch {
		case tt.problem == "" && len(pl.Problems) > 0:
			t.Errorf("%s: unexpected problems %v", tt.rule, pl.Problems)
		case tt.problem != "" && (len(pl.Problems) != 1 || !strings.Contains(pl.Problems[0].Message, tt.problem)):
			t.Errorf("%s: problems %v, want one with %q", tt.rule, pl.Problems, tt.problem)
		}
	}
}

func TestPlanKeepsTheFigureProvenanceForRevert(t *testing.T) {
	pl := PlanImport(stored(), []LedgerRecord{rec(codeA, FieldCompletedYTD, Facts{CompletedYTD: 600 * Wan})}, planJune, planAdmin, planAreas)
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
