package reports

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"tracker/models"
)

// column is one column of a table: its header, how its cells are styled
// (kind), and its value in each data row. A column carries its own value,
// so a table's values cannot go out of step with its headers; columns
// over typed rows are made with col and bind.
type column struct {
	head  string
	kind  kind
	value func(i int) any // the value of row i (0-based; row n is the 合计 row of a table with a total)
}

// col is a column over rows of type R, named where it is defined and
// reused by name (see the project columns in sheets_projects.go): its
// value is read from the row.
type col[R any] struct {
	head string
	kind kind
	get  func(r *R) any
}

// bind makes table columns of cs over the rows at returns: row i's value
// in each column is read from at(i).
func bind[R any](at func(i int) *R, cs ...col[R]) []column {
	out := make([]column, len(cs))
	for j, c := range cs {
		get := c.get
		out[j] = column{head: c.head, kind: c.kind, value: func(i int) any { return get(at(i)) }}
	}
	return out
}

// rowsOf returns the rows of a slice by index, for bind.
func rowsOf[R any](rows []R) func(i int) *R { return func(i int) *R { return &rows[i] } }

// madeRows returns rows made by mk on demand, each once while the table
// asks for its columns one after another (a table reads a row's columns
// in turn before the next row): a project's status is worked out once a
// row, not once a cell, and no slice of 53,000 rows is held.
func madeRows[R any](mk func(i int) R) func(i int) *R {
	last := -1
	var r R
	return func(i int) *R {
		if i != last {
			r, last = mk(i), i
		}
		return &r
	}
}

// seqColumn is 序号: the row's number from 1.
func seqColumn() column {
	return column{head: headSeq, kind: kInt, value: func(i int) any { return i + 1 }}
}

// table is one sheet laid out the house way: a merged title in row 1, the
// 单位 line in row 2, the header in row 3 (frozen, repeated on each printed
// page, with an autofilter on lists; each label's unit on a line of its
// own), data from row 4, an optional 合计 row, then notes and the light
// legend. A list (a table with a filter) without rows says so in a row
// "无"; on a list of projects the panes are frozen right of 项目名称 too.
// The paper follows from the column widths (see layoutFor). Values are strings, ints, float64s
// already rounded for display, models.Money (written in 万元, exact),
// models.Month, time.Time (a date-time cell, see wallClock) and
// models.Light; nil is an empty cell with its borders.
//
// The data rows are not held: each column gives its value of row i when
// the row is written, so a sheet of 53,000 projects is streamed without its
// [][]any.
type table struct {
	sheet, title, unit string
	cols               []column
	n                  int  // data rows
	total              bool // row n of the columns is the 合计 row
	filter             bool
	notes              []string
	legend             []legendLine
	// charts, when set, adds charts below the table; top is the first free
	// row, width the table's width in pixels. It runs while the sheet is
	// streamed, before Flush.
	charts func(f *excelize.File, top int, width float64) error
	// chartsPage prints the charts on a page of their own.
	chartsPage bool
}

// nameHead is the header of the project's name, the field registry's
// label: the panes of a list are frozen right of it, and split columns
// repeat the columns up to it.
var nameHead = models.FieldName.ZhName()

// headSeq is the header of the rows' numbers.
const headSeq = "序号"

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

// dataEnd returns the row of the last data row (the 合计 row and the "无"
// row of an empty list included).
func (t *table) dataEnd() int { return headerRow + t.n + b2i(t.empty()) + b2i(t.total) }

// empty reports a list without rows, which shows a row "无".
func (t *table) empty() bool { return t.filter && t.n == 0 }

// keyCols returns the number of columns up to the project's name, 0 for a
// table without one.
func (t *table) keyCols() int {
	for i, c := range t.cols {
		if c.head == nameHead {
			return i + 1
		}
	}
	return 0
}

// values fills v (one value a column) with row i's values.
func (t *table) values(i int, v []any) []any {
	for j, c := range t.cols {
		v[j] = c.value(i)
	}
	return v
}

// each calls fn with the values of every data row in order; the slice is
// reused from row to row.
func (t *table) each(fn func(i int, v []any) error) error {
	v := make([]any, len(t.cols))
	for i := range t.n {
		if err := fn(i, t.values(i, v)); err != nil {
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
	widths := t.widths()
	pg := page{dim: fmt.Sprintf("A1:%s%d", last, t.end()), titles: headerRow, filter: filter, widths: widths, keyCols: t.keyCols()}
	if t.charts != nil && t.chartsPage {
		pg.breakAt = t.end() + 1
	}
	if err := prepare(f, t.sheet, pg); err != nil {
		return err
	}
	sw, err := startStream(f, t.sheet, widths, headerRow, t.keyCols())
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
	if err := sw.SetRow(cellName(1, headerRow), headerCells(st, heads), excelize.RowOpts{Height: headerHeight(heads)}); err != nil {
		return err
	}
	if err := t.writeBody(sw, st, widths); err != nil {
		return err
	}
	if err := writeNotes(sw, st, t.dataEnd()+2, widths, t.notes, t.legend); err != nil {
		return err
	}
	if t.charts != nil {
		if err := t.charts(f, t.end()+2-b2i(t.chartsPage), excelPixels(widths)); err != nil {
			return fmt.Errorf("charts on %s: %w", t.sheet, err)
		}
	}
	return flush(sw)
}

// writeBody writes the data rows and the 合计 row. One row of cells is
// reused for every row: SetRow takes *excelize.Cell without copying it
// into an interface of its own. The rows go to the stream's temporary
// file a megabyte at a time (see spiller).
func (t *table) writeBody(sw *excelize.StreamWriter, st *styles, widths []float64) error {
	r := newRowBuf(len(t.cols))
	sp := newSpiller(sw)
	err := t.each(func(i int, vals []any) error {
		cells := t.cells(st, r, vals, false)
		var opts []excelize.RowOpts
		if h := t.rowHeight(vals, widths); h > 0 {
			opts = []excelize.RowOpts{{Height: h}}
		}
		if err := sw.SetRow(cellName(1, headerRow+1+i), cells, opts...); err != nil {
			return err
		}
		return sp.spill()
	})
	if err != nil {
		return err
	}
	if t.empty() {
		if err := writeNone(sw, st, headerRow+1, len(t.cols)); err != nil {
			return err
		}
	}
	if !t.total {
		return nil
	}
	return sw.SetRow(cellName(1, t.dataEnd()), t.cells(st, r, t.values(t.n, make([]any, len(t.cols))), true))
}

// writeNone writes the row of an empty list: "无" across its ncols
// columns.
func writeNone(sw *excelize.StreamWriter, st *styles, row, ncols int) error {
	cells := make([]any, ncols)
	for i := range cells {
		cells[i] = excelize.Cell{StyleID: st.none}
	}
	cells[0] = excelize.Cell{StyleID: st.none, Value: "无"}
	if err := sw.SetRow(cellName(1, row), cells, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	if ncols < 2 {
		return nil
	}
	return sw.MergeCell(cellName(1, row), cellName(ncols, row))
}

// rowHeight is the height in points of a data row whose text wraps (a
// long project name): 13.5 a line of its most wrapped cell, the lines
// counted as Excel fills them, two units a CJK character; 0 (the default
// height) for a row of one line. Applications do not fit a row's height
// to wrapped text on their own when printing a streamed sheet.
func (t *table) rowHeight(vals []any, widths []float64) float64 {
	lines := 1
	for i, c := range t.cols {
		s, ok := vals[i].(string)
		if !ok || c.kind != kText && c.kind != kCenter {
			continue
		}
		if room := widths[i] - 1; float64(textWidth(s)) > room {
			lines = max(lines, int(math.Ceil(float64(textWidth(s))/room)))
		}
	}
	if lines == 1 {
		return 0
	}
	return 13.5*float64(lines) + 2
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
		r.cells[i] = styledCell(st, c.kind, vals[i], total)
	}
	return r.out
}

// styledCell returns v as a cell of kind k. A month becomes a date cell on
// the first of the month, a light its name on its fill, and nil an empty
// cell that still has its borders. In a text column, an amount is styled
// as a 万元 amount and a month as a month (修改记录's 原值 and 新值 hold
// values of every kind).
func styledCell(st *styles, k kind, v any, total bool) excelize.Cell {
	if k == kText || k == kCenter {
		switch v.(type) {
		case models.Money:
			k = kWan
		case models.Month:
			k = kMonth
		}
	}
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
		switch {
		case x == "":
			c.Value = nil // an empty string would still cost an inline string
		case models.LooksLikeFormula(x) && (k == kText || k == kCenter):
			c.StyleID = st.quoted[k][b2i(total)]
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

// widths fits each column to its header's widest line (see headLines)
// and its content, one character to spare: CJK characters count two (the
// default font's digits are half their width, see setDefaultFont), amounts
// count their digits, separators and decimals. Text wraps: a column of
// project names or units is at most 20 wide (10 characters a line), one of
// short CJK text (categories, statuses) at most 15, and one of other text
// (codes) as wide as its widest value. Every column is at least
// minWidth(kind) wide, so that an empty list still reads.
func (t *table) widths() []float64 {
	w := make([]float64, len(t.cols))
	widest := make([]int, len(t.cols))
	wide := make([]bool, len(t.cols)) // holds CJK text: may wrap
	for i, c := range t.cols {
		w[i] = float64(minWidth(c.kind))
		for _, l := range headLines(c.head) {
			w[i] = max(w[i], float64(textWidth(l)+1))
		}
	}
	_ = t.each(func(_ int, vals []any) error {
		for i, c := range t.cols {
			switch x := vals[i].(type) {
			case string:
				if c.kind == kText || c.kind == kCenter {
					n := textWidth(x)
					widest[i] = max(widest[i], n)
					wide[i] = wide[i] || n > utf8.RuneCountInString(x)
				}
			case models.Money:
				widest[i] = max(widest[i], amountWidth(wan(x)))
			case float64:
				if c.kind == kYi || c.kind == kWan {
					widest[i] = max(widest[i], amountWidth(x))
				}
			}
		}
		return nil
	})
	for i, c := range t.cols {
		content := float64(widest[i] + 1)
		switch {
		case c.kind == kText:
			content = min(content, 20)
		case c.kind == kCenter && wide[i]:
			content = min(content, 15)
		}
		w[i] = max(w[i], content)
	}
	return w
}

// amountWidth is the width of an amount shown as #,##0.00.
func amountWidth(v float64) int {
	digits := len(fmt.Sprintf("%.0f", math.Abs(v)))
	return digits + (digits-1)/3 + 3 + b2i(v < 0)
}

// minWidth is the narrowest a column of kind k may be: a month's
// 2024年12月, a rate's 100.0%, a short text's three characters, a project
// name's eight.
func minWidth(k kind) int {
	switch k {
	case kYi, kWan:
		return 10
	case kMonth:
		return 10
	case kTime:
		return 19
	case kPct, kPP:
		return 8
	case kInt, kLight:
		return 5
	case kText:
		return 16
	}
	return 7
}

// headLines returns the lines a header is shown in: a unit in parentheses
// on a line of its own ("年度计划投资" / "（万元）"), a leading month range
// too ("1-6月" / "累计完成投资" / "（万元）", "1月" / ... in January), a
// long label in halves (see halves), and lines already broken by
// "\n" as they are. Lines break only there, so no word is cut: the column
// is as wide as the widest line.
func headLines(h string) []string {
	var out []string
	for _, l := range strings.Split(h, "\n") {
		if m := monthRangeRe.FindString(l); m != "" && m != l {
			out = append(out, m)
			l = l[len(m):]
		}
		unit := ""
		if i := strings.Index(l, "（"); i > 0 {
			l, unit = l[:i], l[i:]
		}
		out = append(out, halves(l)...)
		if unit != "" {
			out = append(out, unit)
		}
	}
	return out
}

// halves splits a label of eight or more CJK characters, an even number,
// in two halves: such labels are made of two-character words
// ("累计完成同比增长" → "累计完成" / "同比增长"), so the break falls between
// words. Other labels stay whole.
func halves(l string) []string {
	r := []rune(l)
	if len(r) < 8 || len(r)%2 != 0 || textWidth(l) != 2*len(r) {
		return []string{l}
	}
	return []string{string(r[:len(r)/2]), string(r[len(r)/2:])}
}

// monthRangeRe is a leading month range of a header: "1-6月", or "1月"
// for January.
var monthRangeRe = regexp.MustCompile(`^\d{1,2}(-\d{1,2})?月`)

// headText is a header as written in its cell: its lines joined by line
// breaks. The importer reads it as the header without them.
func headText(h string) string { return strings.Join(headLines(h), "\n") }

// headerHeight is the height in points of a header row: 14 a line of its
// tallest header, at least 30.
func headerHeight(heads []string) float64 {
	n := 1
	for _, h := range heads {
		n = max(n, len(headLines(h)))
	}
	return max(30, float64(14*n+4))
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
