package models

import "testing"

// TestRevertBlockedRules is a table of the four rules of RevertBlocked,
// each with a case that blocks and one that does not.
func TestRevertBlockedRules(t *testing.T) {
	june, july, may2025 := MonthOf(2024, 6), MonthOf(2024, 7), MonthOf(2025, 6)
	const a, b = "2403-370303-04-01-000001", "2403-370303-04-01-000002"
	created := []Change{{Code: a, Field: ChangeProject}}
	figure := []Change{{Code: a, Field: "completed_ytd_wan"}, {Code: a, Field: "progress"}}
	plan := []Change{{Code: a, Field: "annual_plan_wan"}}
	entry := []Change{{Code: a, Field: ChangePlanEntry}}
	project := []Change{{Code: a, Field: "unit"}, {Code: a, Field: "actual_start"}}
	tests := []struct {
		rule  string
		mine  []Change
		later LaterChange
		want  bool
	}{
		{"created project: any later change to it", created, LaterChange{Code: a, Field: "name", Period: may2025}, true},
		{"created project: another project", created, LaterChange{Code: b, Field: "name", Period: june}, false},
		{"month field: same month", figure, LaterChange{Code: a, Field: "completed_ytd_wan", Period: june}, true},
		{"month field: another month", figure, LaterChange{Code: a, Field: "completed_ytd_wan", Period: july}, false},
		{"month field: 形象进度 of the same month", figure, LaterChange{Code: a, Field: "progress", Period: june}, true},
		{"month field: a field this import did not change", figure, LaterChange{Code: a, Field: "problems", Period: june}, false},
		{"year field: same year, other month", plan, LaterChange{Code: a, Field: "annual_plan_wan", Period: july}, true},
		{"year field: another year", plan, LaterChange{Code: a, Field: "annual_plan_wan", Period: may2025}, false},
		{"year field: later change to a list entry this import created", entry, LaterChange{Code: a, Field: "planned_start", Period: july}, true},
		{"year field: list entry of another year", entry, LaterChange{Code: a, Field: "nature", Period: may2025}, false},
		{"project field: any month, any year", project, LaterChange{Code: a, Field: "unit", Period: may2025}, true},
		{"project field: the actual start", project, LaterChange{Code: a, Field: "actual_start", Period: july}, true},
		{"project field: another project field", project, LaterChange{Code: a, Field: "name", Period: july}, false},
		{"another project's same field", project, LaterChange{Code: b, Field: "unit", Period: july}, false},
	}
	for _, tt := range tests {
		if got := NewRevertTargets(june, tt.mine).RevertBlocked(tt.later); got != tt.want {
			t.Errorf("%s: RevertBlocked = %v, want %v", tt.rule, got, tt.want)
		}
	}
}

func TestRevertTargetsCodesOnce(t *testing.T) {
	tg := NewRevertTargets(MonthOf(2024, 6), []Change{{Code: "x", Field: "name"}, {Code: "y", Field: "name"}, {Code: "x", Field: "unit"}})
	if len(tg.Codes) != 2 || tg.Codes[0] != "x" || tg.Codes[1] != "y" {
		t.Errorf("Codes = %v, want [x y]", tg.Codes)
	}
}
