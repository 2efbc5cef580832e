package importer

import (
	"regexp"
	"strings"

	"tracker/importer/sheet"
	"tracker/models"
)

// rowKind is what a row below the header is.
type rowKind int

const (
	rowData      rowKind = iota
	rowBlank             // nothing in it
	rowHeader            // the header repeated (续表), or a 续表 line
	rowSection           // 一、产业类项目（86个）; a title repeated
	rowTotal             // 小计, 合计, 总计, 其中
	rowNote              // 注：…, 填报人, and what follows a note
	rowNumbering         // 1 2 3 4 … under the header
)

var (
	reSection = regexp.MustCompile(`^(?:[一二三四五六七八九十百]+[、.]|\(?[一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[部类批]|\d+[、.](?:\D|$))`)
	reCount   = regexp.MustCompile(`\(\d+个?(?:项目)?\)$|\d+个项目|共\d+个`)
)

// classify decides what a row below the header is. Only rows that are
// neither blank, header, section, total, note nor numbering are data.
func (s *sheetReader) classify(r *sheet.Row) rowKind {
	if len(r.Cells) == 0 {
		return rowBlank
	}
	if s.hasCode(r) {
		return rowData // the common case first: the checks below are costly
	}
	if s.inNotes {
		return rowNote
	}
	lead := s.leadText(r)
	switch {
	case s.h.signatures[rowSignature(r)] || directFields(r) >= 2 || strings.Contains(lead, "续表"):
		return rowHeader
	case isTotal(lead):
		return rowTotal
	case hasPrefix(lead, noteWords):
		s.inNotes = true
		return rowNote
	case reSection.MatchString(lead) || reCount.MatchString(lead):
		return rowSection
	case allNumbers(r):
		return rowNumbering
	}
	return s.singleValueKind(r)
}

// singleValueKind sorts out rows holding one value only (merged across or
// alone): a title or note spread over the row is not data, but a project
// with only its name filled in is (its problems get reported).
func (s *sheetReader) singleValueKind(r *sheet.Row) rowKind {
	distinct := map[string]bool{}
	for _, c := range r.Cells {
		distinct[foldText(c.Text)] = true
	}
	if len(distinct) > 1 {
		return rowData
	}
	name, _ := s.h.column(FieldName)
	code, hasCode := s.h.column(fieldCode)
	only := r.Cells[0]
	inKey := len(r.Cells) == 1 && (only.Col == name.col || hasCode && only.Col == code.col)
	t := foldText(only.Text)
	if !inKey || strings.Contains(t, "台账") || strings.Contains(t, "情况表") || strings.Contains(t, "一览表") {
		return rowSection
	}
	return rowData
}

// leadText is the first text of the row, up to the name column: where
// ledgers put section titles, totals and notes.
func (s *sheetReader) leadText(r *sheet.Row) string {
	name, _ := s.h.column(FieldName)
	for _, c := range r.Cells {
		if c.Col > name.col && c.Col > 2 {
			break
		}
		if t := foldText(c.Text); t != "" && c.Kind == sheet.KindText {
			return t
		}
	}
	return ""
}

// hasCode reports whether the row's code cell holds a well-formed code.
func (s *sheetReader) hasCode(r *sheet.Row) bool {
	c, ok := s.h.column(fieldCode)
	if !ok {
		return false
	}
	_, valid := normCode(r.Get(c.col).Text)
	return valid
}

// normCode is models.NormalizeCode and models.ValidCode with a fast path
// for a code already in ASCII shape (nearly every row of a large ledger).
func normCode(raw string) (string, bool) {
	if codeShape(raw) {
		return raw, true
	}
	c := models.NormalizeCode(raw)
	return c, models.ValidCode(c)
}

// codeShape checks \d{4}-\d{6}-\d{2}-\d{2}-\d{6} without a regexp.
func codeShape(s string) bool {
	if len(s) != 24 {
		return false
	}
	for i := 0; i < 24; i++ {
		switch i {
		case 4, 11, 14, 17:
			if s[i] != '-' {
				return false
			}
		default:
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
	}
	return true
}

// isTotal reports a 小计/合计/总计 row (also "张店区合计", "其中：新开工").
func isTotal(lead string) bool {
	for _, w := range totalWords {
		if strings.HasPrefix(lead, w) || strings.HasSuffix(lead, w) && len([]rune(lead)) <= 12 {
			return true
		}
	}
	return strings.HasPrefix(lead, "其中:") || lead == "其中"
}

func hasPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, foldText(w)) {
			return true
		}
	}
	return false
}

// allNumbers reports a row of small integers only (column numbering).
func allNumbers(r *sheet.Row) bool {
	for _, c := range r.Cells {
		t := foldText(c.Text)
		if t == "" || len(t) > 3 || strings.Trim(t, "0123456789") != "" {
			return false
		}
	}
	return len(r.Cells) >= 3
}
