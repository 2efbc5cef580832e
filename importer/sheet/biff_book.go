package sheet

import (
	"encoding/binary"
	"fmt"

	"golang.org/x/text/encoding"
)

// biffBook is what the workbook globals substream says: the version, the
// date system, the codepage (BIFF5), the shared strings (BIFF8), which
// cell formats (XF) show dates, and the sheets.
type biffBook struct {
	stream   []byte
	biff8    bool
	date1904 bool
	dec      *encoding.Decoder // BIFF5 text
	sst      []string
	xfFormat []int          // per XF: its number format id
	formats  map[int]string // custom format codes by id
	dateXF   []bool         // per XF: shows a date (from xfFormat and formats)
	sheets   []boundSheet
	limits   Limits
	// globalsEnd is where the globals end; the sheets' substreams follow.
	globalsEnd int
}

// boundSheet is a BOUNDSHEET record: where a sheet's substream starts, its
// name, its visibility and its type (0 worksheet, 1 macro sheet, 2 chart,
// 6 VBA module).
type boundSheet struct {
	off    int
	name   string
	hidden bool
	kind   byte
}

// parseGlobals reads the globals substream at the start of stream.
func parseGlobals(stream []byte, l Limits) (*biffBook, error) {
	b := &biffBook{stream: stream, formats: map[int]string{}, limits: l, dec: codepageDecoder(1252)}
	r := &records{s: stream}
	bof, ok, err := r.next()
	if err != nil || !ok {
		return nil, errBIFF
	}
	if err := b.version(bof); err != nil {
		return nil, err
	}
	for {
		rec, ok, err := r.next()
		switch {
		case err != nil:
			return nil, err
		case !ok:
			return nil, errBIFF // the globals never end: cut short
		case rec.typ == recEOF:
			b.settleDates()
			b.globalsEnd = r.pos
			return b, nil
		}
		if err := b.global(r, rec); err != nil {
			return nil, err
		}
	}
}

// version reads the BOF: BIFF8 (0x0600) or BIFF5/7 (0x0500), a workbook's
// globals; BIFF2-4 have other BOF types.
func (b *biffBook) version(bof record) error {
	switch bof.typ {
	case recBOF2, recBOF3, recBOF4:
		return errTooOld()
	case recBOF:
	default:
		return errBIFF
	}
	if len(bof.data) < 4 || u16(bof.data, 2) != bofGlobals {
		return errNotWorkbook()
	}
	switch u16(bof.data, 0) {
	case 0x0600:
		b.biff8 = true
	case 0x0500:
	default:
		return errTooOld()
	}
	return nil
}

// global reads one record of the globals.
func (b *biffBook) global(r *records, rec record) error {
	d := rec.data
	switch rec.typ {
	case recCodepage:
		if len(d) >= 2 && !b.biff8 {
			b.dec = codepageDecoder(u16(d, 0))
		}
	case recDatemode:
		b.date1904 = len(d) >= 2 && u16(d, 0) == 1
	case recXF:
		if len(d) < 4 {
			return errBIFF
		}
		b.xfFormat = append(b.xfFormat, u16(d, 2))
	case recFormat:
		return b.format(d)
	case recBoundsheet:
		return b.boundsheet(d)
	case recSST:
		segs, err := r.continued(rec)
		if err != nil {
			return err
		}
		return b.readSST(segs)
	}
	return nil
}

// format reads a FORMAT record: an id and its format code.
func (b *biffBook) format(d []byte) error {
	if len(d) < 3 {
		return errBIFF
	}
	id := u16(d, 0)
	seg := &segments{segs: [][]byte{d[2:]}}
	if b.biff8 {
		code, ok := seg.unicode(2)
		if !ok {
			return errBIFF
		}
		b.formats[id] = code
		return nil
	}
	n := int(d[2])
	if 3+n > len(d) {
		return errBIFF
	}
	b.formats[id] = byteString(d[3:3+n], b.dec)
	return nil
}

// boundsheet reads a BOUNDSHEET record.
func (b *biffBook) boundsheet(d []byte) error {
	if len(d) < 7 {
		return errBIFF
	}
	s := boundSheet{off: int(binary.LittleEndian.Uint32(d)), hidden: d[4]&0x03 != 0, kind: d[5]}
	if b.biff8 {
		name, ok := (&segments{segs: [][]byte{d[6:]}}).unicode(1)
		if !ok {
			return errBIFF
		}
		s.name = name
	} else {
		n := int(d[6])
		if 7+n > len(d) {
			return errBIFF
		}
		s.name = byteString(d[7:7+n], b.dec)
	}
	if len(b.sheets) >= b.limits.MaxSheets {
		return tooLarge(fmt.Sprintf("工作表超过上限%d个", b.limits.MaxSheets))
	}
	b.sheets = append(b.sheets, s)
	return nil
}

// readSST reads the shared strings, continued over CONTINUE records: as
// many as the header says, or fewer when the records end between two
// strings (a writer that counted wrong); a string cut short is damage.
func (b *biffBook) readSST(segs [][]byte) error {
	r := &segments{segs: segs}
	if _, ok := r.take(4); !ok {
		return errBIFF
	}
	unique, ok := r.u32()
	if !ok {
		return errBIFF
	}
	total := 0
	for _, s := range segs {
		total += len(s)
	}
	b.sst = make([]string, 0, min(unique, total/3))
	for len(b.sst) < unique && !r.done() {
		s, ok := r.unicode(2)
		if !ok {
			return errBIFF
		}
		if len(s) > b.limits.MaxCellBytes {
			return tooLarge("单元格内容过长")
		}
		b.sst = append(b.sst, s)
	}
	return nil
}

// settleDates works out, per XF, whether its number format shows a date:
// a format code the file defines, else the built-in ids.
func (b *biffBook) settleDates() {
	b.dateXF = make([]bool, len(b.xfFormat))
	for i, id := range b.xfFormat {
		if code, ok := b.formats[id]; ok {
			b.dateXF[i] = isDateFormat(code)
		} else {
			b.dateXF[i] = isBuiltinDate(id)
		}
	}
}

// isDate reports whether XF ixfe shows a date.
func (b *biffBook) isDate(ixfe int) bool { return ixfe < len(b.dateXF) && b.dateXF[ixfe] }
