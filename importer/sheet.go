package importer

import (
	"errors"
	"strings"

	"tracker/importer/sheet"
	"tracker/models"
)

// headerWindow is how many non-empty rows at the top of a sheet are
// searched for the header.
const headerWindow = 30

// errNoHeader stops a sheet's stream early when its first rows hold no
// ledger header (an instructions or summary sheet).
var errNoHeader = errors.New("no ledger header")

// sheetReader reads one sheet: it buffers the first rows, finds the
// header, takes the title lines above it, then turns each data row into a
// record as the rows stream past. Merged cells fill the header rows fully
// (group headings), but data rows only vertically (a district merged down
// over its projects): a value merged across columns belongs to its first.
type sheetReader struct {
	b        *builder
	src      *sheet.Sheet
	dataFill *sheet.Filler
	window   []*sheet.Row // the first rows, as stored
	head     []*sheet.Row // the window, kept for needsRedo
	h        *header
	unit     models.Money // the sheet's default unit (单位：万元 line), else 万元
	inNotes  bool
}

// read streams the sheet; found is false when it holds no ledger.
func (s *sheetReader) read() (found bool, err error) {
	s.dataFill = sheet.NewFiller(verticalMerges(s.src.Merges))
	s.unit = models.Wan
	err = s.src.Rows(func(r *sheet.Row) error {
		if s.h != nil {
			return s.dataRow(s.prepare(s.dataFill.Apply(r)))
		}
		if len(r.Cells) > 0 {
			s.window = append(s.window, copyRow(r))
		}
		if len(s.window) >= headerWindow {
			return s.start()
		}
		return nil
	})
	if err == nil && s.h == nil {
		err = s.start()
	}
	s.src.Wanted = nil
	if s.src.Lazy && (err == nil || errors.Is(err, errNoHeader)) && s.needsRedo() {
		return false, sheet.ErrRedo // merges change the result: read again with them known
	}
	if errors.Is(err, errNoHeader) {
		return false, nil
	}
	return err == nil, err
}

// prepare drops hidden columns.
func (s *sheetReader) prepare(r *sheet.Row) *sheet.Row {
	if len(s.src.HiddenCols) == 0 {
		return r
	}
	out := &sheet.Row{Num: r.Num, Cells: make([]sheet.Cell, 0, len(r.Cells))}
	for _, c := range r.Cells {
		if !s.src.HiddenCols[c.Col] {
			out.Cells = append(out.Cells, c)
		}
	}
	return out
}

func copyRow(r *sheet.Row) *sheet.Row {
	return &sheet.Row{Num: r.Num, Cells: append([]sheet.Cell(nil), r.Cells...)}
}

// headerRows returns the window with every merge filled in.
func (s *sheetReader) headerRows(rows []*sheet.Row, merges []sheet.Range) []*sheet.Row {
	fill := sheet.NewFiller(merges)
	out := make([]*sheet.Row, len(rows))
	for i, r := range rows {
		out[i] = s.prepare(fill.Apply(r))
	}
	return out
}

// start finds the header in the window, reads the lines above it, and
// processes the buffered rows below it.
func (s *sheetReader) start() error {
	rows := s.headerRows(s.window, s.src.Merges)
	s.head, s.window = s.window, nil
	s.unit = windowUnit(rows)
	s.h = detectHeader(rows, s.unit)
	if s.h == nil {
		return errNoHeader
	}
	if err := s.b.beginSheet(s, rows); err != nil {
		return err
	}
	s.src.Wanted = s.h.wantedCols()
	for _, r := range s.head {
		d := s.prepare(s.dataFill.Apply(r))
		if r.Num > s.h.bottom {
			if err := s.dataRow(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// windowUnit reads a "单位：亿元" line above the table, the default unit of
// every column whose header names none.
func windowUnit(rows []*sheet.Row) models.Money {
	for _, r := range rows {
		for _, c := range r.Cells {
			t := foldText(c.Text)
			m := reUnitTxt.FindStringSubmatch(t)
			if _, isHeader := normLabel(t).lookup(); m == nil || isHeader {
				continue
			}
			switch m[1] {
			case "亿元":
				return models.Yi
			case "元":
				return models.Yuan
			}
			return models.Wan
		}
	}
	return models.Wan
}

// preamble returns the texts of the rows above the header, one line each.
func (s *sheetReader) preamble(rows []*sheet.Row) []string {
	var lines []string
	for _, r := range rows {
		if r.Num >= s.h.top {
			break
		}
		var parts []string
		seen := map[string]bool{}
		for _, c := range r.Cells {
			if t := models.TrimText(c.Text); t != "" && !seen[t] {
				seen[t] = true
				parts = append(parts, t)
			}
		}
		lines = append(lines, strings.Join(parts, " "))
	}
	return lines
}

// dataRow classifies a row below the header and reads it when it is data.
// A row without a code is classified by all its texts; if one was skipped
// by the lazy shared strings, the sheet is read again the eager way.
func (s *sheetReader) dataRow(r *sheet.Row) error {
	if hasSkipped(r) && !s.hasCode(r) {
		return sheet.ErrRedo
	}
	if s.classify(r) != rowData {
		return nil
	}
	return s.b.addRow(s, r)
}

// verticalMerges keeps the merges spanning more than one row.
func verticalMerges(m []sheet.Range) []sheet.Range {
	var out []sheet.Range
	for _, r := range m {
		if r.R2 > r.R1 {
			out = append(out, r)
		}
	}
	return out
}

// needsRedo reports, after a one-pass read, whether the merges found at the
// end of the sheet would have changed the result: another header, or a
// merge down over data rows in a column that is read.
func (s *sheetReader) needsRedo() bool {
	m := s.src.Merges
	if s.h == nil {
		for _, r := range s.head {
			if directFields(r) >= 2 {
				return true // a header-like row: merges might complete it
			}
		}
		return false
	}
	if len(m) == 0 {
		return false
	}
	if h2 := detectHeader(s.headerRows(s.head, m), s.unit); !sameHeader(s.h, h2) {
		return true
	}
	for _, r := range m {
		if r.R2 > r.R1 && r.R2 > s.h.bottom && s.h.touches(r) {
			return true
		}
	}
	return false
}

func hasSkipped(r *sheet.Row) bool {
	for _, c := range r.Cells {
		if c.Kind == sheet.KindSkipped {
			return true
		}
	}
	return false
}
