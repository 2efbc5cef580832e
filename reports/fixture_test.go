package reports

import (
	"fmt"
	"time"

	"tracker/models"
)

// wanOf returns an amount given in 万元 with up to 4 decimals, in yuan.
func wanOf(v float64) models.Money {
	m, err := models.ParseDecimal(fmt.Sprintf("%.4f", v), models.Wan)
	if err != nil {
		panic(err)
	}
	return m
}

// mo returns a month of 2024.
func mo(m int) models.Month { return models.MonthOf(2024, m) }

// fixtureProject is a project of the test portfolio: amounts in 万元,
// reports as month → cumulative 万元.
type fixtureProject struct {
	district, category string
	nature             models.Nature
	name               string
	total, plan        float64
	planned, actual    int // month numbers of 2024, 0 for none
	reports            map[int]float64
}

// testPortfolio is a small deterministic portfolio for 2024-06 (序时进度
// 50%): 13 projects over 3 units and 2 categories, with green, yellow and
// red lights on both axes, early and overdue starts, unreported projects, a
// project without a plan, one exactly 10 points behind (green), amounts
// with 4 decimals, and names that look like formulas.
func testPortfolio() []models.Project {
	fs := []fixtureProject{
		{"张店区", "工业", models.NatureContinuing, "张店区高端装备产业园", 50000, 10000, 0, 0, map[int]float64{3: 2500, 6: 6000}},
		{"张店区", "工业", models.NatureNew, "张店区新材料项目", 30000, 8000, 3, 3, map[int]float64{4: 1000, 6: 3000}},
		{"张店区", "现代服务业", models.NatureNew, "=SUM(A1:A2)物流中心", 20000, 5000, 2, 0, map[int]float64{6: 0}},
		{"张店区", "工业", models.NatureNew, "张店区智能制造基地", 24000, 6000, 9, 5, map[int]float64{5: 1500, 6: 3500}},
		{"淄川区", "现代服务业", models.NatureContinuing, "淄川区文旅综合体", 80000, 12000, 0, 0, map[int]float64{2: 2000, 5: 5000}},
		{"淄川区", "工业", models.NatureNew, "淄川区陶瓷新材料项目", 15000, 4000, 5, 0, map[int]float64{6: 0}},
		{"淄川区", "工业", models.NatureContinuing, "-淄川区技改项目", 3000, 0, 0, 0, map[int]float64{6: 120.5}},
		{"淄川区", "现代服务业", models.NatureNew, "淄川区康养中心", 18000, 7000, 0, 4, map[int]float64{4: 800, 6: 3600}},
		{"高新区", "工业", models.NatureContinuing, "高新区集成电路项目", 120000.1234, 20000, 0, 0, map[int]float64{3: 2000, 6: 4500.5678}},
		{"高新区", "工业", models.NatureNew, "高新区生物医药产业园", 26000, 3000, 6, 0, map[int]float64{6: 1600}},
		{"高新区", "现代服务业", models.NatureNew, "高新区研发总部", 40000, 9000, 1, 4, map[int]float64{4: 2000, 6: 5500}},
		{"高新区", "现代服务业", models.NatureContinuing, "@高新区会展中心", 60000, 15000, 0, 0, map[int]float64{2: 9000, 4: 19500}},
		{"高新区", "工业", models.NatureContinuing, "+高新区氢能项目", 10000, 2500, 0, 0, map[int]float64{6: 1000}},
	}
	ps := make([]models.Project, len(fs))
	for i, f := range fs {
		ps[i] = f.project(i + 1)
	}
	return ps
}

func (f fixtureProject) project(seq int) models.Project {
	area := map[string]string{"张店区": "370303", "淄川区": "370302", "高新区": "370303"}[f.district]
	p := models.Project{
		Code: fmt.Sprintf("2403-%s-04-01-%06d", area, seq),

		Year: 2024, Facts: models.Facts{Name: f.name, District: f.district,
			Unit: f.district + "发展和改革局", Nature: f.nature, Category: f.category, Level: "市重大",
			TotalInvestment: wanOf(f.total), AnnualPlan: wanOf(f.plan)},
	}
	if f.planned > 0 {
		p.PlannedStart = mo(f.planned)
	}
	if f.actual > 0 {
		p.ActualStart = mo(f.actual)
	}
	for m := 1; m <= 12; m++ {
		if v, ok := f.reports[m]; ok {
			p.Investments = append(p.Investments, models.Investment{Period: mo(m), CompletedYTD: wanOf(v)})
		}
	}
	p.SortInvestments()
	return p
}

// unitNames returns the names of models.DefaultUnits in order.
func unitNames() []string {
	var names []string
	for _, u := range models.DefaultUnits() {
		names = append(names, u.Name)
	}
	return names
}

// testInput is the test portfolio as of month m (quarter q, or 0).
func testInput(m, q int) Input {
	return Input{
		Projects: testPortfolio(), Month: mo(m), Config: models.DefaultRateConfig(),
		Districts: unitNames(), Categories: models.DefaultCategories(),
		Generated: time.Date(2024, 7, 5, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)), Quarter: q,
		Levels: models.DefaultLevels(), CategoryGroups: models.DefaultCategoryGroups(), Departments: []string{"市直部门"},
		Unsent: []string{"淄川区", "博山区"}, // 博山区 has no project: not listed
	}
}

// lastYearPortfolio is the test portfolio a year earlier: the same
// projects in 2023 with four fifths of each cumulative figure, none
// started early, and no 高新区 (a unit with no figures last year).
func lastYearPortfolio() []models.Project {
	var out []models.Project
	for _, p := range testPortfolio() {
		if p.District == "高新区" {
			continue
		}
		p.Year = 2023
		p.PlannedStart = shiftYear(p.PlannedStart)
		p.ActualStart = shiftYear(p.ActualStart)
		for i := range p.Investments {
			p.Investments[i].Period = shiftYear(p.Investments[i].Period)
			p.Investments[i].CompletedYTD = p.Investments[i].CompletedYTD * 4 / 5
		}
		p.SortInvestments()
		out = append(out, p)
	}
	return out
}

func shiftYear(m models.Month) models.Month {
	if m.IsZero() {
		return m
	}
	return models.MonthOf(m.Year()-1, m.Num())
}

// withBases gives in its 环比 base (the fixture three months earlier for
// a quarterly report, one month for a monthly one) and its 同比 base
// (lastYearPortfolio at the same month).
func withBases(in Input) Input {
	prev, ok := models.PreviousPeriod(in.Month, in.Quarter != 0)
	if ok {
		r := models.ComputeRates(in.Projects, prev, in.Config, in.Districts, in.Categories)
		in.Previous = &r
	}
	ly := models.ComputeRates(lastYearPortfolio(), models.SamePeriodLastYear(in.Month), in.Config, in.Districts, in.Categories)
	in.LastYear = &ly
	return in
}
