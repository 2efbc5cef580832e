package sheet

import (
	"encoding/binary"
	"errors"
)

// BIFF record types the reader uses ([MS-XLS] 2.3).
const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recDatemode    = 0x0022
	recFilepass    = 0x002F
	recContinue    = 0x003C
	recCodepage    = 0x0042
	recColinfo     = 0x007D
	recBoundsheet  = 0x0085
	recMulRK       = 0x00BD
	recRString     = 0x00D6
	recXF          = 0x00E0
	recMergedCells = 0x00E5
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recDimensions  = 0x0200
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRow         = 0x0208
	recRK          = 0x027E
	recFormat      = 0x041E
	recBOF         = 0x0809
	recBOF2        = 0x0009 // BIFF2
	recBOF3        = 0x0209 // BIFF3
	recBOF4        = 0x0409 // BIFF4
)

// Substream types of a BOF record.
const (
	bofGlobals   = 0x0005
	bofWorksheet = 0x0010
)

// errBIFF says the records do not hold together: a record runs past the
// end of the stream, a substream has no end, a field is shorter than its
// record type needs. The caller names the sheet.
var errBIFF = errors.New("damaged BIFF records")

// record is one BIFF record: its type, its offset in the stream and its
// data (the 4-byte header left out).
type record struct {
	typ  uint16
	off  int
	data []byte
}

// records reads the records of a stream one by one.
type records struct {
	s   []byte
	pos int
}

// next returns the next record; ok is false at the end of the stream;
// errBIFF when a record runs past it.
func (r *records) next() (rec record, ok bool, err error) {
	if r.pos == len(r.s) {
		return record{}, false, nil
	}
	if r.pos+4 > len(r.s) {
		return record{}, false, errBIFF
	}
	n := int(binary.LittleEndian.Uint16(r.s[r.pos+2:]))
	if r.pos+4+n > len(r.s) {
		return record{}, false, errBIFF
	}
	rec = record{typ: binary.LittleEndian.Uint16(r.s[r.pos:]), off: r.pos, data: r.s[r.pos+4 : r.pos+4+n]}
	r.pos += 4 + n
	return rec, true, nil
}

// peek returns the type of the record at the reader's position, or 0.
func (r *records) peek() uint16 {
	if r.pos+4 > len(r.s) {
		return 0
	}
	return binary.LittleEndian.Uint16(r.s[r.pos:])
}

// continued returns rec's data and that of the CONTINUE records after it,
// one segment each, leaving the reader after them.
func (r *records) continued(rec record) ([][]byte, error) {
	segs := [][]byte{rec.data}
	for r.peek() == recContinue {
		c, _, err := r.next()
		if err != nil {
			return nil, err
		}
		segs = append(segs, c.data)
	}
	return segs, nil
}

// subReader reads the records of one substream, from its BOF to its
// matching EOF, nested substreams (an embedded chart) left out.
type subReader struct {
	records
	kind  uint16 // the BOF's substream type
	depth int
}

// openSubstream starts reading the substream whose BOF is at off.
func openSubstream(s []byte, off int) (*subReader, error) {
	if off < 0 || off >= len(s) {
		return nil, errBIFF
	}
	r := &subReader{records: records{s: s, pos: off}}
	bof, ok, err := r.records.next()
	if err != nil || !ok || bof.typ != recBOF || len(bof.data) < 4 {
		return nil, errBIFF
	}
	r.kind = uint16(u16(bof.data, 2))
	return r, nil
}

// next returns the substream's next record; ok is false at its EOF, and a
// stream that ends first is errBIFF (cut short).
func (r *subReader) next() (rec record, ok bool, err error) {
	for {
		rec, ok, err := r.records.next()
		switch {
		case err != nil:
			return rec, false, err
		case !ok:
			return rec, false, errBIFF
		case rec.typ == recBOF:
			r.depth++
		case rec.typ == recEOF && r.depth == 0:
			return rec, false, nil
		case rec.typ == recEOF:
			r.depth--
		case r.depth == 0:
			return rec, true, nil
		}
	}
}

// substream calls visit for each record of the substream at off.
func substream(s []byte, off int, visit func(record) error) error {
	r, err := openSubstream(s, off)
	if err != nil {
		return err
	}
	for {
		rec, ok, err := r.next()
		if err != nil || !ok {
			return err
		}
		if err := visit(rec); err != nil {
			return err
		}
	}
}

func u16(b []byte, off int) int    { return int(binary.LittleEndian.Uint16(b[off:])) }
func u32(b []byte, off int) uint32 { return binary.LittleEndian.Uint32(b[off:]) }
