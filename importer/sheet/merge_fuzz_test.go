package sheet

import (
	"testing"
)

// mergeRows makes a sheet of rows 1..24 and merged ranges out of fuzz
// bytes: each 4 bytes a range (columns 0..19, rows 1..24, up to 5 by 5),
// each 3 bytes after a separator 0xFF a cell (its row, column and kind).
func mergeRows(data []byte) ([]Range, []*Row) {
	var merges []Range
	i := 0
	for ; i+4 <= len(data) && data[i] != 0xFF; i += 4 {
		c1, r1 := int(data[i]%20), 1+int(data[i+1]%24)
		merges = append(merges, Range{C1: c1, R1: r1, C2: c1 + int(data[i+2]%5), R2: r1 + int(data[i+3]%5)})
	}
	rows := make([]*Row, 24)
	for n := range rows {
		rows[n] = &Row{Num: n + 1}
	}
	kinds := []Kind{KindText, KindNumber, KindDate, KindNoCache, KindSkipped, KindError}
	for i++; i+3 <= len(data); i += 3 {
		r := rows[int(data[i])%24]
		c := Cell{Col: int(data[i+1] % 24), Kind: kinds[int(data[i+2])%len(kinds)]}
		if c.Kind != KindNoCache && c.Kind != KindSkipped {
			c.Text = string(rune('甲' + int(data[i+2])))
		}
		if r.Get(c.Col).Col == c.Col && (r.Get(c.Col).Text != "" || r.Get(c.Col).Kind != KindText) {
			continue // one cell a column
		}
		r.Cells = inColumnOrder(append(r.Cells, c))
	}
	return merges, rows
}

// FuzzMerges streams rows past merged ranges made of fuzz bytes: no
// panic; cells stay in column order, one a column; no cell present is
// changed or dropped; every cell added lies in a merge and carries the
// value of a covering merge's top-left cell; and where the merges do not
// overlap, every empty cell of a merge whose top-left cell has a value is
// filled with it.
func FuzzMerges(f *testing.F) {
	f.Add([]byte{0, 0, 2, 0, 3, 1, 0, 4, 0xFF, 0, 0, 1, 1, 3, 2, 3, 3, 7})
	f.Add([]byte{0, 1, 0, 4, 5, 1, 1, 1, 5, 1, 1, 1, 0xFF, 1, 0, 0, 1, 5, 3, 2, 0, 4})
	f.Fuzz(func(t *testing.T, data []byte) {
		merges, rows := mergeRows(data)
		topLeft := map[Range]Cell{}
		for _, m := range merges {
			topLeft[m] = rows[m.R1-1].Get(m.C1)
		}
		overlap := false
		for i, a := range merges {
			for _, b := range merges[:i] {
				overlap = overlap || a.C1 <= b.C2 && b.C1 <= a.C2 && a.R1 <= b.R2 && b.R1 <= a.R2
			}
		}
		fl := NewFiller(merges)
		for _, r := range rows {
			in := append([]Cell(nil), r.Cells...)
			out := fl.Apply(r)
			if out.Num != r.Num {
				t.Fatalf("row %d came out as %d", r.Num, out.Num)
			}
			for i, c := range out.Cells {
				if i > 0 && c.Col <= out.Cells[i-1].Col {
					t.Fatalf("row %d: cells %v out of order or two in a column", r.Num, out.Cells)
				}
			}
			for _, c := range in {
				if got := out.Get(c.Col); got != c {
					t.Fatalf("row %d: cell %+v became %+v", r.Num, c, got)
				}
			}
			for _, c := range out.Cells {
				if (&Row{Cells: in}).Get(c.Col) == c {
					continue
				}
				ok := false
				for _, m := range merges {
					ok = ok || m.C1 <= c.Col && c.Col <= m.C2 && m.R1 <= r.Num && r.Num <= m.R2 && topLeft[m].Text == c.Text && topLeft[m].Kind == c.Kind
				}
				if !ok {
					t.Fatalf("row %d: cell %+v added outside a merge of its value", r.Num, c)
				}
			}
			if overlap {
				continue
			}
			for _, m := range merges {
				v := topLeft[m]
				if m.R1 > r.Num || r.Num > m.R2 || v.Text == "" && v.Kind == KindText {
					continue
				}
				for c := m.C1; c <= m.C2; c++ {
					want := v
					want.Col = c
					if old := (&Row{Cells: in}).Get(c); old.Text != "" || old.Kind != KindText {
						want = old
					}
					if got := out.Get(c); got != want {
						t.Fatalf("row %d: merge %v: cell %s is %+v, want %+v", r.Num, m, ColLetter(c), got, want)
					}
				}
			}
		}
	})
}

// TestFillerKeepsFormulaCells: a formula without a value inside a merge is
// a cell, kept as it is, not a second cell in its column beside the
// merge's value (FuzzMerges found it).
func TestFillerKeepsFormulaCells(t *testing.T) {
	fl := NewFiller([]Range{{C1: 0, R1: 1, C2: 1, R2: 2}})
	fl.Apply(&Row{Num: 1, Cells: []Cell{{Col: 0, Kind: KindText, Text: "张店区"}}})
	got := fl.Apply(&Row{Num: 2, Cells: []Cell{{Col: 1, Kind: KindNoCache}}})
	want := []Cell{{Col: 0, Kind: KindText, Text: "张店区"}, {Col: 1, Kind: KindNoCache}}
	if len(got.Cells) != 2 || got.Cells[0] != want[0] || got.Cells[1] != want[1] {
		t.Errorf("row 2: %+v, want %+v", got.Cells, want)
	}
}
