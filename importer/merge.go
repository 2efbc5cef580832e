package importer

import "sort"

// mergeFiller gives every cell of a merged range the value of its top-left
// cell as rows stream past, so a district merged down over its projects, or
// a group heading merged across its columns, reads as if written in each
// cell. Merges are handled in row order with a short active list.
type mergeFiller struct {
	merges []cellRange
	next   int
	active []activeMerge
}

// maxActiveMerges bounds the merges covering one row: real ones do not
// overlap, so a row meets at most one per column.
const maxActiveMerges = 256

type activeMerge struct {
	r     cellRange
	value cell
}

func newMergeFiller(m []cellRange) *mergeFiller {
	s := append([]cellRange(nil), m...)
	sort.Slice(s, func(i, j int) bool { return s[i].r1 < s[j].r1 })
	return &mergeFiller{merges: s}
}

// apply returns r with merged cells filled; r itself is not changed when
// nothing needs filling, else a new row is returned.
func (m *mergeFiller) apply(r *srcRow) *srcRow {
	keep := m.active[:0]
	for _, a := range m.active {
		if a.r.r2 >= r.num {
			keep = append(keep, a)
		}
	}
	m.active = keep
	for m.next < len(m.merges) && m.merges[m.next].r1 <= r.num {
		g := m.merges[m.next]
		m.next++
		if g.r2 < r.num || g.r1 == g.r2 && g.c1 == g.c2 {
			continue
		}
		v := cell{}
		if g.r1 == r.num {
			v = r.get(g.c1)
		}
		if len(m.active) < maxActiveMerges { // valid merges never overlap: more is a crafted file
			m.active = append(m.active, activeMerge{r: g, value: v})
		}
	}
	if len(m.active) == 0 {
		return r
	}
	return m.fill(r)
}

// fill writes the active merges' values into the empty cells they cover.
func (m *mergeFiller) fill(r *srcRow) *srcRow {
	var extra []cell
	for _, a := range m.active {
		if a.value.text == "" && a.value.kind == kindText {
			continue
		}
		for c := a.r.c1; c <= a.r.c2 && c-a.r.c1 < 1024; c++ {
			if r.get(c).text == "" && (c != a.r.c1 || r.num != a.r.r1) {
				v := a.value
				v.col = c
				extra = append(extra, v)
			}
		}
	}
	if len(extra) == 0 {
		return r
	}
	out := &srcRow{num: r.num, cells: append(append(make([]cell, 0, len(r.cells)+len(extra)), r.cells...), extra...)}
	sort.SliceStable(out.cells, func(i, j int) bool { return out.cells[i].col < out.cells[j].col })
	return out
}
