package importer

import (
	"strconv"
	"strings"
)

// cellKind says how a cell's text is to be read.
type cellKind uint8

const (
	kindText    cellKind = iota // a string (shared, inline, formula string or CSV field)
	kindNumber                  // a number in a general or number format; text is the stored decimal
	kindDate                    // a number in a date format: an Excel serial day
	kindISODate                 // an ISO 8601 date (xlsx t="d")
	kindBool                    // TRUE/FALSE
	kindError                   // #REF!, #DIV/0! ...
	kindNoCache                 // a formula without a cached value
	kindSkipped                 // a long shared string of a column not read (lazy read)
)

// cell is one non-empty cell of a source row. Col is 0-based.
type cell struct {
	col  int
	kind cellKind
	text string
}

// srcRow is one row of a sheet as stored, before any interpretation. Num is
// the 1-based row number; cells are in column order, non-empty only.
type srcRow struct {
	num   int
	cells []cell
}

// get returns the cell in column col, or a zero cell.
func (r *srcRow) get(col int) cell {
	for _, c := range r.cells {
		if c.col == col {
			return c
		}
		if c.col > col {
			break
		}
	}
	return cell{col: col}
}

// cellRange is a merged range, 0-based columns and 1-based rows inclusive.
type cellRange struct {
	c1, r1, c2, r2 int
}

// sheetSource is one sheet of any format: its layout (hidden columns,
// merged ranges) and a stream of its rows. Rows may be called more than once.
type sheetSource struct {
	name       string
	date1904   bool // serial days count from 1904 (old Mac workbooks)
	hiddenCols map[int]bool
	merges     []cellRange
	rowsHint   int  // rows the sheet says it has (<dimension>), to size slices once
	lazy       bool // merges are known only after rows has run
	// wanted, set by the sheet reader once the header is known, says which
	// columns are read; nil reads all. Only the lazy shared strings use it.
	wanted func(col int) bool
	rows   func(fn func(*srcRow) error) error
}

// colLetter returns the Excel column letters of a 0-based column: 0 → "A".
func colLetter(col int) string {
	s := ""
	for col++; col > 0; col = (col - 1) / 26 {
		s = string(rune('A'+(col-1)%26)) + s
	}
	return s
}

// parseCellRef splits "AB12" into 0-based column 27 and row 12; ok is false
// for anything else. Row may be absent ("AB" → row 0).
func parseCellRef(ref string) (col, row int, ok bool) {
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

// parseRange reads "A1:C3" (or a single "A1") as a cellRange.
func parseRange(ref string) (cellRange, bool) {
	a, b, found := strings.Cut(ref, ":")
	if !found {
		b = a
	}
	c1, r1, ok1 := parseCellRef(a)
	c2, r2, ok2 := parseCellRef(b)
	if !ok1 || !ok2 || r1 == 0 || r2 == 0 {
		return cellRange{}, false
	}
	if c2 < c1 {
		c1, c2 = c2, c1
	}
	if r2 < r1 {
		r1, r2 = r2, r1
	}
	return cellRange{c1, r1, c2, r2}, true
}
