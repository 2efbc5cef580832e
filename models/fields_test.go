package models

import (
	"encoding/json"
	"strings"
	"testing"
)

// sample sets every field of a Facts to a value of its kind.
func sample(t *testing.T) Facts {
	t.Helper()
	var f Facts
	for _, d := range FieldDefs() {
		v := map[ValueKind]string{ValueText: "文字", ValueName: "某项目", ValueUnit: "张店区", ValueNature: "续建",
			ValueMoney: "1234.5678", ValueMonth: "2024-06", ValueLongText: "主体结构\n封顶", ValueClass: "准备类"}[d.Kind]
		if err := d.Set(&f, &v); err != nil {
			t.Fatalf("%s: Set(%q): %v", d.Name, v, err)
		}
	}
	return f
}

func TestEveryFieldRoundTripsThroughItsChangeText(t *testing.T) {
	f := sample(t)
	for _, d := range FieldDefs() {
		var g Facts
		if err := d.Set(&g, d.Text(&f)); err != nil || !d.Equal(&f, &g) {
			t.Errorf("%s: text %v does not round-trip (%v)", d.Name, d.Text(&f), err)
		}
		var h Facts
		d.Copy(&h, &f)
		if !d.Equal(&f, &h) || DifferingFields(&f, &h, d.Field) != 0 {
			t.Errorf("%s: Copy does not copy", d.Name)
		}
		if DifferingFields(&f, &Facts{}, d.Field) != d.Field {
			t.Errorf("%s: a zero value does not differ", d.Name)
		}
	}
}

func TestFieldsHaveUniqueNamesBitsAndColumns(t *testing.T) {
	names, columns, bits := map[string]bool{}, map[string]bool{}, Field(0)
	for _, d := range FieldDefs() {
		key := d.Scope.Table() + "." + d.Column
		if names[d.Name] || columns[key] || bits&d.Field != 0 || d.Label == "" {
			t.Errorf("%s: duplicate name, column or bit, or no label", d.Name)
		}
		names[d.Name], columns[key], bits = true, true, bits|d.Field
		if f, ok := FieldNamed(d.Name); !ok || f != d.Field {
			t.Errorf("FieldNamed(%s) = %v %v", d.Name, f, ok)
		}
	}
	// The contract's names (CONTRACT.md, "Added 2026-12-02").
	for _, n := range []string{"code", "name", "district", "unit", "nature", "category", "level", "total_investment_wan",
		"annual_plan_wan", "completed_ytd_wan", "planned_start", "actual_start", "progress", "problems", "planned_completion"} {
		if _, ok := FieldNamed(n); !ok {
			t.Errorf("contract field %s is not in the registry", n)
		}
	}
}

func TestFieldSetJSONUsesTheContractNames(t *testing.T) {
	b, _ := json.Marshal(FieldAnnualPlan | FieldPlannedCompletion | FieldCode)
	if string(b) != `["code","annual_plan_wan","planned_completion"]` {
		t.Errorf("got %s", b)
	}
	var f Field
	if err := json.Unmarshal(b, &f); err != nil || f != FieldAnnualPlan|FieldPlannedCompletion|FieldCode {
		t.Errorf("read back %v %v", f, err)
	}
}

func TestFieldLabels(t *testing.T) {
	for name, want := range map[string]string{"project": "新建项目", "plan_entry": "列入年度清单", "annual_plan_wan": "年度计划投资",
		"planned_completion": "计划竣工时间", "contact": "contact"} {
		if got := FieldLabel(name); got != want {
			t.Errorf("FieldLabel(%s) = %q, want %q", name, got, want)
		}
	}
	if got := FieldHeading("total_investment_wan"); got != "总投资（万元）" {
		t.Errorf("heading %q", got)
	}
}

func TestEditReadsRegistryFieldsAndRefusesUnknownOnes(t *testing.T) {
	var e Edit
	err := json.Unmarshal([]byte(`{"period":"2024-06","completed_ytd_wan":1234.5,"planned_completion":"2025-10","progress":" 封顶 ","name":null,"note":"核对"}`), &e)
	if err != nil || e.Period != MonthOf(2024, 6) || e.Set != FieldCompletedYTD|FieldPlannedCompletion|FieldProgress || e.Note != "核对" {
		t.Fatalf("edit %+v %v", e, err)
	}
	r, err := e.Record(Project{Code: "x", Facts: Facts{Name: "甲", District: "张店区"}})
	if err != nil || r.CompletedYTD != 12345000 || r.PlannedCompletion != MonthOf(2025, 10) || r.Progress != "封顶" || r.Name != "甲" {
		t.Errorf("record %+v %v", r, err)
	}
	for body, want := range map[string]string{
		`{"period":"2024-06","completed_ytd":5,"foo":1}`: "不认识的字段：completed_ytd、foo",
		`{"period":"2024-06","district":"淄川区"}`:          "不认识的字段：district",
		`{"period":"2024-06","annual_plan_wan":"12"}`:    "年度计划投资（annual_plan_wan）应为以万元计的数字",
		`{"period":"2024-06","actual_start":"6月"}`:       "实际开工时间（actual_start）应为 YYYY-MM",
		`[1]`: "不是有效的 JSON 对象",
	} {
		var e Edit
		err := json.Unmarshal([]byte(body), &e)
		if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), want) {
			t.Errorf("%s: %v, want EINVALID with %q", body, err, want)
		}
	}
}

func TestEditKeepsItsFileForm(t *testing.T) {
	var e Edit
	in := `{"actual_start":"","annual_plan_wan":12.5,"note":"更正","period":"2024-06","unit":"某局"}`
	if err := json.Unmarshal([]byte(in), &e); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(e)
	if string(out) != in {
		t.Errorf("got %s, want %s", out, in)
	}
	if r, _ := e.Record(Project{Code: "x", Facts: Facts{Name: "甲", ActualStart: MonthOf(2024, 3)}}); r.ActualStart != 0 || r.Has&FieldActualStart == 0 {
		t.Errorf("\"\" does not clear the actual start: %+v", r)
	}
}
