package sheet

import (
	"math"
	"strconv"
)

// cellReader decodes the cell records of a worksheet substream and hands
// each non-empty cell to emit with its 0-based row. A formula whose cached
// value is a string gets it from the STRING record that follows it.
type cellReader struct {
	sheet *biffSheet
	emit  func(row int, c Cell) error
	sub   *subReader
	// The formula waiting for its STRING record, if any.
	pending        bool
	pendRow, pendC int
}

// read decodes the whole substream.
func (c *cellReader) read() error {
	sub, err := openSubstream(c.sheet.book.stream, c.sheet.ref.off)
	if err != nil {
		return err
	}
	c.sub = sub
	for {
		rec, ok, err := sub.next()
		if err != nil {
			return err
		}
		if !ok {
			return c.settlePending()
		}
		if err := c.record(rec); err != nil {
			return err
		}
	}
}

// record decodes one record.
func (c *cellReader) record(rec record) error {
	d := rec.data
	switch rec.typ {
	case recString:
		return c.stringResult(rec)
	case recNumber, recRK, recMulRK, recLabelSST, recLabel, recRString, recBoolErr, recFormula:
		if err := c.settlePending(); err != nil {
			return err
		}
		if len(d) < 6 {
			return errBIFF
		}
	default:
		return nil // BLANK, MULBLANK, ARRAY, SHRFMLA, drawing, notes ... hold no value
	}
	row, col, ixfe := u16(d, 0), u16(d, 2), u16(d, 4)
	switch rec.typ {
	case recNumber:
		if len(d) < 14 {
			return errBIFF
		}
		return c.put(row, c.sheet.numberCell(col, ixfe, math.Float64frombits(le64(d[6:]))))
	case recRK:
		if len(d) < 10 {
			return errBIFF
		}
		return c.put(row, c.sheet.numberCell(col, ixfe, rkNumber(u32(d, 6))))
	case recMulRK:
		return c.mulRK(d)
	case recLabelSST:
		return c.labelSST(d, row, col)
	case recLabel, recRString:
		return c.label(rec, row, col)
	case recBoolErr:
		if len(d) < 8 {
			return errBIFF
		}
		return c.put(row, boolErr(col, d[6], d[7] != 0))
	}
	return c.formula(d, row, col, ixfe)
}

// put emits a cell of a column that is read.
func (c *cellReader) put(row int, cell Cell) error {
	l := c.sheet.book.limits
	if cell.Col >= l.MaxColumns {
		return nil
	}
	if len(cell.Text) > l.MaxCellBytes {
		return tooLarge("单元格" + ColLetter(cell.Col) + strconv.Itoa(row+1) + "的内容过长")
	}
	if cell.Kind == KindText && cell.Text == "" {
		return nil
	}
	return c.emit(row, cell)
}

// mulRK decodes a MULRK record: numbers in consecutive columns.
func (c *cellReader) mulRK(d []byte) error {
	row, first := u16(d, 0), u16(d, 2)
	n := (len(d) - 6) / 6
	for i := 0; i < n; i++ {
		cell := c.sheet.numberCell(first+i, u16(d, 4+6*i), rkNumber(u32(d, 6+6*i)))
		if err := c.put(row, cell); err != nil {
			return err
		}
	}
	return nil
}

// labelSST decodes a LABELSST record: a shared string.
func (c *cellReader) labelSST(d []byte, row, col int) error {
	if len(d) < 10 {
		return errBIFF
	}
	i := int(u32(d, 6))
	if i >= len(c.sheet.book.sst) {
		return errBIFF
	}
	return c.put(row, Cell{Col: col, Kind: KindText, Text: c.sheet.book.sst[i]})
}

// label decodes a LABEL or RSTRING record: a string of its own, which
// may go on in CONTINUE records.
func (c *cellReader) label(rec record, row, col int) error {
	segs, err := c.sub.continued(record{data: rec.data[6:]})
	if err != nil {
		return err
	}
	s, ok := c.sheet.book.text(&segments{segs: segs}, 2)
	if !ok {
		return errBIFF
	}
	return c.put(row, Cell{Col: col, Kind: KindText, Text: s})
}

// text reads a string field: BIFF8 Unicode with a count of lenBytes
// bytes, or BIFF5 bytes in the codepage.
func (b *biffBook) text(r *segments, lenBytes int) (string, bool) {
	if b.biff8 {
		return r.unicode(lenBytes)
	}
	var n int
	var ok bool
	if lenBytes == 2 {
		n, ok = r.u16()
	} else {
		n, ok = r.u8()
	}
	if !ok {
		return "", false
	}
	raw, ok := r.take(n)
	if !ok {
		return "", false
	}
	return byteString(raw, b.dec), true
}

// boolErr is a BOOLERR cell: TRUE/FALSE ("1"/"0") or an error value.
func boolErr(col int, v byte, isErr bool) Cell {
	if isErr {
		return Cell{Col: col, Kind: KindError, Text: errorText(v)}
	}
	return Cell{Col: col, Kind: KindBool, Text: strconv.Itoa(int(min(v, 1)))}
}

// formula decodes a FORMULA record's cached value: a number, or (when the
// top two bytes are 0xFFFF) a string that follows in a STRING record, a
// bool, an error or the empty string.
func (c *cellReader) formula(d []byte, row, col, ixfe int) error {
	if len(d) < 14 {
		return errBIFF
	}
	v := d[6:14]
	if v[6] != 0xFF || v[7] != 0xFF {
		return c.put(row, c.sheet.numberCell(col, ixfe, math.Float64frombits(le64(v))))
	}
	switch v[0] {
	case 0x00:
		c.pending, c.pendRow, c.pendC = true, row, col
		return nil
	case 0x01:
		return c.put(row, boolErr(col, v[2], false))
	case 0x02:
		return c.put(row, boolErr(col, v[2], true))
	}
	return nil // the empty string: an empty cell
}

// stringResult reads the STRING record of the pending formula; BIFF8
// continues a long one over CONTINUE records.
func (c *cellReader) stringResult(rec record) error {
	if !c.pending {
		return nil
	}
	c.pending = false
	segs, err := c.sub.continued(rec)
	if err != nil {
		return err
	}
	s, ok := c.sheet.book.text(&segments{segs: segs}, 2)
	if !ok {
		return errBIFF
	}
	return c.put(c.pendRow, Cell{Col: c.pendC, Kind: KindText, Text: s})
}

// settlePending: a string formula whose STRING record never came has no
// cached value to show.
func (c *cellReader) settlePending() error {
	if !c.pending {
		return nil
	}
	c.pending = false
	return c.put(c.pendRow, Cell{Col: c.pendC, Kind: KindNoCache})
}

func le64(b []byte) uint64 {
	return uint64(u32(b, 0)) | uint64(u32(b, 4))<<32
}
