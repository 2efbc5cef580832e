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
// then notes and the light legend. Values in rows are strings, ints,
// float64s already rounded for display, models.Month and models.Light.
type table struct {
	sheet, title, unit string
	cols               []column
	rows               [][]any
	total              []any // the 合计 row, nil for none
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
func (t *table) dataEnd() int { return headerRow + len(t.rows) + b2i(t.total != nil) }

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
		filter = fmt.Sprintf("A%d:%s%d", headerRow, last, max(headerRow+len(t.rows), headerRow+1))
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
	heads := make([]any, len(t.cols))
	for i, c := range t.cols {
		heads[i] = excelize.Cell{StyleID: st.header, Value: c.head}
	}
	if err := sw.SetRow(cellName(1, headerRow), heads, excelize.RowOpts{Height: 30}); err != nil {
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

// writeBody writes the data rows and the 合计 row.
func (t *table) writeBody(sw *excelize.StreamWriter, st *styles) error {
	for i, vals := range t.rows {
		if err := sw.SetRow(cellName(1, headerRow+1+i), t.cells(st, vals, false)); err != nil {
			return err
		}
	}
	if t.total == nil {
		return nil
	}
	return sw.SetRow(cellName(1, headerRow+1+len(t.rows)), t.cells(st, t.total, true))
}

// cells styles one row's values by their columns' kinds.
func (t *table) cells(st *styles, vals []any, total bool) []any {
	out := make([]any, len(t.cols))
	for i, c := range t.cols {
		var v any
		if i < len(vals) {
			v = vals[i]
		}
		out[i] = styledCell(st, c.kind, v, total)
	}
	return out
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
			c.Value = time.Date(x.Year(), time.Month(x.Num()), 1, 0, 0, 0, 0, time.UTC)
		}
	case models.Light:
		c.Value = nil
		if id, ok := st.light[x]; ok {
			c.StyleID, c.Value = id, string(x)
		}
	}
	return c
}

// widths fits each column to its header and content: CJK characters count
// two, and text columns are capped at 40 (they wrap).
func (t *table) widths() []float64 {
	w := make([]float64, len(t.cols))
	for i, c := range t.cols {
		w[i] = max(float64(minWidth(c.kind)), float64(textWidth(c.head)+1)/2+1)
		if c.kind != kText && c.kind != kCenter {
			continue
		}
		widest := 0
		for _, r := range t.rows {
			if s, ok := r[i].(string); ok {
				widest = max(widest, textWidth(s))
			}
		}
		w[i] = min(max(w[i], float64(widest)+2), 40)
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
