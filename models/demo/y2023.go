package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"tracker/models"
)

// Published 2023 totals (money in 万元): 536 projects, 总投资 5930亿元,
// 年度完成投资 1310亿元 of a 1265亿元 plan (103.6%), 248 new starts of 245
// planned (101.2%).
const (
	Year2023               = 2023
	Projects2023           = 536
	TotalInvestment2023Wan = 59300000
	AnnualPlan2023Wan      = 12650000
	Completed2023Wan       = 13100000
	PlannedStarts2023      = 245 // 新开工 projects planned within 2023, all started by December
	NewStarts2023          = 248 // those, and CarriedEarly2023 planned for 2024 that started in 2023
)

// unitCounts2023 is how many projects each unit has in 2023, in the order
// of unitCounts: the 2024 shares, scaled to 536.
var unitCounts2023 = []int{61, 51, 41, 40, 66, 51, 40, 35, 56, 30, 20, 45}

// plannedStartsByMonth2023 is how many of the 245 new starts planned
// within 2023 are planned for each month.
var plannedStartsByMonth2023 = [12]int{8, 17, 38, 37, 30, 25, 21, 21, 16, 14, 10, 8}

// draft23 is a 2023 project being generated; room is the most its 2023
// completion may be, in 万元.
type draft23 struct {
	draft
	room    int64
	carried bool
	planLo  float64 // its plan is drawn as planLo..planLo+0.25 of its total, then scaled
}

// build2023 generates the 2023 list: the carried projects as they stood in
// 2023 and the 2023 projects that did not continue into 2024, in each
// unit's 2023 number, summing exactly to the published 2023 totals.
func build2023(rng *rand.Rand, ds24 []draft, cs []carry, months23 []int, seenNames map[string]bool, seqs map[int]bool) []models.Project {
	ds := carried2023(ds24, cs)
	ds = append(ds, own2023(rng, ds, months23, seenNames)...)
	money2023(rng, ds)
	codes2023(rng, ds, ds24, seqs)
	out := make([]models.Project, len(ds))
	for i := range ds {
		ds[i].Investments = monthly(rng, &ds[i].Project, ds[i].pace, Year2023)
		ds[i].SortInvestments()
		out[i] = ds[i].Project
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// carried2023 returns the carried projects in 2023: the 2024 identity
// (code, name, unit, category, level, total investment, actual start) with
// the 2023 nature and planned start; their 2023 completion leaves room for
// the 2024 one within the total investment.
func carried2023(ds24 []draft, cs []carry) []draft23 {
	var ds []draft23
	for _, c := range cs {
		d := ds24[c.i]
		p := models.Project{Code: d.Code, Year: Year2023, Facts: models.Facts{Name: d.Name, District: d.District, Unit: d.Unit,
			Category: d.Category, Level: d.Level, TotalInvestment: d.TotalInvestment, Nature: c.nature,
			PlannedStart: c.planned, ActualStart: c.start}}
		room := int64((d.TotalInvestment - d.CompletedYTD) / models.Wan)
		lo := 0.06
		if c.nature == models.NatureContinuing {
			room, lo = room*9/10, 0.10 // and some was spent before 2023
		}
		ds = append(ds, draft23{draft: draft{p, d.pace}, room: room, carried: true, planLo: lo})
	}
	return ds
}

// own2023 generates the 2023 projects that are not on the 2024 list
// (finished in 2023), filling each unit to its 2023 number: of them,
// PlannedStarts2023 − CarriedNew2023 新开工 projects (with the rest of
// months23), the others 续建.
func own2023(rng *rand.Rand, carried []draft23, months23 []int, seenNames map[string]bool) []draft23 {
	have := map[string]int{}
	for _, d := range carried {
		have[d.District]++
	}
	var ds []draft23
	for k, u := range unitCounts {
		for i := have[u.name]; i < unitCounts2023[k]; i++ {
			p := models.Project{Year: Year2023, Facts: models.Facts{District: u.name, Unit: govOf[u.name], Nature: models.NatureContinuing}}
			if u.name == "市直部门" {
				p.Unit = departments[rng.IntN(len(departments))]
			}
			p.Category = pickCategory(rng, u.name)
			p.Name = uniqueName(rng, seenNames, u.name, p.Category)
			ds = append(ds, draft23{draft: draft{p, u.pace * (0.85 + 0.3*rng.Float64())}, planLo: 0.15})
		}
	}
	order := rng.Perm(len(ds))
	for k, i := range order {
		p := &ds[i].Project
		if k < PlannedStarts2023-CarriedNew2023 {
			planned := months23[CarriedNew2023+k]
			p.Nature, p.PlannedStart = models.NatureNew, models.MonthOf(Year2023, planned)
			p.ActualStart = models.MonthOf(Year2023, actualFor(rng, planned))
		} else {
			p.ActualStart = models.MonthOf(2019+rng.IntN(4), 1+rng.IntN(12))
		}
	}
	return ds
}

// money2023 gives the projects not carried their total investment, and
// every project its 2023 plan and completion, each apportioned to the
// published totals exactly; a carried project's completion stays within
// its room.
func money2023(rng *rand.Rand, ds []draft23) {
	var free []int
	var weights []float64
	rest := int64(TotalInvestment2023Wan)
	for i := range ds {
		if ds[i].carried {
			rest -= int64(ds[i].TotalInvestment / models.Wan)
			continue
		}
		w := math.Exp(rng.NormFloat64() * 0.95)
		if ds[i].Nature == models.NatureNew {
			w *= 0.6 // built within the year: smaller
		}
		free, weights = append(free, i), append(weights, w)
	}
	totals := apportion(rest, weights, 10000, 2800000)
	for k, i := range free {
		ds[i].TotalInvestment = models.Money(totals[k]) * models.Wan
	}
	planW, planMax := make([]float64, len(ds)), make([]int64, len(ds))
	for i := range ds {
		planW[i] = float64(ds[i].TotalInvestment/models.Wan) * (ds[i].planLo + 0.25*rng.Float64())
		planMax[i] = int64(ds[i].TotalInvestment / models.Wan)
	}
	plans := apportionCapped(AnnualPlan2023Wan, planW, 1000, planMax)
	doneW, doneMax := make([]float64, len(ds)), make([]int64, len(ds))
	for i := range ds {
		ds[i].AnnualPlan = models.Money(plans[i]) * models.Wan
		doneW[i] = float64(plans[i]) * (0.80 + 0.50*rng.Float64()) / math.Sqrt(ds[i].pace)
		doneMax[i] = planMax[i]
		if ds[i].carried {
			doneMax[i] = ds[i].room
		}
	}
	done := apportionCapped(Completed2023Wan, doneW, 0, doneMax)
	for i := range ds {
		ds[i].CompletedYTD = models.Money(done[i]) * models.Wan
	}
}

// codes2023 gives the projects not carried a code registered before their
// start, its sequence number unique among seqs (which it extends), and a
// level by the 2024 list's thresholds.
func codes2023(rng *rand.Rand, ds []draft23, ds24 []draft, seqs map[int]bool) {
	minOf := map[string]models.Money{}
	for _, d := range ds24 {
		if v, ok := minOf[d.Level]; !ok || d.TotalInvestment < v {
			minOf[d.Level] = d.TotalInvestment
		}
	}
	for i := range ds {
		p := &ds[i].Project
		if ds[i].carried {
			continue
		}
		inds := industryOf[p.Category]
		p.Code = fmt.Sprintf("%s-%s-%s-%02d-%06d", registeredBefore(rng, p.ActualStart), areaOf[p.District],
			inds[rng.IntN(len(inds))], 1+rng.IntN(4), newSeq(rng, seqs))
		switch {
		case p.TotalInvestment >= minOf["省重大"]:
			p.Level = "省重大"
		case p.TotalInvestment >= minOf["省重点"]:
			p.Level = "省重点"
		default:
			p.Level = "市重大"
		}
	}
}
