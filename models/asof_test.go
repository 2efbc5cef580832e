package models

import "testing"

// TestAsOfShowsTheListAsItStoodThen: a project as of June shows no 调出 or
// 准备类 → 实施类 effective after June (the list as it stood then), keeps
// those effective by June, and a 增补 after June leaves it off the list.
func TestAsOfShowsTheListAsItStoodThen(t *testing.T) {
	june := MonthOf(2024, 6)
	tests := []struct {
		name                  string
		f                     Facts
		wantUntil, wantImpl   Month
		wantOnList, wantCount bool
	}{
		{"调出 from September", Facts{ListUntil: MonthOf(2024, 9)}, 0, 0, true, true},
		{"调出 from June", Facts{ListUntil: june}, june, 0, false, false},
		{"实施类 from September", Facts{Class: ClassPrepare, ImplementedFrom: MonthOf(2024, 9)}, 0, 0, true, false},
		{"实施类 from June", Facts{Class: ClassPrepare, ImplementedFrom: june}, 0, june, true, true},
		{"增补 from September", Facts{ListFrom: MonthOf(2024, 9)}, 0, 0, false, false},
	}
	for _, tt := range tests {
		p := Project{Code: "2401-370303-04-01-000001", Year: 2024, Facts: tt.f}
		got := p.AsOf(june)
		if got.ListUntil != tt.wantUntil || got.ImplementedFrom != tt.wantImpl || got.ListFrom != tt.f.ListFrom {
			t.Errorf("%s: as of June list %v–%v, 实施类 from %v; want %v–%v, %v", tt.name, got.ListFrom, got.ListUntil, got.ImplementedFrom, tt.f.ListFrom, tt.wantUntil, tt.wantImpl)
		}
		if got.OnListAt(june) != tt.wantOnList || got.CountsAt(june) != tt.wantCount || p.CountsAt(june) != tt.wantCount {
			t.Errorf("%s: on the list %v, counts %v; want %v, %v", tt.name, got.OnListAt(june), got.CountsAt(june), tt.wantOnList, tt.wantCount)
		}
	}
}
