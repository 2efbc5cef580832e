package sheet

import (
	"fmt"
	"math"
	"sort"
	"strconv"
)

// biffSheet is one worksheet substream: its layout, read when the book is
// opened, and its cells, decoded each time its rows are streamed.
type biffSheet struct {
	book      *biffBook
	ref       boundSheet
	hiddenRow map[int]bool // 0-based rows
	ordered   bool         // cell records come in row order (nearly always)
}

// layout reads the sheet's substream once: dimensions, hidden columns and
// rows, merges, whether cells come in row order, and that the substream
// ends (a sheet cut short is an error here, before any row is read).
func (s *biffSheet) layout(src *Sheet) error {
	s.hiddenRow, s.ordered = map[int]bool{}, true
	src.HiddenCols = map[int]bool{}
	scan := &layoutScan{sheet: s, src: src, last: -1}
	return substream(s.book.stream, s.ref.off, scan.visit)
}

// layoutScan is the state of the layout pass.
type layoutScan struct {
	sheet      *biffSheet
	src        *Sheet
	last, rows int // the last row met in a cell record, and rows met
}

// visit reads one record of the layout pass.
func (l *layoutScan) visit(rec record) error {
	s, d, lim := l.sheet, rec.data, l.sheet.book.limits
	switch rec.typ {
	case recDimensions:
		l.src.RowsHint = s.dimensionRows(d)
	case recColinfo:
		if len(d) < 10 {
			return errBIFF
		}
		for c := u16(d, 0); d[8]&0x01 != 0 && c <= u16(d, 2) && c < lim.MaxColumns; c++ {
			l.src.HiddenCols[c] = true
		}
	case recRow:
		if len(d) < 16 {
			return errBIFF
		}
		if d[12]&0x20 != 0 {
			s.hiddenRow[u16(d, 0)] = true
		}
	case recMergedCells:
		return s.merges(d, l.src)
	case recNumber, recRK, recMulRK, recLabelSST, recLabel, recRString, recBoolErr, recFormula:
		if len(d) < 4 {
			return errBIFF
		}
		return l.cellRow(u16(d, 0))
	}
	return nil
}

// cellRow notes the row of a cell record: rows counted against the limit,
// order checked.
func (l *layoutScan) cellRow(r int) error {
	switch {
	case r < l.last:
		l.sheet.ordered = false
	case r > l.last:
		l.last, l.rows = r, l.rows+1
	}
	if lim := l.sheet.book.limits; l.rows > lim.MaxRows+1000 {
		return tooLarge(fmt.Sprintf("工作表“%s”超过%d行", l.sheet.ref.name, lim.MaxRows))
	}
	return nil
}

// dimensionRows reads the row count of a DIMENSIONS record (its last row
// plus one), bounded.
func (s *biffSheet) dimensionRows(d []byte) int {
	n := 0
	switch {
	case s.book.biff8 && len(d) >= 8:
		n = int(min(u32(d, 4), 1<<21))
	case !s.book.biff8 && len(d) >= 4:
		n = u16(d, 2)
	}
	return min(n, s.book.limits.MaxRows+1000)
}

// merges reads a MERGEDCELLS record.
func (s *biffSheet) merges(d []byte, src *Sheet) error {
	if len(d) < 2 || 2+8*u16(d, 0) > len(d) {
		return errBIFF
	}
	l := s.book.limits
	for i := 0; i < u16(d, 0); i++ {
		m := d[2+8*i:]
		r := Range{R1: u16(m, 0) + 1, R2: u16(m, 2) + 1, C1: u16(m, 4), C2: u16(m, 6)}
		if r.R2 < r.R1 || r.C2 < r.C1 || r.C1 >= l.MaxColumns {
			continue
		}
		if len(src.Merges) >= l.MaxMerges {
			return tooLarge("合并单元格过多")
		}
		r.C2 = min(r.C2, l.MaxColumns-1)
		src.Merges = append(src.Merges, r)
	}
	return nil
}

// rows streams the sheet's rows: as the records come when they are in row
// order, else gathered and sorted first.
func (s *biffSheet) rows(fn func(*Row) error) error {
	c := &cellReader{sheet: s}
	if !s.ordered {
		return s.sortedRows(c, fn)
	}
	row := &Row{Num: 0}
	flush := func() error {
		if len(row.Cells) == 0 {
			return nil
		}
		row.Cells = inColumnOrder(row.Cells)
		return fn(row)
	}
	c.emit = func(r int, cell Cell) error {
		if r+1 != row.Num {
			if err := flush(); err != nil {
				return err
			}
			row.Num, row.Hidden, row.Cells = r+1, s.hiddenRow[r], row.Cells[:0]
		}
		row.Cells = append(row.Cells, cell)
		return nil
	}
	if err := c.read(); err != nil {
		return err
	}
	return flush()
}

// sortedRows gathers every cell, sorts them by row, and streams the rows.
func (s *biffSheet) sortedRows(c *cellReader, fn func(*Row) error) error {
	type at struct {
		r int
		c Cell
	}
	var all []at
	c.emit = func(r int, cell Cell) error {
		all = append(all, at{r, cell})
		return nil
	}
	if err := c.read(); err != nil {
		return err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].r < all[j].r })
	row := &Row{}
	for i, a := range all {
		row.Cells = append(row.Cells, a.c)
		if i+1 == len(all) || all[i+1].r != a.r {
			row.Num, row.Hidden, row.Cells = a.r+1, s.hiddenRow[a.r], inColumnOrder(row.Cells)
			if err := fn(row); err != nil {
				return err
			}
			row.Cells = row.Cells[:0]
		}
	}
	return nil
}

// numberCell is a number cell: a date when its XF shows one.
func (s *biffSheet) numberCell(col, ixfe int, v float64) Cell {
	k := KindNumber
	if s.book.isDate(ixfe) {
		k = KindDate
	}
	return Cell{Col: col, Kind: k, Text: numberText(v)}
}

// numberText writes a number as its shortest decimal, with an exponent
// only below 1e-6 or from 1e21 (as JSON does); never "-0".
func numberText(v float64) string {
	if v == 0 {
		return "0"
	}
	if a := math.Abs(v); a < 1e-6 || a >= 1e21 {
		return strconv.FormatFloat(v, 'e', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// rkNumber decodes an RK value: a signed 30-bit integer or the top 30 bits
// of a double, divided by 100 when flagged.
func rkNumber(rk uint32) float64 {
	var v float64
	if rk&0x02 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&0x01 != 0 {
		v /= 100
	}
	return v
}

// errorText is the text Excel shows for a BOOLERR or FORMULA error code.
func errorText(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	case 0x2B:
		return "#GETTING_DATA"
	}
	return "#N/A"
}
