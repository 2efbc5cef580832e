package sheet

import (
	"strconv"
	"strings"
	"unicode"
)

// Kind says what a cell holds and how its Text is to be read. A formula
// cell has the kind of its cached value.
type Kind uint8

const (
	KindText    Kind = iota // a string (shared, inline, rich, formula string or CSV field); Text as written
	KindNumber              // a number in a general or number format; Text is the stored decimal ("1.5E+2", "-0.25")
	KindDate                // a number in a date or time format; Text is the serial day as a decimal, in the sheet's date system
	KindISODate             // an ISO 8601 date or date-time as text (xlsx t="d")
	KindBool                // TRUE or FALSE; Text is "1" or "0"
	KindError               // an error value; Text as Excel shows it: "#DIV/0!", "#N/A", "#REF!" ...
	KindNoCache             // a formula without a cached value (a file a program wrote, never opened in Excel); Text ""
	KindSkipped             // a long shared string of a column not wanted (Options.Lazy only); Text ""
)

// Cell is one non-empty cell of a row. Col is 0-based.
type Cell struct {
	Col  int
	Kind Kind
	Text string
}

// Row is one row of a sheet as stored, before any interpretation. Num is
// the 1-based row number; cells are in column order, non-empty only.
type Row struct {
	Num    int
	Hidden bool // hidden in the sheet's layout (height zero)
	Cells  []Cell
}

// Get returns the cell in column col, or a zero cell.
func (r *Row) Get(col int) Cell {
	for _, c := range r.Cells {
		if c.Col == col {
			return c
		}
		if c.Col > col {
			break
		}
	}
	return Cell{Col: col}
}

// Range is a merged range, 0-based columns and 1-based rows inclusive.
type Range struct {
	C1, R1, C2, R2 int
}

// String writes the range as "A1:C3".
func (r Range) String() string {
	return ColLetter(r.C1) + strconv.Itoa(r.R1) + ":" + ColLetter(r.C2) + strconv.Itoa(r.R2)
}

// ColLetter returns the Excel column letters of a 0-based column: 0 → "A".
func ColLetter(col int) string {
	s := ""
	for col++; col > 0; col = (col - 1) / 26 {
		s = string(rune('A'+(col-1)%26)) + s
	}
	return s
}

// ParseCellRef splits "AB12" into 0-based column 27 and row 12; ok is false
// for anything else. Row may be absent ("AB" → row 0).
func ParseCellRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
		if col > 1<<20 {
			return 0, 0, false
		}
	}
	if i == 0 {
		return 0, 0, false
	}
	if i < len(ref) {
		n, err := strconv.Atoi(ref[i:])
		if err != nil || n < 1 || n > 1<<21 {
			return 0, 0, false
		}
		row = n
	}
	return col - 1, row, true
}

// ParseRange reads "A1:C3" (or a single "A1") as a Range.
func ParseRange(ref string) (Range, bool) {
	a, b, found := strings.Cut(ref, ":")
	if !found {
		b = a
	}
	c1, r1, ok1 := ParseCellRef(a)
	c2, r2, ok2 := ParseCellRef(b)
	if !ok1 || !ok2 || r1 == 0 || r2 == 0 {
		return Range{}, false
	}
	if c2 < c1 {
		c1, c2 = c2, c1
	}
	if r2 < r1 {
		r1, r2 = r2, r1
	}
	return Range{c1, r1, c2, r2}, true
}

// blank reports a field of only whitespace, the full-width space, the
// no-break space, zero-width spaces and BOMs included: an empty cell.
func blank(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
	}) == ""
}
