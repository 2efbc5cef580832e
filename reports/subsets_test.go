package reports

import (
	"strconv"
	"testing"

	"tracker/models"
)

// subsetInput is the fixture with levels and city departments: 高新区's
// projects 9 and 10 are 省重大 and 省重点, 淄川区's projects 5, 6 and 8 are
// reported by 市直部门 for 市文化和旅游局 (5, 8) and 市工业和信息化局 (6).
func subsetInput() Input {
	in := testInput(6, 2)
	in.Projects[8].Level, in.Projects[9].Level = "省重大", "省重点"
	for i, unit := range map[int]string{4: "市文化和旅游局", 5: "市工业和信息化局", 7: "市文化和旅游局"} {
		in.Projects[i].District, in.Projects[i].Unit = "市直部门", unit
	}
	return in
}

// sums are a group's figures added up here from its projects, in yuan.
type sums struct {
	projects, planned, started int
	plan, done                 models.Money
}

func sumOf(ps []models.Project, keep func(p *models.Project) bool) sums {
	var s sums
	m := mo(6)
	for i := range ps {
		p := &ps[i]
		if !keep(p) {
			continue
		}
		s.projects++
		s.plan += p.AnnualPlan
		for _, inv := range p.Investments {
			if inv.Period <= m {
				s.done = inv.CompletedYTD
			}
		}
		if p.Nature == models.NatureNew {
			if !p.PlannedStart.IsZero() && p.PlannedStart <= m { // none: from December
				s.planned++
			}
			if !p.ActualStart.IsZero() && p.ActualStart <= m {
				s.started++
			}
		}
	}
	return s
}

func TestNewGroupSheetsAddUpTheirProjects(t *testing.T) {
	in := subsetInput()
	f, _ := openReport(t, in)
	completed := func(p *models.Project) models.Money { v, _ := p.CompletedAsOf(mo(6)); return v }
	group := map[string]string{"工业": "产业项目", "现代服务业": "产业项目"}
	for _, w := range []struct {
		sheet string
		row   int
		name  string
		keep  func(p *models.Project) bool
	}{
		{sheetLevels, 4, "省重大", func(p *models.Project) bool { return p.Level == "省重大" }},
		{sheetLevels, 5, "省重点", func(p *models.Project) bool { return p.Level == "省重点" }},
		{sheetLevels, 6, "市重大", func(p *models.Project) bool { return p.Level == "市重大" }},
		{sheetLevels, 7, "合计", func(p *models.Project) bool { return true }},
		{sheetDepts, 4, "市工业和信息化局", func(p *models.Project) bool { return p.Unit == "市工业和信息化局" }},
		{sheetDepts, 5, "市文化和旅游局", func(p *models.Project) bool { return p.Unit == "市文化和旅游局" }},
		{sheetDepts, 6, "合计", func(p *models.Project) bool { return p.District == "市直部门" }},
		{sheetCategories, 8, "产业项目", func(p *models.Project) bool { return group[p.Category] == "产业项目" }},
		{sheetCategories, 9, "城市建设项目", func(p *models.Project) bool { return false }},
		{sheetCategories, 10, "合计", func(p *models.Project) bool { return true }},
	} {
		s := sums{}
		var done models.Money
		for i := range in.Projects {
			p := &in.Projects[i]
			if !w.keep(p) {
				continue
			}
			one := sumOf(in.Projects[i:i+1], func(*models.Project) bool { return true })
			s.projects, s.planned, s.started, s.plan = s.projects+1, s.planned+one.planned, s.started+one.started, s.plan+p.AnnualPlan
			done += completed(p)
		}
		at := func(col int) string { return cellName(col, w.row) }
		if got := text(f, w.sheet, at(2)); got != w.name {
			t.Errorf("%s row %d: %q, want %q", w.sheet, w.row, got, w.name)
			continue
		}
		nums := map[int]float64{3: float64(s.projects), 5: round2(s.plan.YiFloat()), 6: round2(done.YiFloat()), 9: float64(s.planned), 10: float64(s.started)}
		if s.plan != 0 {
			nums[7] = roundN(float64(done)/float64(s.plan), 3)
		}
		for col, v := range nums {
			if got := num(t, f, w.sheet, at(col)); !near(got, v) {
				t.Errorf("%s!%s (%s %s) = %v, want %v", w.sheet, at(col), w.name, text(f, w.sheet, cellName(col, headerRow)), got, v)
			}
		}
	}
	// Ranks among the departments: 市文化和旅游局 8600 of 19000万元 (45.3%)
	// is ahead of 市工业和信息化局 0 of 4000 (0.0%).
	if a, b := text(f, sheetDepts, "L4"), text(f, sheetDepts, "L5"); a != "2" || b != "1" {
		t.Errorf("department ranks %q, %q; want 2 and 1", a, b)
	}
	// The subtotals are not ranked; the new sheets have no 环比/同比.
	if got := text(f, sheetCategories, "L8"); got != "" {
		t.Errorf("产业项目 ranked %q", got)
	}
	if got := text(f, sheetLevels, cellName(gcCompare, headerRow)); got != "" {
		t.Errorf("分级别 has a column %q after 开工率排名", got)
	}
}

func TestUnsentUnitsListsUnitsWithProjects(t *testing.T) {
	f, rates := openReport(t, testInput(6, 2))
	zc := rates.District("淄川区")
	if got := text(f, sheetUnsent, "B4") + "|" + text(f, sheetUnsent, "C4") + "|" + text(f, sheetUnsent, "D4"); got != "淄川区|4|"+strconv.Itoa(zc.Unreported) {
		t.Errorf("未报送单位 row 4: %s", got)
	}
	if got := text(f, sheetUnsent, "B5"); got != "" {
		t.Errorf("未报送单位 lists %q, a unit without projects", got)
	}
	if zc.Unreported != 1 { // 淄川区文旅综合体 last reported in May
		t.Errorf("淄川区 unreported %d, want 1", zc.Unreported)
	}
}
