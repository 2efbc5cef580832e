package sheet

import (
	"encoding/binary"
	"math"
	"testing"
	"unicode/utf16"
)

// A small BIFF writer for the tests: books whose records say exactly what
// a case needs (a chart sheet, cells out of order, a macro sheet, BIFF5
// text in a codepage), which no writer at hand makes on purpose.

// biffW accumulates records.
type biffW struct {
	b     []byte
	biff5 bool
}

func (w *biffW) rec(typ uint16, parts ...[]byte) int {
	off := len(w.b)
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	w.b = binary.LittleEndian.AppendUint16(w.b, typ)
	w.b = binary.LittleEndian.AppendUint16(w.b, uint16(n))
	for _, p := range parts {
		w.b = append(w.b, p...)
	}
	return off
}

func le16b(v ...int) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, uint16(x))
	}
	return b
}

func le32b(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func f64b(v float64) []byte { return binary.LittleEndian.AppendUint64(nil, math.Float64bits(v)) }

// bof writes a BOF of a substream type.
func (w *biffW) bof(dt int) {
	vers := 0x0600
	if w.biff5 {
		vers = 0x0500
	}
	w.rec(recBOF, le16b(vers, dt, 0x0DBB, 0x07CC), le32b(0), le32b(6))
}

// ustr is a BIFF8 string with a count of lenBytes bytes, UTF-16.
func ustr(s string, lenBytes int) []byte {
	u := utf16.Encode([]rune(s))
	var b []byte
	if lenBytes == 1 {
		b = []byte{byte(len(u))}
	} else {
		b = le16b(len(u))
	}
	b = append(b, 1)
	for _, c := range u {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}

// testSheet is one sheet of a test book: its name, visibility, BOUNDSHEET
// type, BOF type, and the records inside its substream.
type testSheet struct {
	name   string
	hidden bool
	kind   int // BOUNDSHEET: 0 worksheet, 1 macro sheet, 2 chart
	bofDT  int // 0x10 worksheet, 0x20 chart
	body   func(w *biffW)
}

// testBook writes a BIFF8 (or BIFF5) stream: globals with the given
// extra records (after the XFs), then the sheets.
func testBook(biff5 bool, globals func(w *biffW), sheets ...testSheet) []byte {
	w := &biffW{biff5: biff5}
	w.bof(bofGlobals)
	for i := 0; i < 16; i++ {
		w.rec(recXF, le16b(0, 0, 0xFFF5), make([]byte, 14))
	}
	w.rec(recXF, le16b(0, 0, 1), make([]byte, 14))  // 16: General
	w.rec(recXF, le16b(0, 14, 1), make([]byte, 14)) // 17: a built-in date format
	if globals != nil {
		globals(w)
	}
	var patch []int
	for _, s := range sheets {
		state := 0
		if s.hidden {
			state = 1
		}
		var name []byte
		if biff5 {
			name = append([]byte{byte(len(s.name))}, s.name...)
		} else {
			name = ustr(s.name, 1)
		}
		patch = append(patch, w.rec(recBoundsheet, le32b(0), []byte{byte(state), byte(s.kind)}, name)+4)
	}
	w.rec(recEOF)
	for i, s := range sheets {
		binary.LittleEndian.PutUint32(w.b[patch[i]:], uint32(len(w.b)))
		w.bof(s.bofDT)
		if s.body != nil {
			s.body(w)
		}
		w.rec(recEOF)
	}
	return w.b
}

// number writes a NUMBER cell (0-based row and column, XF 16).
func (w *biffW) number(row, col int, v float64) { w.rec(recNumber, le16b(row, col, 16), f64b(v)) }

// label writes a LABEL cell.
func (w *biffW) label(row, col int, s string) {
	if w.biff5 {
		w.rec(recLabel, le16b(row, col, 16, len(s)), []byte(s))
		return
	}
	w.rec(recLabel, le16b(row, col, 16), ustr(s, 2))
}

// xlsGrid reads a BIFF stream, wrapped in a compound file, as a grid.
func xlsGrid(t *testing.T, stream []byte) gridDoc {
	t.Helper()
	return readGrid(t, cfbBuild(stream), "t.xls", false)
}
