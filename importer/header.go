package importer

import (
	"regexp"
	"sort"
	"strings"

	"tracker/importer/sheet"
	"tracker/models"
)

// column is one ledger column and what it is read as.
type column struct {
	col         int
	field       Field        // 0: not read
	unit        models.Money // amount columns: the unit its header (or group heading) names
	text        string       // the header as written, for messages
	label       string       // the header parts joined with "/", for the preview
	month, year int          // a month range / year the header names (1-6月, 2024年)
	rank        int          // how surely the label names field: rankSpelling, rankConcept, 0
	looksLike   bool         // the label looks like an amount or date but names no field
	by          string       // how the field was decided: byLabel, byContent or byMapping
	note        string       // why, for the preview
}

// How surely a label names its field.
const (
	rankConcept  = 1 // by concept (concepts.go)
	rankSpelling = 2 // a spelling of headerSpellings
)

// How a column's field was decided (CONTRACT.md, ImportResult.columns.by).
const (
	byLabel   = models.ByLabel
	byContent = models.ByContent
	byMapping = models.ByMapping
)

// header is the header block found in a sheet and what it maps.
type header struct {
	top, bottom int                // first and last header row, 1-based; bottom = top-1 when there is none
	cols        []column           // read columns, one per field, in column order
	byField     map[Field]int      // field → index in cols
	twins       map[Field][]column // further columns read as the same field, compared row by row
	texts       map[int]string     // every header column's text, for messages
	heads       map[int]column     // every header column with what its label says
	signatures  map[string]bool
	ignored     []column // duplicate columns left out
	unknown     []column // columns that look like a field but map none
	all         []column // every column of the sheet as decided, for the preview
	layout      string   // signature of the header texts (layoutSignature)
	warnings    []columnWarning
	year        int     // the ledger's year as known when the columns are decided, 0 if not yet
	spanStart   *column // a 计划开竣工时间 column, read for the planned start too when no column states it
}

// minHeaderFields is how many distinct fields a header must map; the
// project name or code is always one of them.
const minHeaderFields = 3

// detectHeader finds the header block among the first rows of a sheet. A
// block is 1 to 3 adjacent rows around an anchor row that names at least
// two fields by label (a spelling or a concept); group headings above it
// are taken in, rows below only when they add fields (sub-headings such as
// 计划/实际 under 开工时间). The best block maps the most fields, and must
// map the project name or code.
func detectHeader(rows []*sheet.Row, unit models.Money) *header {
	var best *header
	for i, r := range rows {
		if rowHasCode(r) || labelledFields(r) < 2 { // a row with a code is data
			continue
		}
		top, bottom := i, i
		h := buildHeader(rows, top, bottom, unit)
		for bottom+1 < len(rows) && bottom-top < 2 && adjacent(rows, bottom) && (headerLike(rows[bottom+1]) || unitRow(rows[bottom], rows[bottom+1])) {
			h2 := buildHeader(rows, top, bottom+1, unit)
			if len(h2.byField) < len(h.byField) || len(h2.byField) == len(h.byField) && !h.refinedBy(h2) && !unitRow(rows[bottom], rows[bottom+1]) {
				break
			}
			h, bottom = h2, bottom+1
		}
		for top > 0 && bottom-top < 2 && adjacent(rows, top-1) && headerLike(rows[top-1]) {
			top--
			h = buildHeader(rows, top, bottom, unit)
		}
		if h.keyed() && len(h.byField) >= minHeaderFields && (best == nil || len(h.byField) > len(best.byField)) {
			best = h
		}
	}
	return best
}

// refinedBy reports whether a sub-heading row taken in (h2) tells apart
// columns the group heading above made duplicates: 1-8月完成投资 over
// 累计 and 其中：8月完成.
func (h *header) refinedBy(h2 *header) bool { return len(h2.ignored) < len(h.ignored) }

// keyed reports whether a header names the project name or code: what
// tells a ledger from a table of totals.
func (h *header) keyed() bool {
	_, name := h.byField[FieldName]
	_, code := h.byField[fieldCode]
	return name || code
}

// adjacent reports whether rows i and i+1 are consecutive sheet rows.
func adjacent(rows []*sheet.Row, i int) bool { return rows[i+1].Num == rows[i].Num+1 }

// directFields counts the distinct fields a row's own cells name by a
// spelling: how a header repeated inside the data is told (a data row's
// long texts must not pass for labels by concept).
func directFields(r *sheet.Row) int {
	return countFields(r, func(l label) (Field, bool) { return l.lookup() })
}

// labelledFields counts the distinct fields a row's own cells name by a
// spelling or a concept: how a header row is found.
func labelledFields(r *sheet.Row) int {
	return countFields(r, func(l label) (Field, bool) {
		f, rank := l.field()
		return f, rank > 0
	})
}

// maxLabelBytes is the longest cell text looked at as a label: a header
// with its unit and remarks fits, a data row's long texts are skipped.
const maxLabelBytes = 120

func countFields(r *sheet.Row, names func(label) (Field, bool)) int {
	seen := Field(0)
	n := 0
	for _, c := range r.Cells {
		if c.Kind != sheet.KindText || len(c.Text) > maxLabelBytes {
			continue
		}
		if f, ok := names(normLabel(c.Text)); ok && seen&f == 0 {
			seen |= f
			n++
		}
	}
	return n
}

// headerLike reports whether a row can be part of a header: at least two
// different texts, no numbers, no project code, not a 填报/单位 line.
func headerLike(r *sheet.Row) bool {
	distinct := map[string]bool{}
	for _, c := range r.Cells {
		if c.Kind != sheet.KindText {
			return false
		}
		s := foldText(c.Text)
		if models.ValidCode(models.NormalizeCode(s)) || strings.Contains(s, "填报") || reUnitTxt.MatchString(s) || isSentDateLine(s) {
			return false
		}
		distinct[s] = true
	}
	return len(distinct) >= 2
}

// reUnitCell is a header cell that only names a unit: 亿元, （万元）,
// 单位：元; or only the form a column is written in, which a units row
// gives beside them: 年.月, 年月, 年/月/日, %, 个.
var reUnitCell = regexp.MustCompile(`^\(?(?:单位:)?(?:亿元|万元|元|亿|万|年[./-]?月(?:[./-]?日)?|yyyy[./-]?mm|%|个|项)\)?$`)

// unitRow reports a row under the column names (above) that only gives
// units; cells repeating the row above are names merged down into it.
func unitRow(above, r *sheet.Row) bool {
	units := 0
	for _, c := range r.Cells {
		switch {
		case c.Kind == sheet.KindText && reUnitCell.MatchString(foldText(c.Text)):
			units++
		case c.Text != above.Get(c.Col).Text:
			return false
		}
	}
	return units > 0
}

// buildHeader maps the columns of rows[top..bottom] to fields by their
// labels; every column is kept in heads with what its label says.
func buildHeader(rows []*sheet.Row, top, bottom int, unit models.Money) *header {
	h := &header{top: rows[top].Num, bottom: rows[bottom].Num, byField: map[Field]int{}, texts: map[int]string{}, heads: map[int]column{}, signatures: map[string]bool{}}
	parts := headerParts(rows[top : bottom+1])
	cols := make([]int, 0, len(parts))
	for c := range parts {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	for _, c := range cols {
		col := mapColumn(c, parts[c], unit)
		h.texts[c], h.heads[c] = col.text, col
		switch {
		case col.field != 0:
			h.add(col)
		case col.looksLike:
			h.unknown = append(h.unknown, col)
		}
	}
	for _, r := range rows[top : bottom+1] {
		h.signatures[rowSignature(r)] = true
	}
	h.layout = layoutSignature(h.heads)
	return h
}

// headerParts returns, per column, the texts of the header rows from top
// to bottom, with vertical repeats (merged cells) removed. A group heading
// with empty cells to its right spreads over the columns whose lower row
// has a sub-heading, as a merged cell would (CSV and unmerged files).
func headerParts(rows []*sheet.Row) map[int][]string {
	parts := map[int][]string{}
	for i, r := range rows {
		running := ""
		below := map[int]bool{}
		if i+1 < len(rows) {
			for _, c := range rows[i+1].Cells {
				below[c.Col] = true
			}
		}
		for _, col := range usedCols(rows) {
			text := models.TrimText(r.Get(col).Text)
			switch {
			case text != "":
				running = text
			case running != "" && below[col] && i+1 < len(rows):
				text = running
			default:
				running = ""
			}
			if text != "" && (len(parts[col]) == 0 || parts[col][len(parts[col])-1] != text) {
				parts[col] = append(parts[col], text)
			}
		}
	}
	return parts
}

// usedCols returns the columns that hold a cell in any of rows, in order:
// the only ones a header can name (empty columns between them carry
// nothing, so skipping them changes no label).
func usedCols(rows []*sheet.Row) []int {
	seen := map[int]bool{}
	var cols []int
	for _, r := range rows {
		for _, c := range r.Cells {
			if !seen[c.Col] {
				seen[c.Col] = true
				cols = append(cols, c.Col)
			}
		}
	}
	sort.Ints(cols)
	return cols
}

// add records a mapped column. When two visible columns name the same
// field, the first is kept, except for the cumulative investment where the
// later month wins (1-5月 left beside 1-6月); the other is reported.
func (h *header) add(c column) {
	i, dup := h.byField[c.field]
	if !dup {
		h.byField[c.field] = len(h.cols)
		h.cols = append(h.cols, c)
		return
	}
	if c.field == FieldCompletedYTD && c.month > h.cols[i].month {
		h.ignored = append(h.ignored, h.cols[i])
		h.cols[i] = c
		return
	}
	h.ignored = append(h.ignored, c)
}

// column returns the mapped column of a field.
func (h *header) column(f Field) (column, bool) {
	i, ok := h.byField[f]
	if !ok {
		return column{}, false
	}
	return h.cols[i], true
}

// rowSignature identifies a row by its texts, to spot the header repeated
// inside the data (a printed report pasted back after a 续表 line).
func rowSignature(r *sheet.Row) string {
	var b strings.Builder
	for _, c := range r.Cells {
		b.WriteString(foldText(c.Text))
		b.WriteByte('|')
	}
	return b.String()
}

// expectedHeaders lists, for the "no header" error, the headers looked for.
func expectedHeaders() string {
	return "项目代码（或统一项目代码）、项目名称、所属区县、责任单位、建设性质、总投资、年度计划投资、1-N月累计完成投资、计划开工时间、实际开工时间"
}

// sameHeader reports whether two headers map the same rows and columns the
// same way.
func sameHeader(a, b *header) bool {
	if a == nil || b == nil || a.top != b.top || a.bottom != b.bottom || len(a.cols) != len(b.cols) {
		return false
	}
	for i := range a.cols {
		x, y := a.cols[i], b.cols[i]
		if x.col != y.col || x.field != y.field || x.unit != y.unit || x.month != y.month || x.year != y.year {
			return false
		}
	}
	return true
}

// touches reports whether a merged range covers a mapped column.
func (h *header) touches(r sheet.Range) bool {
	for _, c := range h.cols {
		if c.col >= r.C1 && c.col <= r.C2 {
			return true
		}
	}
	return false
}

// wantedCols says which columns a sheet's rows are read from: the mapped
// ones and the first columns, where sections, totals and notes are written
// (see leadText).
func (h *header) wantedCols() func(int) bool {
	name, _ := h.column(FieldName)
	lead := max(name.col, 2)
	mapped := map[int]bool{}
	for _, c := range h.cols {
		mapped[c.col] = true
	}
	return func(col int) bool { return col <= lead || mapped[col] }
}
