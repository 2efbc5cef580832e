package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"tracker/importer/sheet"
	"tracker/models"
)

// headerWindow is how many non-empty rows at the top of a sheet are
// searched for the header.
const headerWindow = 30

// errNoHeader stops a sheet's stream early when its first rows hold no
// ledger header (an instructions or summary sheet); errNoCode when its
// header has no column that can be the project code.
var (
	errNoHeader = errors.New("no ledger header")
	errNoCode   = errors.New("no code column")
)

// sheetReader reads one sheet: it buffers the first rows, finds the
// header, samples the rows under it to decide every column (columns.go),
// takes the title lines above it, then turns each data row into a
// record as the rows stream past. Merged cells fill the header rows fully
// (group headings), but data rows only vertically (a district merged down
// over its projects): a value merged across columns belongs to its first.
type sheetReader struct {
	b          *builder
	src        *sheet.Sheet
	dataFill   *sheet.Filler
	window     []*sheet.Row // the first rows, as stored
	head       []*sheet.Row // the window, kept for needsRedo
	headRows   []*sheet.Row // the window with merges filled, for the title lines
	h          *header
	labels     *header      // the header as its labels alone read it, for needsRedo
	sample     []*sheet.Row // rows under the header, kept until the columns are decided
	sampling   bool
	unit       models.Money // the sheet's default unit (单位：万元 line), else 万元
	inNotes    bool
	mapping    map[int]string // the office's choices for this sheet: column → field name or ""
	remembered bool           // mapping is the one remembered for the layout
	hiddenText map[int]string // hidden columns' headers, for the preview
	twinsAgree map[twinPair]int
	rows       int       // data rows read
	unitName   string    // the unit this sheet's title or name names, for rows without a district
	rr         rowReader // the row being read (record)
	section    section   // what the section rows above the current row say
	block      blockOf   // the columns read, when the sheet holds tables side by side
}

// read streams the sheet; found is false when it holds no ledger.
func (s *sheetReader) read() (found bool, err error) {
	s.dataFill = sheet.NewFiller(verticalMerges(s.src.Merges))
	s.unit = models.Wan
	err = s.src.Rows(func(r *sheet.Row) error {
		switch {
		case s.sampling:
			return s.sampleRow(s.prepare(s.dataFill.Apply(r)))
		case s.h != nil:
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
	if err == nil && s.sampling {
		err = s.settle()
	}
	s.src.Wanted = nil
	if errors.As(err, new(sideBySide)) {
		return false, err
	}
	notLedger := errors.Is(err, errNoHeader) || errors.Is(err, errNoCode)
	if s.src.Lazy && (err == nil || notLedger) && s.needsRedo() {
		return false, sheet.ErrRedo // merges change the result: read again with them known
	}
	if err == nil {
		s.b.endSheet(s)
	}
	if notLedger {
		s.b.notLedger(s, err)
		return false, nil
	}
	return err == nil, err
}

// prepare drops hidden columns, and the columns of the other tables of a
// sheet of tables side by side.
func (s *sheetReader) prepare(r *sheet.Row) *sheet.Row {
	if len(s.src.HiddenCols) == 0 && s.block == (blockOf{}) {
		return r
	}
	out := &sheet.Row{Num: r.Num, Cells: make([]sheet.Cell, 0, len(r.Cells))}
	for _, c := range r.Cells {
		if !s.src.HiddenCols[c.Col] && c.Col >= s.block.lo && (s.block.hi == 0 || c.Col < s.block.hi) {
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

// start finds the header in the window (by labels, else by a column of
// codes under text rows, headerByContent) and begins sampling the rows
// below it.
func (s *sheetReader) start() error {
	rows := s.headerRows(s.window, s.src.Merges)
	s.head, s.window, s.headRows = s.window, nil, rows
	s.unit = windowUnit(rows)
	s.h = detectHeader(rows, s.unit)
	if u := titleUnit(rows, s.h); u != 0 && u != s.unit {
		s.unit = u
		s.h = detectHeader(rows, s.unit)
	}
	if s.h != nil {
		lh := *s.h
		lh.cols = append([]column(nil), s.h.cols...)
		s.labels = &lh
	} else if s.h = headerByContent(rows, s.unit); s.h == nil {
		return errNoHeader
	}
	s.hiddenText = s.hiddenHeaders()
	s.sampling = true
	for _, r := range s.head {
		d := s.prepare(s.dataFill.Apply(r))
		if r.Num > s.h.bottom {
			if err := s.sampleRow(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// sampleRow keeps a row under the header; once enough are kept, the
// columns are decided.
func (s *sheetReader) sampleRow(r *sheet.Row) error {
	if !s.sampling {
		return s.dataRow(r)
	}
	s.sample = append(s.sample, copyRow(r))
	if len(s.sample) >= profileRows {
		return s.settle()
	}
	return nil
}

// settle decides the columns from the sample, refuses a sheet without a
// code column, begins the sheet and reads the sampled rows.
func (s *sheetReader) settle() error {
	s.sampling = false
	lines := s.preamble(s.headRows)
	district := s.b.ledger.District
	s.b.noteTitle(lines)
	s.unitName = s.b.sheetUnit(s.src.Name, lines)
	s.h.year = s.b.knownYear(append(lines, sheetNamePeriod(s.src.Name)))
	s.decide(s.sample)
	if _, ok := s.h.column(fieldCode); !ok {
		s.b.ledger.District = district // not a ledger: its title names no sender
		return errNoCode
	}
	if from := s.h.sideBySideSplit(); len(from) > 0 && s.block == (blockOf{}) {
		s.b.ledger.District = district
		if s.src.Lazy {
			return sheet.ErrRedo // the blocks are read again; their merges must be known first
		}
		return sideBySide{from}
	}
	s.recordSheet("")
	if err := s.b.beginSheet(s, lines); err != nil {
		return err
	}
	s.src.Wanted = s.h.wantedCols()
	sample := s.sample
	s.sample = nil
	for _, r := range sample {
		if err := s.dataRow(r); err != nil {
			return err
		}
	}
	return nil
}

// hiddenHeaders returns the header texts of the hidden columns.
func (s *sheetReader) hiddenHeaders() map[int]string {
	if len(s.src.HiddenCols) == 0 {
		return nil
	}
	fill := sheet.NewFiller(s.src.Merges)
	parts := map[int][]string{}
	for _, r := range s.head {
		if r.Num < s.h.top || r.Num > s.h.bottom {
			continue
		}
		for _, c := range fill.Apply(r).Cells {
			if s.src.HiddenCols[c.Col] && c.Text != "" {
				parts[c.Col] = append(parts[c.Col], c.Text)
			}
		}
	}
	out := map[int]string{}
	for col, p := range parts {
		out[col] = joinParts(p)
	}
	return out
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
			switch u := unitIn(strings.TrimRightFunc(m[1], func(r rune) bool { return r != '元' && r != '亿' && r != '万' })); u {
			case models.Yi, models.Yuan:
				return u
			}
			return models.Wan
		}
	}
	return models.Wan
}

// reTitleUnit is a unit in brackets on its own: 情况表（亿元）, 【万元】.
var reTitleUnit = regexp.MustCompile(`[(\[【]\s*(?:单位:)?(亿元|万元|元|亿|万)\s*[)\]】]`)

// titleUnit is the unit a title states in brackets ("…进展情况表（亿元）")
// when no 单位 line does: the default of every column above which it
// stands whose header names none. Only rows above the header count (a
// group heading's unit is its own columns'); 0 when none says one.
func titleUnit(rows []*sheet.Row, h *header) models.Money {
	if h == nil || windowUnitStated(rows) {
		return 0
	}
	for _, r := range rows {
		if r.Num >= h.top {
			break
		}
		for _, c := range r.Cells {
			if m := reTitleUnit.FindStringSubmatch(foldText(c.Text)); m != nil {
				return unitIn(m[1])
			}
		}
	}
	return 0
}

// windowUnitStated reports whether a 单位 line (windowUnit) stands among rows.
func windowUnitStated(rows []*sheet.Row) bool {
	for _, r := range rows {
		for _, c := range r.Cells {
			t := foldText(c.Text)
			if _, isHeader := normLabel(t).lookup(); reUnitTxt.MatchString(t) && !isHeader {
				return true
			}
		}
	}
	return false
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
	switch s.classify(r) {
	case rowData:
	case rowSection:
		s.section = s.section.under(s.leadText(r))
		return nil
	default:
		return nil
	}
	if s.isExample(r) {
		s.b.examples++
		s.b.problem(Problem{Sheet: s.src.Name, Row: r.Num, Severity: SeverityWarning,
			Message: fmt.Sprintf("第%d行是模板的示例行，未导入；填报时请删除示例行", r.Num)})
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
	if s.labels == nil {
		for _, r := range s.head {
			if labelledFields(r) >= 2 {
				return true // a header-like row: merges might complete it
			}
		}
		if s.h == nil {
			return false
		}
	}
	if len(m) == 0 {
		return false
	}
	h2 := detectHeader(s.headerRows(s.head, m), s.unit)
	if (s.labels == nil) != (h2 == nil) || s.labels != nil && !sameHeader(s.labels, h2) {
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
