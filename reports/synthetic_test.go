package reports

import (
	"fmt"
	"math/rand/v2"

	"tracker/models"
)

// syntheticInput is a deterministic portfolio of n projects over the
// default units and categories as of month m of 2024: plans of 0.1 to 10
// 亿元 with 4-decimal 万元, about half 新开工 with a spread of planned and
// actual starts, and now and then a missed month.
func syntheticInput(n, m, q int) Input {
	in := testInput(m, q)
	rng := rand.New(rand.NewPCG(2024, uint64(n)))
	units, cats := models.DefaultUnits(), models.DefaultCategories()
	in.Projects = make([]models.Project, n)
	for i := range in.Projects {
		in.Projects[i] = syntheticProject(rng, i, units[i%len(units)], cats[i%len(cats)])
	}
	return in
}

// syntheticProject is project i of unit u; its code carries u's area code
// (张店区's for zones and departments, which have none).
func syntheticProject(rng *rand.Rand, i int, u models.Unit, cat string) models.Project {
	plan := models.Money(10_000_000 + rng.Int64N(990_000_000)) // 0.1 to 10 亿元, in yuan
	area, unit := "370303", u.Name
	if u.Kind == models.KindDistrict {
		area = u.Code
	}
	p := models.Project{
		Code: fmt.Sprintf("2403-%s-04-01-%06d", area, i+1),

		Year: 2024, Facts: models.Facts{Name: fmt.Sprintf("%s重大项目%05d号", unit, i+1),
			District: unit, Unit: unit + "发展和改革局", Nature: models.NatureContinuing, Category: cat, Level: "市重大",
			TotalInvestment: plan * models.Money(2+rng.IntN(8)), AnnualPlan: plan},
	}
	if rng.IntN(2) == 0 {
		p.Nature, p.PlannedStart = models.NatureNew, mo(1+rng.IntN(12))
		if rng.IntN(4) != 0 {
			p.ActualStart = mo(1 + rng.IntN(12))
		}
	}
	pace := 0.3 + rng.Float64()*1.1 // share of the plan done by December
	for month := 1; month <= 12; month++ {
		if rng.IntN(20) == 0 {
			continue // 未报送 this month
		}
		done := models.Money(float64(plan) * pace * float64(month) / 12)
		p.Investments = append(p.Investments, models.Investment{Period: mo(month), CompletedYTD: done})
	}
	p.SortInvestments()
	return p
}
