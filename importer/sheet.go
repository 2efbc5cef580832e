package importer

import (
	"errors"
	"strings"

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
// record as the rows stream past.
type sheetReader struct {
	b       *builder
	src     *sheetSource
	fill    *mergeFiller
	window  []*srcRow
	h       *header
	unit    models.Money // the sheet's default unit (单位：万元 line), else 万元
	inNotes bool
}

// read streams the sheet; found is false when it holds no ledger.
func (s *sheetReader) read() (found bool, err error) {
	s.fill = newMergeFiller(s.src.merges)
	s.unit = models.Wan
	err = s.src.rows(func(r *srcRow) error {
		r = s.prepare(r)
		if s.h != nil {
			return s.dataRow(r)
		}
		if len(r.cells) > 0 {
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
	if errors.Is(err, errNoHeader) {
		return false, nil
	}
	return err == nil, err
}

// prepare fills merged cells and drops hidden columns.
func (s *sheetReader) prepare(r *srcRow) *srcRow {
	r = s.fill.apply(r)
	if len(s.src.hiddenCols) == 0 {
		return r
	}
	out := &srcRow{num: r.num, cells: make([]cell, 0, len(r.cells))}
	for _, c := range r.cells {
		if !s.src.hiddenCols[c.col] {
			out.cells = append(out.cells, c)
		}
	}
	return out
}

func copyRow(r *srcRow) *srcRow {
	return &srcRow{num: r.num, cells: append([]cell(nil), r.cells...)}
}

// start finds the header in the window, reads the lines above it, and
// processes the buffered rows below it.
func (s *sheetReader) start() error {
	s.unit = windowUnit(s.window)
	s.h = detectHeader(s.window, s.unit)
	if s.h == nil {
		return errNoHeader
	}
	if err := s.b.beginSheet(s); err != nil {
		return err
	}
	for _, r := range s.window {
		if r.num > s.h.bottom {
			if err := s.dataRow(r); err != nil {
				return err
			}
		}
	}
	s.window = nil
	return nil
}

// windowUnit reads a "单位：亿元" line above the table, the default unit of
// every column whose header names none.
func windowUnit(rows []*srcRow) models.Money {
	for _, r := range rows {
		for _, c := range r.cells {
			t := foldText(c.text)
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
func (s *sheetReader) preamble() []string {
	var lines []string
	for _, r := range s.window {
		if r.num >= s.h.top {
			break
		}
		var parts []string
		seen := map[string]bool{}
		for _, c := range r.cells {
			if t := models.TrimText(c.text); t != "" && !seen[t] {
				seen[t] = true
				parts = append(parts, t)
			}
		}
		lines = append(lines, strings.Join(parts, " "))
	}
	return lines
}

// dataRow classifies a row below the header and reads it when it is data.
func (s *sheetReader) dataRow(r *srcRow) error {
	if s.classify(r) != rowData {
		return nil
	}
	return s.b.addRow(s, r)
}
