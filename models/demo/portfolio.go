package demo

import (
	"math/rand/v2"
	"sort"
	"strconv"

	"tracker/models"
)

// generated is the whole demo: both years' lists and the 2024 changes.
type generated struct {
	y2024     []models.Project // the 530 of the 2024 year-end list with their list facts, in code order
	withdrawn []models.Project // the two 调出 projects, ListUntil set
	changes   []models.ListChange
	y2023     []models.Project // the 536 of the 2023 list, in code order
}

// generate builds the demo. The 2024 projects come first from their own
// stream (base2024); the list changes, the continuity with 2023 and the
// 2023 list then draw, in that order, from a second one, so each step
// leaves the ones before it as they are.
func generate() generated {
	ds := base2024()
	rng := rand.New(rand.NewPCG(2023, 2024))
	s := pickListSubjects(rng, ds)
	applyListFacts(ds, s)
	months23 := shuffledMonths(rng, plannedStartsByMonth2023)
	cs := carryOver(rng, ds, map[int]bool{s.addedContinuing: true}, months23)
	names, seqs := map[string]bool{}, map[int]bool{}
	for _, d := range ds {
		names[d.Name], seqs[seqOf(d.Code)] = true, true
	}
	g := generated{withdrawn: withdrawn2024(rng, names, seqs)}
	g.changes = listChanges(ds, s, g.withdrawn)
	g.y2023 = build2023(rng, ds, cs, months23, names, seqs)
	for _, d := range ds {
		g.y2024 = append(g.y2024, d.Project)
	}
	byCode(g.y2024)
	return g
}

// seqOf is the sequence number, the last segment, of a code.
func seqOf(code string) int {
	n, _ := strconv.Atoi(code[len(code)-6:])
	return n
}

func byCode(ps []models.Project) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Code < ps[j].Code })
}

// withoutListFacts clears the facts of list changes: on the list all year,
// 实施类.
func withoutListFacts(p models.Project) models.Project {
	p.Class, p.ListFrom, p.ListUntil, p.ImplementedFrom = "", 0, 0, 0
	return p
}

// Portfolio2023 returns the 2023 list: 536 projects with their 2023
// monthly reports, in code order. At 2023-12 its rates are the published
// 2023 result (see the constants of 2023); no list changes in 2023.
func Portfolio2023() []models.Project { return generate().y2023 }

// Portfolio2024 returns the 530 projects of the 2024 list at year end
// without any list facts: each as if on the list all year as 实施类, with
// the same reports as in Portfolio2024WithChanges. Its year-end rates are
// the published 2024 result. It is for callers that load no list changes.
func Portfolio2024() []models.Project {
	out := generate().y2024
	for i := range out {
		out[i] = withoutListFacts(out[i])
	}
	return out
}

// Portfolio2024WithChanges returns every entry of the 2024 list as the year
// ran, in code order: the 530 of the year-end list (the two 增补 ones with
// ListFrom = AddedFrom, the 准备类 one with Class 准备类 and
// ImplementedFrom) and the two 调出 ones (ListUntil = WithdrawnFrom):
// 532 entries. It is what seeding Portfolio2024Published and
// Additions2024 and then applying ListChanges2024 gives.
func Portfolio2024WithChanges() []models.Project {
	g := generate()
	out := append(g.y2024, g.withdrawn...)
	byCode(out)
	return out
}

// Portfolio2024Published returns the 2024 list as published in spring, in
// code order: 530 projects, the two later withdrawn ones on it, the two
// later added ones not, the 准备类 one as 准备类 without ImplementedFrom;
// no ListFrom or ListUntil anywhere. Reports are the year's (the withdrawn
// ones report January to June).
func Portfolio2024Published() []models.Project {
	g := generate()
	var out []models.Project
	for _, p := range g.y2024 {
		if p.ListFrom.IsZero() {
			p.ImplementedFrom = 0
			out = append(out, p)
		}
	}
	for _, p := range g.withdrawn {
		out = append(out, withoutListFacts(p))
	}
	byCode(out)
	return out
}

// Additions2024 returns the two projects added (增补) to the 2024 list from
// AddedFrom, without list facts: what a store holds for them before the
// 增补 changes are applied. They report from AddedFrom on.
func Additions2024() []models.Project {
	var out []models.Project
	for _, p := range generate().y2024 {
		if !p.ListFrom.IsZero() {
			out = append(out, withoutListFacts(p))
		}
	}
	return out
}

// ListChanges2024 returns the changes of the 2024 list in effective order:
// two 增补 (AddedFrom), two 调出 (WithdrawnFrom), one 准备类 → 实施类
// (ImplementedFrom), each with a reason in Chinese, User DemoUser and no
// time (At nil: the loader records when it applies them).
func ListChanges2024() []models.ListChange { return generate().changes }
