package reports

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"tracker/models"
)

// column is one column of a table: its header and what it holds.
type column struct {
	head string
	kind kind
}

// table is one sheet laid out the house way: a merged title in row 1, the
// 单位 line in row 2, the header in row 3 (frozen, repeated on each printed
// page, with an autofilter on lists), data from row 4, an optional 合计 row,
// then notes and the light legend. Values are strings, ints, float64s
// already rounded for display, models.Money (written in 万元, exact),
// models.Month and models.Light; nil is an empty cell with its borders.
//
// The data rows are not held: row fills the values of row i into a slice
// the table reuses, so a sheet of 53,000 projects is streamed without its
// [][]any (see setRows for small tables).
type table struct {
	sheet, title, unit string
	cols               []column
	n                  int                  // data rows
	row                func(i int, v []any) // fills v (len(cols), all nil) with data row i
	total              []any                // the 合计 row, nil for none
	filter             bool
	notes              []string
	legend             []legendLine
	// charts, when set, adds charts below the table; top is the first free
	// row. It runs while the sheet is streamed, before Flush.
	charts func(f *excelize.File, top int) error
}

// legendLine explains one light.
type legendLine struct {
	light models.Light
	text  string
}

const (
	titleRow  = 1
	unitRow   = 2
	headerRow = 3
)

// dataEnd returns the row of the last data row (the 合计 row included).
func (t *table) dataEnd() int { return headerRow + t.n + b2i(t.total != nil) }

// setRows gives t rows held in memory, for small tables; a row shorter
// than t.cols leaves its last cells empty.
func (t *table) setRows(rows [][]any) {
	t.n = len(rows)
	t.row = func(i int, v []any) { copy(v, rows[i]) }
}

// each calls fn with the values of every data row in order; the slice is
// reused from row to row.
func (t *table) each(fn func(i int, v []any) error) error {
	v := make([]any, len(t.cols))
	for i := range t.n {
		clear(v)
		t.row(i, v)
		if err := fn(i, v); err != nil {
			return err
		}
	}
	return nil
}

// end returns the last row the table writes (notes and legend included).
func (t *table) end() int {
	n := t.dataEnd()
	if len(t.notes)+len(t.legend) > 0 {
		n += 1 + len(t.notes) + len(t.legend)
	}
	return n
}

// write renders t into its sheet with a StreamWriter.
func (t *table) write(f *excelize.File, st *styles) error {
	last := colName(len(t.cols))
	filter := ""
	if t.filter {
		filter = fmt.Sprintf("A%d:%s%d", headerRow, last, max(headerRow+t.n, headerRow+1))
	}
	pg := page{dim: fmt.Sprintf("A1:%s%d", last, t.end()), titles: headerRow, filter: filter, onePage: !t.filter}
	if err := prepare(f, t.sheet, pg); err != nil {
		return err
	}
	sw, err := startStream(f, t.sheet, t.widths(), headerRow)
	if err != nil {
		return err
	}
	if err := writeTitle(sw, st, t.title, t.unit, len(t.cols)); err != nil {
		return err
	}
	heads := make([]string, len(t.cols))
	for i, c := range t.cols {
		heads[i] = c.head
	}
	if err := sw.SetRow(cellName(1, headerRow), headerCells(st, heads), excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if err := t.writeBody(sw, st); err != nil {
		return err
	}
	if err := writeNotes(sw, st, t.dataEnd()+2, len(t.cols), t.notes, t.legend); err != nil {
		return err
	}
	if t.charts != nil {
		if err := t.charts(f, t.end()+2); err != nil {
			return fmt.Errorf("charts on %s: %w", t.sheet, err)
		}
	}
	return sw.Flush()
}

// writeBody writes the data rows and the 合计 row. One row of cells is
// reused for every row: SetRow takes *excelize.Cell without copying it
// into an interface of its own.
func (t *table) writeBody(sw *excelize.StreamWriter, st *styles) error {
	r := newRowBuf(len(t.cols))
	err := t.each(func(i int, vals []any) error {
		return sw.SetRow(cellName(1, headerRow+1+i), t.cells(st, r, vals, false))
	})
	if err != nil || t.total == nil {
		return err
	}
	return sw.SetRow(cellName(1, headerRow+1+t.n), t.cells(st, r, t.total, true))
}

// rowBuf is one row of cells and the interfaces that point at them.
type rowBuf struct {
	cells []excelize.Cell
	out   []any
}

func newRowBuf(n int) *rowBuf {
	r := &rowBuf{cells: make([]excelize.Cell, n), out: make([]any, n)}
	for i := range r.cells {
		r.out[i] = &r.cells[i]
	}
	return r
}

// cells styles one row's values by their columns' kinds into r.
func (t *table) cells(st *styles, r *rowBuf, vals []any, total bool) []any {
	for i, c := range t.cols {
		var v any
		if i < len(vals) {
			v = vals[i]
		}
		r.cells[i] = styledCell(st, c.kind, v, total)
	}
	return r.out
}

// styledCell returns v as a cell of kind k. A month becomes a date cell on
// the first of the month, a light its name on its fill, and nil an empty
// cell that still has its borders.
func styledCell(st *styles, k kind, v any, total bool) excelize.Cell {
	c := excelize.Cell{StyleID: st.cell[k][b2i(total)], Value: v}
	switch x := v.(type) {
	case models.Month:
		c.Value = nil
		if !x.IsZero() {
			c.Value = serialDay(x)
		}
	case models.Light:
		c.Value = nil
		if id := st.lightStyle(x); id != 0 {
			c.StyleID, c.Value = id, string(x)
		}
	case models.Money:
		c.Value = wanValue(x)
	case string:
		if x == "" {
			c.Value = nil // an empty string would still cost an inline string
		}
	}
	return c
}

// serialDay returns the first day of month m as an Excel serial day, the
// number a date cell holds: what excelize writes for a time.Time at
// midnight, without its per-cell workbook lookup and allocations. Day 0 is
// 1899-12-30 (Excel's 1900 system counts a 29 February 1900 that never was,
// so this is right for every date from March 1900).
func serialDay(m models.Month) float64 {
	d := time.Date(m.Year(), time.Month(m.Num()), 1, 0, 0, 0, 0, time.UTC)
	return float64(d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
}

// widths fits each column to its header and content: CJK characters count
// two, and text columns are capped at 40 (they wrap).
func (t *table) widths() []float64 {
	w := make([]float64, len(t.cols))
	widest := make([]int, len(t.cols))
	for i, c := range t.cols {
		w[i] = max(float64(minWidth(c.kind)), float64(textWidth(c.head)+1)/2+1)
	}
	_ = t.each(func(_ int, vals []any) error {
		for i, c := range t.cols {
			if s, ok := vals[i].(string); ok && (c.kind == kText || c.kind == kCenter) {
				widest[i] = max(widest[i], textWidth(s))
			}
		}
		return nil
	})
	for i, c := range t.cols {
		if c.kind == kText || c.kind == kCenter {
			w[i] = min(max(w[i], float64(widest[i])+2), 40)
		}
	}
	return w
}

// minWidth is the narrowest a column of kind k may be.
func minWidth(k kind) int {
	switch k {
	case kYi, kWan:
		return 14
	case kMonth:
		return 11
	case kTime:
		return 19
	case kPct, kPP, kInt, kLight:
		return 9
	}
	return 6
}

// textWidth returns s's width in Excel's character units: wide (CJK and
// full-width) characters count two.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 || utf8.RuneLen(r) > 2 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// colName returns the letters of column n (1 = A).
func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// cellName returns the A1 name of column col, row row.
func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}
