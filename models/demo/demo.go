package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"tracker/models"
)

// Year is the demo portfolio's year.
const Year = 2024

// Published 2024 totals, in 万元.
const (
	TotalInvestmentWan = 60350000
	AnnualPlanWan      = 11345000
	CompletedWan       = 11810000
	Projects           = 530
	NewStarts          = 296
)

// unitCounts is how many projects each unit has, in report order.
var unitCounts = []struct {
	name  string
	count int
	pace  float64 // exponent of the investment curve: above 1 lags 序时进度 mid-year
}{
	{"张店区", 60, 0.63}, {"淄川区", 50, 0.73}, {"博山区", 40, 1.03}, {"周村区", 40, 0.68},
	{"临淄区", 65, 0.58}, {"桓台县", 50, 0.63}, {"高青县", 40, 0.93}, {"沂源县", 35, 1.08},
	{"高新区", 55, 0.53}, {"经济开发区", 30, 0.68}, {"文昌湖区", 20, 0.83}, {"市直部门", 45, 0.78},
}

// plannedStartsByMonth is how many of the 296 new starts are planned for
// each month: the spring push of a Chinese construction year.
var plannedStartsByMonth = [12]int{10, 20, 45, 45, 35, 30, 25, 25, 20, 18, 13, 10}

type draft struct {
	models.Project
	pace float64 // exponent of its investment curve (monthly)
}

// base2024 generates the 530 projects of the 2024 year-end list, in code
// order, each with its monthly reports. Its random stream is fixed: the
// later steps (continuity with 2023, the list changes) draw from streams
// of their own, so this part never changes when they do.
func base2024() []draft {
	rng := rand.New(rand.NewPCG(2024, 530))
	ds := skeletons(rng)
	assignNatures(rng, ds)
	assignMoney(rng, ds)
	assignStarts(rng, ds)
	assignCodes(rng, ds)
	for i := range ds {
		ds[i].Investments = monthly(rng, &ds[i].Project, ds[i].pace, Year)
		ds[i].SortInvestments()
	}
	return ds
}

// skeletons lays out the named projects, then generated ones per unit.
func skeletons(rng *rand.Rand) []draft {
	var ds []draft
	left := map[string]int{}
	pace := map[string]float64{}
	for _, u := range unitCounts {
		left[u.name], pace[u.name] = u.count, u.pace
	}
	for _, n := range named {
		p := models.Project{
			Year: Year, Facts: models.Facts{Name: n.name, District: n.district, Unit: n.unit, Category: n.category,
				Nature: models.Nature(n.nature), TotalInvestment: models.Money(n.totalYi) * models.Yi}}
		ds = append(ds, draft{p, pace[n.district]})
		left[n.district]--
	}
	seen := map[string]bool{}
	for _, n := range named {
		seen[n.name] = true
	}
	for _, u := range unitCounts {
		for i := 0; i < left[u.name]; i++ {
			p := models.Project{Year: Year, Facts: models.Facts{District: u.name, Unit: govOf[u.name]}}
			if u.name == "市直部门" {
				p.Unit = departments[rng.IntN(len(departments))]
			}
			p.Category = pickCategory(rng, u.name)
			p.Name = uniqueName(rng, seen, u.name, p.Category)
			ds = append(ds, draft{p, u.pace * (0.9 + 0.2*rng.Float64())})
		}
	}
	return ds
}

func pickCategory(rng *rand.Rand, district string) string {
	x := rng.Float64()
	if district == "市直部门" {
		if x < 0.6 {
			return "能源及基础设施"
		}
		return "乡村振兴及社会民生"
	}
	switch {
	case x < 0.46:
		return "工业"
	case x < 0.61:
		return "现代服务业"
	case x < 0.80:
		return "能源及基础设施"
	}
	return "乡村振兴及社会民生"
}

func uniqueName(rng *rand.Rand, seen map[string]bool, district, category string) string {
	for {
		var name string
		short := []rune(district)
		prefix := string(short[:len(short)-1])
		switch category {
		case "工业":
			name = places[rng.IntN(len(places))] + firms[rng.IntN(len(firms))] + industry[rng.IntN(len(industry))]
		case "现代服务业":
			name = places[rng.IntN(len(places))] + service[rng.IntN(len(service))]
		case "能源及基础设施":
			name = prefix + infra[rng.IntN(len(infra))]
		default:
			name = prefix + livelihood[rng.IntN(len(livelihood))]
		}
		if district == "市直部门" {
			name = "淄博市" + name[len(prefix):]
		}
		for i := 2; seen[name]; i++ {
			name = fmt.Sprintf("%s（%s期）", name, "一二三四五六七八九十"[3*(i-1):3*i])
			if i > 9 {
				name = ""
				break
			}
		}
		if name != "" {
			seen[name] = true
			return name
		}
	}
}

// assignNatures makes exactly NewStarts projects 新开工, the named ones as
// the plan says.
func assignNatures(rng *rand.Rand, ds []draft) {
	var free []int
	newCount := 0
	for i := range ds {
		if ds[i].Nature == "" {
			free = append(free, i)
		} else if ds[i].Nature == models.NatureNew {
			newCount++
		}
	}
	rng.Shuffle(len(free), func(i, j int) { free[i], free[j] = free[j], free[i] })
	for k, i := range free {
		ds[i].Nature = models.NatureContinuing
		if k < NewStarts-newCount {
			ds[i].Nature = models.NatureNew
		}
	}
}

// assignMoney gives total investment, annual plan and year-end completion,
// each apportioned to sum exactly to the published totals.
func assignMoney(rng *rand.Rand, ds []draft) {
	var free []int
	var fixedWan int64
	for i := range ds {
		if ds[i].TotalInvestment == 0 {
			free = append(free, i)
		} else {
			fixedWan += int64(ds[i].TotalInvestment / models.Wan)
		}
	}
	weights := make([]float64, len(free))
	for k := range free {
		weights[k] = math.Exp(rng.NormFloat64() * 0.95)
	}
	totals := apportion(TotalInvestmentWan-fixedWan, weights, 10000, 2800000)
	for k, i := range free {
		ds[i].TotalInvestment = models.Money(totals[k]) * models.Wan
	}
	planWeights, maxPlan := make([]float64, len(ds)), make([]int64, len(ds))
	for i := range ds {
		share := 0.10 + 0.25*rng.Float64()
		if ds[i].Nature == models.NatureNew {
			share = 0.06 + 0.20*rng.Float64()
		}
		planWeights[i] = float64(ds[i].TotalInvestment/models.Wan) * share
		maxPlan[i] = int64(ds[i].TotalInvestment / models.Wan)
	}
	plans := apportionCapped(AnnualPlanWan, planWeights, 1000, maxPlan)
	doneWeights := make([]float64, len(ds))
	for i := range ds {
		ds[i].AnnualPlan = models.Money(plans[i]) * models.Wan
		doneWeights[i] = float64(plans[i]) * (0.80 + 0.50*rng.Float64()) / math.Sqrt(ds[i].pace)
	}
	done := apportionCapped(CompletedWan, doneWeights, 0, maxPlan)
	for i := range ds {
		ds[i].CompletedYTD = models.Money(done[i]) * models.Wan
	}
}

// assignStarts sets the planned and actual starts: all 296 new starts
// happen within the year, most on time, some early, some late.
func assignStarts(rng *rand.Rand, ds []draft) {
	months := shuffledMonths(rng, plannedStartsByMonth)
	k := 0
	for i := range ds {
		p := &ds[i].Project
		if p.Nature != models.NatureNew {
			p.ActualStart = models.MonthOf(2020+rng.IntN(4), 1+rng.IntN(12))
			continue
		}
		planned := months[k]
		k++
		p.PlannedStart, p.ActualStart = models.MonthOf(Year, planned), models.MonthOf(Year, actualFor(rng, planned))
	}
}

// shuffledMonths returns counts[m-1] times each month m, shuffled.
func shuffledMonths(rng *rand.Rand, counts [12]int) []int {
	var months []int
	for m, n := range counts {
		for k := 0; k < n; k++ {
			months = append(months, m+1)
		}
	}
	rng.Shuffle(len(months), func(i, j int) { months[i], months[j] = months[j], months[i] })
	return months
}

// actualFor returns the month a 新开工 project planned for month planned
// actually starts: mostly on time, about one in eight one or two months
// early, one in five one to three months late, never after December.
func actualFor(rng *rand.Rand, planned int) int {
	switch x := rng.Float64(); {
	case x < 0.12 && planned > 1:
		return max(1, planned-1-rng.IntN(2))
	case x < 0.32:
		return min(12, planned+1+rng.IntN(3))
	}
	return planned
}

// assignCodes gives each project a unique code whose area segment is its
// unit's; continuing projects have older codes, some in the old
// four-digit-year form.
func assignCodes(rng *rand.Rand, ds []draft) {
	seqs := map[int]bool{}
	for i := range ds {
		p := &ds[i].Project
		seq := 0
		for seq == 0 || seqs[seq] {
			seq = 1 + rng.IntN(999998)
		}
		seqs[seq] = true
		prefix := fmt.Sprintf("%02d%02d", 23+rng.IntN(2), 1+rng.IntN(3))
		if p.Nature == models.NatureContinuing {
			prefix = fmt.Sprintf("%02d%02d", 19+rng.IntN(5), 1+rng.IntN(12))
			if rng.IntN(6) == 0 {
				prefix = fmt.Sprintf("%d", 2017+rng.IntN(4))
			}
		}
		inds := industryOf[p.Category]
		p.Code = fmt.Sprintf("%s-%s-%s-%02d-%06d", prefix, areaOf[p.District], inds[rng.IntN(len(inds))], 1+rng.IntN(4), seq)
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Code < ds[j].Code })
	levels(ds)
}

// industryOf is the industry segment of codes for each category.
var industryOf = map[string][]string{
	"工业": {"26", "27", "30", "38", "39"}, "现代服务业": {"59", "72", "88"},
	"能源及基础设施": {"44", "48", "76", "54"}, "乡村振兴及社会民生": {"47", "83", "84", "01"},
}

// levels makes the 30 largest projects 省重大, the next 90 省重点, the rest
// 市重大.
func levels(ds []draft) {
	idx := make([]int, len(ds))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ds[idx[a]].TotalInvestment > ds[idx[b]].TotalInvestment })
	for rank, i := range idx {
		switch {
		case rank < 30:
			ds[i].Level = "省重大"
		case rank < 120:
			ds[i].Level = "省重点"
		default:
			ds[i].Level = "市重大"
		}
	}
}
