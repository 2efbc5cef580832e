package demo

import (
	"fmt"
	"math/rand/v2"

	"tracker/models"
)

// The months of the 2024 list changes.
const (
	AddedFrom       models.Month = Year*100 + 5 // the two 增补 projects are on the list from May
	WithdrawnFrom   models.Month = Year*100 + 7 // the two 调出 projects are off it from July: they count through June
	ImplementedFrom models.Month = Year*100 + 8 // the 准备类 project counts as 实施类 from August
)

// DemoUser is who made the demo's list changes.
const DemoUser = "演示数据"

// Reasons of the 2024 list changes.
const (
	reasonAddNew       = "经市政府研究同意，项目前期手续已办结，增补列入2024年市重大项目清单"
	reasonAddContinue  = "项目新增建设内容并完成审批，增补列入2024年市重大项目清单"
	reasonWithdrawNew  = "项目建设条件发生变化，年内不具备开工条件，调出2024年市重大项目清单"
	reasonWithdrawCont = "项目投资主体变更，暂缓建设，调出2024年市重大项目清单"
	reasonImplement    = "项目用地、环评等前期手续已完成，由准备类转为实施类"
)

// listSubjects are the projects of the 530 the 2024 list changes concern,
// as indices into the 2024 drafts.
type listSubjects struct {
	addedNew, addedContinuing, prepare int
}

// pickListSubjects chooses, among the generated (not named) 2024 projects:
// a 新开工 project planned from June and started from May (added in May,
// so it has nothing to report before), a 续建 one (added in May; its
// 1-5月 figure covers January to May), and a 新开工 project planned and
// started from August (准备类 until August).
func pickListSubjects(rng *rand.Rand, ds []draft) listSubjects {
	named := namedSet()
	var news, conts, preps []int
	for i := range ds {
		p := &ds[i].Project
		switch {
		case named[p.Name]:
		case p.Nature == models.NatureContinuing:
			conts = append(conts, i)
		case p.PlannedStart.Num() >= ImplementedFrom.Num() && p.ActualStart >= ImplementedFrom:
			preps = append(preps, i)
		case p.PlannedStart.Num() > AddedFrom.Num() && p.ActualStart >= AddedFrom:
			news = append(news, i)
		}
	}
	return listSubjects{addedNew: news[rng.IntN(len(news))], addedContinuing: conts[rng.IntN(len(conts))], prepare: preps[rng.IntN(len(preps))]}
}

// applyListFacts sets the list facts of the changes on the 2024 drafts:
// the added projects are on the list from AddedFrom and report from then
// on, the 准备类 project moves to 实施类 from ImplementedFrom.
func applyListFacts(ds []draft, s listSubjects) {
	for _, i := range []int{s.addedNew, s.addedContinuing} {
		p := &ds[i].Project
		p.ListFrom = AddedFrom
		var kept []models.Investment
		for _, inv := range p.Investments {
			if inv.Period >= AddedFrom {
				kept = append(kept, inv)
			}
		}
		p.Investments = kept
		p.SortInvestments()
	}
	p := &ds[s.prepare].Project
	p.Class, p.ImplementedFrom = models.ClassPrepare, ImplementedFrom
}

// withdrawnSpecs are the two projects of the published 2024 list that were
// withdrawn from July: one 新开工 planned for April that never started, one
// 续建 whose investor changed. Amounts in 万元.
var withdrawnSpecs = []struct {
	district, category string
	nature             models.Nature
	totalWan, planWan  int64
	planned            int   // planned start month (新开工)
	juneWan            int64 // 1-6月累计完成 (续建)
	reason             string
}{
	{"博山区", "工业", models.NatureNew, 126000, 21000, 4, 0, reasonWithdrawNew},
	{"沂源县", "现代服务业", models.NatureContinuing, 86000, 15000, 0, 3180, reasonWithdrawCont},
}

// withdrawn2024 generates the two 调出 projects, their names and code
// sequence numbers unique among seenNames and seqs (which it extends),
// reporting January to June, off the list from WithdrawnFrom.
func withdrawn2024(rng *rand.Rand, seenNames map[string]bool, seqs map[int]bool) []models.Project {
	var out []models.Project
	for _, w := range withdrawnSpecs {
		p := models.Project{Year: Year, Facts: models.Facts{District: w.district, Unit: govOf[w.district], Nature: w.nature,
			Category: w.category, Level: "市重大", TotalInvestment: models.Money(w.totalWan) * models.Wan,
			AnnualPlan: models.Money(w.planWan) * models.Wan, ListUntil: WithdrawnFrom}}
		p.Name = uniqueName(rng, seenNames, w.district, w.category)
		start := models.MonthOf(2022, 1+rng.IntN(12))
		if w.nature == models.NatureNew {
			p.PlannedStart, start = models.MonthOf(Year, w.planned), 0
		}
		p.ActualStart = start
		from := start
		if from.IsZero() {
			from = models.MonthOf(Year, 1) // the code of a project to start in 2024
		}
		p.Code = fmt.Sprintf("%s-%s-%s-%02d-%06d", registeredBefore(rng, from), areaOf[w.district], industryOf[w.category][0], 1+rng.IntN(4), newSeq(rng, seqs))
		for m := 1; m < WithdrawnFrom.Num(); m++ {
			v := w.juneWan * int64(models.Wan) * int64(m) / 6 / 100 * 100
			p.Investments = append(p.Investments, models.Investment{Period: models.MonthOf(Year, m), CompletedYTD: models.Money(v)})
		}
		p.SortInvestments()
		out = append(out, p)
	}
	return out
}

// newSeq returns a code sequence number not in seqs, and adds it.
func newSeq(rng *rand.Rand, seqs map[int]bool) int {
	seq := 0
	for seq == 0 || seqs[seq] {
		seq = 1 + rng.IntN(999998)
	}
	seqs[seq] = true
	return seq
}

// listChanges returns the 2024 list changes in effective order.
func listChanges(ds []draft, s listSubjects, withdrawn []models.Project) []models.ListChange {
	ch := func(code string, a models.ListAction, m models.Month, reason string) models.ListChange {
		return models.ListChange{Code: code, Action: a, Effective: m, Reason: reason, User: DemoUser}
	}
	out := []models.ListChange{
		ch(ds[s.addedNew].Code, models.ListAdd, AddedFrom, reasonAddNew),
		ch(ds[s.addedContinuing].Code, models.ListAdd, AddedFrom, reasonAddContinue),
	}
	for k, w := range withdrawn {
		out = append(out, ch(w.Code, models.ListRemove, WithdrawnFrom, withdrawnSpecs[k].reason))
	}
	return append(out, ch(ds[s.prepare].Code, models.ListImplement, ImplementedFrom, reasonImplement))
}
