package models

import (
	"encoding/binary"
	"encoding/json"
	"slices"
	"strings"
	"unsafe"
)

// Records are a ledger's rows to apply, kept compact and decoded only when
// used (At, Part). Each record is encoded without pointers: its head (code,
// sheet, row, the fields it states) in memory, where the whole-ledger
// checks and the code order need it, and its body (texts, figures,
// months) in memory too while the ledger is small, then in an unlinked
// temporary file (recordLog). As LedgerRecord structs with their strings,
// 300,000 rows held about 120 MiB that the collector scanned on every
// cycle, and the heap grew to twice that before it collected; now their
// heads and references hold about 12 MiB and planning decodes the records
// of one part at a time. The zero value is empty and ready to use; like
// most values, Records are not for concurrent use.
//
// A decoded record's texts share the bytes they were decoded from
// instead of copying them: a chunk is only ever appended to within its
// capacity and a buffer read from the file is never reused, so bytes once
// written never change.
type Records struct {
	log  *recordLog // shared by copies, so that their appends never overlap
	refs []recordRef
}

// recordRef locates one record: its head in a chunk of heads, its body in
// a chunk of bodies or, when bodyChunk is inFile, in the file.
type recordRef struct {
	headChunk, headOff uint32
	bodyChunk, bodyLen uint32
	bodyOff            int64
}

// RecordsOf returns records holding recs, in order.
func RecordsOf(recs ...LedgerRecord) Records {
	var rs Records
	for i := range recs {
		rs.Add(&recs[i])
	}
	return rs
}

// Len is the number of records.
func (rs *Records) Len() int { return len(rs.refs) }

// Grow makes room for n more records' references (none when n ≤ 0).
func (rs *Records) Grow(n int) {
	if n > 0 {
		rs.refs = slices.Grow(rs.refs, n)
	}
}

// Add appends a record.
func (rs *Records) Add(r *LedgerRecord) { rs.refs = append(rs.refs, rs.encode(r)) }

// Set replaces record i.
func (rs *Records) Set(i int, r *LedgerRecord) { rs.refs[i] = rs.encode(r) }

// Err is the first error writing or reading the temporary file: the
// records are then incomplete and must not be applied.
func (rs *Records) Err() error {
	if rs.log == nil {
		return nil
	}
	return rs.log.err
}

// At decodes record i.
func (rs *Records) At(i int) LedgerRecord {
	var r LedgerRecord
	rs.decodeHead(i, &r)
	ref := rs.refs[i]
	body := rs.log.body(ref)
	decodeBody(&body, &r.Facts)
	return r
}

// Part decodes the records at positions pos, in that order. Bodies that
// lie in the file are read a run of neighbours at a time (a ledger sorted
// by code is read in one sweep), not one read a record.
func (rs *Records) Part(pos []int32) []LedgerRecord {
	out := make([]LedgerRecord, len(pos))
	bodies := rs.log.readBodies(rs.refs, pos)
	for k, p := range pos {
		rs.decodeHead(int(p), &out[k])
		decodeBody(&bodies[k], &out[k].Facts)
	}
	return out
}

// Code is record i's code, without decoding the rest.
func (rs *Records) Code(i int) string {
	d := rs.head(i)
	return d.text()
}

// SheetRow is where record i was read, without decoding the rest.
func (rs *Records) SheetRow(i int) (sheet string, row int) {
	var r LedgerRecord
	rs.decodeHead(i, &r)
	return r.Sheet, r.Row
}

// All decodes every record, for a small ledger or a test.
func (rs *Records) All() []LedgerRecord {
	pos := make([]int32, rs.Len())
	for i := range pos {
		pos[i] = int32(i)
	}
	return rs.Part(pos)
}

// Keep keeps the records for which keep returns true, in order.
func (rs *Records) Keep(keep func(i int) bool) {
	n := 0
	for i, ref := range rs.refs {
		if keep(i) {
			rs.refs[n] = ref
			n++
		}
	}
	rs.refs = rs.refs[:n]
}

// CodeOrder returns the records' positions sorted by code, records of one
// code in their order (what the planner needs: every row written in key
// order).
func (rs *Records) CodeOrder() []int32 {
	idx := make([]int32, rs.Len())
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(a, b int32) int { return strings.Compare(rs.Code(int(a)), rs.Code(int(b))) })
	return idx
}

// MarshalJSON writes the records as an array of LedgerRecord.
func (rs Records) MarshalJSON() ([]byte, error) { return json.Marshal(rs.All()) }

// UnmarshalJSON reads an array of LedgerRecord.
func (rs *Records) UnmarshalJSON(b []byte) error {
	var recs []LedgerRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		return err
	}
	*rs = RecordsOf(recs...)
	return nil
}

// encode writes r's head and body to the log.
func (rs *Records) encode(r *LedgerRecord) recordRef {
	if rs.log == nil {
		rs.log = &recordLog{}
	}
	l := rs.log
	var ref recordRef
	h := l.heads.reserve(3*binary.MaxVarintLen64 + binary.MaxVarintLen64 + len(r.Code))
	ref.headChunk, ref.headOff = uint32(len(l.heads)-1), uint32(len(*h))
	*h = appendText(*h, r.Code)
	*h = binary.AppendUvarint(*h, uint64(l.sheetIndex(r.Sheet)))
	*h = binary.AppendUvarint(*h, uint64(r.Row))
	*h = binary.AppendUvarint(*h, uint64(r.Has))
	ref.bodyChunk, ref.bodyOff, ref.bodyLen = l.write(&r.Facts)
	return ref
}

// A body is every registry field of a record's Facts in registry order: a
// text as its length and bytes, an amount or a month as a varint. A new
// field is encoded by its entry, with no line here: bodyPlan is worked out
// from the registry's accessors once, as each field's place in Facts and
// its kind, so that a body is written and read without a call a field
// (an import encodes and decodes 200,000 of them).
// The record JSON writer (ledger_json.go) walks the same plan.
type bodySlot struct {
	off  uintptr // the field's offset in Facts
	kind uint8   // bodyText (string, Nature, Class), bodyMoney, bodyMonth
	key  []byte  // `,"name":`, for the JSON writer
}

const (
	bodyText uint8 = iota
	bodyMoney
	bodyMonth
)

var bodyPlan = planBody()

func planBody() []bodySlot {
	var probe Facts
	base := uintptr(unsafe.Pointer(&probe))
	plan := make([]bodySlot, len(fieldDefs))
	for i, d := range fieldDefs {
		var p unsafe.Pointer
		switch v := d.Ptr(&probe).(type) {
		case *string:
			p = unsafe.Pointer(v)
		case *Nature:
			p = unsafe.Pointer(v)
		case *Class:
			p = unsafe.Pointer(v)
		case *Money:
			p, plan[i].kind = unsafe.Pointer(v), bodyMoney
		case *Month:
			p, plan[i].kind = unsafe.Pointer(v), bodyMonth
		default:
			panic("records: a field of an unknown type: " + d.Name)
		}
		plan[i].off, plan[i].key = uintptr(p)-base, []byte(`,"`+d.Name+`":`)
	}
	return plan
}

// bodySize bounds the encoded size of f.
func bodySize(f *Facts) int {
	n := len(bodyPlan) * binary.MaxVarintLen64
	for _, s := range bodyPlan {
		if s.kind == bodyText {
			n += len(*(*string)(unsafe.Add(unsafe.Pointer(f), s.off)))
		}
	}
	return n
}

func appendBody(b []byte, f *Facts) []byte {
	for _, s := range bodyPlan {
		p := unsafe.Add(unsafe.Pointer(f), s.off)
		switch s.kind {
		case bodyText:
			b = appendText(b, *(*string)(p))
		case bodyMoney:
			b = binary.AppendVarint(b, int64(*(*Money)(p)))
		case bodyMonth:
			b = binary.AppendVarint(b, int64(*(*Month)(p)))
		}
	}
	return b
}

func decodeBody(d *recordDecoder, f *Facts) {
	for _, s := range bodyPlan {
		p := unsafe.Add(unsafe.Pointer(f), s.off)
		switch s.kind {
		case bodyText:
			*(*string)(p) = d.text()
		case bodyMoney:
			*(*Money)(p) = Money(d.int())
		case bodyMonth:
			*(*Month)(p) = Month(d.int())
		}
	}
}

func (rs *Records) head(i int) recordDecoder {
	ref := rs.refs[i]
	return recordDecoder(rs.log.heads[ref.headChunk][ref.headOff:])
}

func (rs *Records) decodeHead(i int, r *LedgerRecord) {
	d := rs.head(i)
	r.Code = d.text()
	r.Sheet = rs.log.sheets[d.uint()]
	r.Row = int(d.uint())
	r.Has = Field(d.uint())
}

func appendText(c []byte, s string) []byte {
	return append(binary.AppendUvarint(c, uint64(len(s))), s...)
}

// recordDecoder reads one encoded head or body.
type recordDecoder []byte

func (d *recordDecoder) uint() uint64 {
	v, n := binary.Uvarint(*d)
	*d = (*d)[n:]
	return v
}

func (d *recordDecoder) int() int64 {
	v, n := binary.Varint(*d)
	*d = (*d)[n:]
	return v
}

// text shares the decoded bytes (see Records).
func (d *recordDecoder) text() string {
	n := int(d.uint())
	if n == 0 || n > len(*d) {
		return ""
	}
	s := unsafe.String(&(*d)[0], n)
	*d = (*d)[n:]
	return s
}
