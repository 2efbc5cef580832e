package demo

import (
	"fmt"
	"math/rand/v2"

	"tracker/models"
)

// Carried is how many of the 2024 list's 234 续建 projects were on the
// 2023 list: two thirds of them.
const Carried = 156

// How the carried projects stood in 2023: CarriedNew2023 were 2023 新开工
// projects planned and started in 2023, CarriedEarly2023 were 2023 新开工
// projects planned for 2024 that started early, in late 2023; the rest
// were 2023 续建 projects already.
const (
	CarriedNew2023   = 90
	CarriedEarly2023 = 3
)

// carry is one 2024 续建 project that was on the 2023 list.
type carry struct {
	i       int           // its index in the 2024 drafts
	nature  models.Nature // its nature in the 2023 list
	planned models.Month  // its planned start in the 2023 list (新开工 only)
	start   models.Month  // its actual start, the same in both years
}

// carryOver chooses the Carried 2024 续建 projects that continue 2023
// ones, about two thirds of each unit's, the named ones always among
// them, and decides how each stood in 2023. months23 are the planned
// start months of the 2023 新开工 projects planned within 2023; the
// carried 2023 新开工 take the first CarriedNew2023 of them. It sets each
// carried project's 2024 actual start to its 2023 one and gives it a code
// registered before that start. exclude are 2024 续建 projects that were
// not on the 2023 list (the 增补 one).
func carryOver(rng *rand.Rand, ds []draft, exclude map[int]bool, months23 []int) []carry {
	picked := pickCarried(rng, ds, exclude)
	named := namedSet()
	var free []int
	var cs []carry
	for _, i := range picked {
		if named[ds[i].Name] {
			cs = append(cs, carry{i: i, nature: models.NatureContinuing})
		} else {
			free = append(free, i)
		}
	}
	rng.Shuffle(len(free), func(a, b int) { free[a], free[b] = free[b], free[a] })
	for k, i := range free {
		c := carry{i: i, nature: models.NatureContinuing}
		switch {
		case k < CarriedEarly2023:
			c.nature = models.NatureNew
			c.planned = models.MonthOf(Year, 1+k)
			c.start = models.MonthOf(Year-1, 10+k)
		case k < CarriedEarly2023+CarriedNew2023:
			c.nature = models.NatureNew
			planned := months23[k-CarriedEarly2023]
			c.planned = models.MonthOf(Year-1, planned)
			c.start = models.MonthOf(Year-1, actualFor(rng, planned))
		}
		cs = append(cs, c)
	}
	for k := range cs {
		c := &cs[k]
		if c.nature == models.NatureContinuing {
			c.start = models.MonthOf(2019+rng.IntN(4), 1+rng.IntN(12))
		}
		p := &ds[c.i].Project
		p.ActualStart = c.start
		p.Code = registeredBefore(rng, c.start) + p.Code[4:]
	}
	return cs
}

// pickCarried returns the indices of the carried projects: per unit a
// share of its 续建 projects proportional to its number of them, summing
// to Carried, the named 续建 projects first.
func pickCarried(rng *rand.Rand, ds []draft, exclude map[int]bool) []int {
	named := namedSet()
	byUnit := map[string][]int{}
	for i := range ds {
		if ds[i].Nature == models.NatureContinuing && !exclude[i] {
			byUnit[ds[i].District] = append(byUnit[ds[i].District], i)
		}
	}
	weights, caps := make([]float64, len(unitCounts)), make([]int64, len(unitCounts))
	for k, u := range unitCounts {
		weights[k], caps[k] = float64(len(byUnit[u.name])), int64(len(byUnit[u.name]))
	}
	quota := apportionCapped(Carried, weights, 0, caps)
	var out []int
	for k, u := range unitCounts {
		idx := byUnit[u.name]
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		first := 0
		for j := range idx { // the named ones to the front
			if named[ds[idx[j]].Name] {
				idx[first], idx[j] = idx[j], idx[first]
				first++
			}
		}
		out = append(out, idx[:quota[k]]...)
	}
	return out
}

func namedSet() map[string]bool {
	s := map[string]bool{}
	for _, n := range named {
		s[n.name] = true
	}
	return s
}

// registeredBefore returns the first code segment of a project registered
// one to eighteen months before it started: YYMM, or for a project
// registered up to 2020 sometimes the old four-digit year.
func registeredBefore(rng *rand.Rand, start models.Month) string {
	back := 1 + rng.IntN(18)
	y, m := start.Year(), start.Num()-back
	for m < 1 {
		y, m = y-1, m+12
	}
	if y <= 2020 && rng.IntN(3) == 0 {
		return fmt.Sprintf("%d", y)
	}
	return fmt.Sprintf("%02d%02d", y%100, m)
}
