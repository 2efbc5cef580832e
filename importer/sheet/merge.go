package sheet

import "sort"

// Filler gives every cell of a merged range the value of its top-left
// cell as rows stream past, so a district merged down over its projects, or
// a group heading merged across its columns, reads as if written in each
// cell. Merges are handled in row order with a short active list.
type Filler struct {
	merges []Range
	next   int
	active []activeMerge
}

// maxActiveMerges bounds the merges covering one row: real ones do not
// overlap, so a row meets at most one per column.
const maxActiveMerges = 256

type activeMerge struct {
	r     Range
	value Cell
}

// NewFiller returns a Filler of the merges m, for rows streamed in order.
func NewFiller(m []Range) *Filler {
	s := append([]Range(nil), m...)
	sort.Slice(s, func(i, j int) bool { return s[i].R1 < s[j].R1 })
	return &Filler{merges: s}
}

// Apply returns r with merged cells filled; r itself is not changed when
// nothing needs filling, else a new row is returned.
func (m *Filler) Apply(r *Row) *Row {
	keep := m.active[:0]
	for _, a := range m.active {
		if a.r.R2 >= r.Num {
			keep = append(keep, a)
		}
	}
	m.active = keep
	for m.next < len(m.merges) && m.merges[m.next].R1 <= r.Num {
		g := m.merges[m.next]
		m.next++
		if g.R2 < r.Num || g.R1 == g.R2 && g.C1 == g.C2 {
			continue
		}
		v := Cell{}
		if g.R1 == r.Num {
			v = r.Get(g.C1)
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
func (m *Filler) fill(r *Row) *Row {
	var extra []Cell
	for _, a := range m.active {
		if a.value.Text == "" && a.value.Kind == KindText {
			continue
		}
		for c := a.r.C1; c <= a.r.C2 && c-a.r.C1 < 1024; c++ {
			if old := r.Get(c); old.Text == "" && old.Kind == KindText && (c != a.r.C1 || r.Num != a.r.R1) { // no cell there (a formula without a value is one)
				v := a.value
				v.Col = c
				extra = append(extra, v)
			}
		}
	}
	if len(extra) == 0 {
		return r
	}
	out := &Row{Num: r.Num, Cells: append(append(make([]Cell, 0, len(r.Cells)+len(extra)), r.Cells...), extra...)}
	sort.SliceStable(out.Cells, func(i, j int) bool { return out.Cells[i].Col < out.Cells[j].Col })
	keep := out.Cells[:0]
	for i, c := range out.Cells { // overlapping merges (a crafted file): the first to fill a cell wins
		if i == 0 || c.Col != keep[len(keep)-1].Col {
			keep = append(keep, c)
		}
	}
	out.Cells = keep
	return out
}
