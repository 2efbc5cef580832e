package store

import (
	"encoding/json"
	"strconv"
	"strings"

	"tracker/models"
)

// A created project's change keeps the whole record as the ledger stated
// it (the import's page lists every field under the project's line, even
// after later edits of the project), 200,000 of them for a large first
// import. The record is kept in a compact text of its own rather than
// JSON, about half the bytes (the change log was most of what such an
// import wrote, each byte twice in WAL mode):
//
//	~ROW,LEN:SHEET  then one entry per field in Has or not zero:
//	KEY=LEN:VALUE   in Has, with its change text
//	KEY+            in Has, zero (no text)
//	KEY!LEN:VALUE   not in Has but set (a planner's list month)
//	KEY*            the name, the same as the change's new value
//
// KEY is a field's one-letter key below, or its name for a field without
// one; LEN is the value's length in bytes, so a value may hold any
// character. The code is the change's. Records kept as JSON before
// (starting with '{') are read as they are.

// recordKeys are the fields' one-letter keys. Frozen: a key once given
// keeps its field; a field added later is written under its name.
var recordKeys = map[string]string{
	"name": "n", "district": "d", "unit": "u", "nature": "e", "category": "g", "level": "l",
	"total_investment_wan": "t", "annual_plan_wan": "a", "completed_ytd_wan": "c",
	"planned_start": "s", "actual_start": "r", "progress": "p", "problems": "q",
	"planned_completion": "f", "class": "k", "list_from": "i", "list_until": "o", "implemented_from": "m",
}

// recordFields are recordKeys the other way, by key.
var recordFields = func() map[string]string {
	out := make(map[string]string, len(recordKeys))
	for name, k := range recordKeys {
		out[k] = name
	}
	return out
}()

// appendRecord appends r's compact text; name is the change's new value.
func appendRecord(b []byte, r *models.LedgerRecord, name string) []byte {
	b = append(b, '~')
	b = strconv.AppendInt(b, int64(r.Row), 10)
	b = appendLen(append(b, ','), r.Sheet)
	var zero models.Facts
	for _, d := range models.FieldDefs() {
		has, set := r.Has&d.Field != 0, !d.Equal(&r.Facts, &zero)
		if !has && !set {
			continue
		}
		b = append(b, recordKey(d.Name)...)
		switch {
		case d.Field == models.FieldName && has && r.Name == name:
			b = append(b, '*')
		case !set:
			b = append(b, '+')
		case has:
			b = appendLen(append(b, '='), *d.Text(&r.Facts))
		default:
			b = appendLen(append(b, '!'), *d.Text(&r.Facts))
		}
	}
	return b
}

func recordKey(name string) string {
	if k, ok := recordKeys[name]; ok {
		return k
	}
	return name
}

func appendLen(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	return append(append(b, ':'), s...)
}

// parseRecord reads a record appendRecord wrote (or, kept before, its
// JSON) for the change of code whose new value is name; nil when it cannot
// be read (a damaged record shows no fields, as before).
func parseRecord(s, code, name string) *models.LedgerRecord {
	if strings.HasPrefix(s, "{") {
		var rec models.LedgerRecord
		if json.Unmarshal([]byte(s), &rec) != nil {
			return nil
		}
		return &rec
	}
	p := &recordParser{s: s}
	rec := &models.LedgerRecord{Code: code}
	if !p.take('~') {
		return nil
	}
	rec.Row = p.number(',')
	rec.Sheet = p.text()
	for p.ok && p.s != "" {
		p.field(rec, name)
	}
	if !p.ok {
		return nil
	}
	return rec
}

// recordParser reads a compact record from s, ok false from the first
// thing it cannot read.
type recordParser struct {
	s  string
	ok bool
}

func (p *recordParser) take(c byte) bool {
	p.ok = p.s != "" && p.s[0] == c
	if p.ok {
		p.s = p.s[1:]
	}
	return p.ok
}

// number reads a decimal up to end (consumed).
func (p *recordParser) number(end byte) int {
	i := strings.IndexByte(p.s, end)
	n, err := strconv.Atoi(p.s[:max(i, 0)])
	if i < 0 || err != nil || n < 0 {
		p.ok = false
		return 0
	}
	p.s = p.s[i+1:]
	return n
}

// text reads LEN:VALUE.
func (p *recordParser) text() string {
	n := p.number(':')
	if !p.ok || n > len(p.s) {
		p.ok = false
		return ""
	}
	v := p.s[:n]
	p.s = p.s[n:]
	return v
}

// field reads one entry into rec.
func (p *recordParser) field(rec *models.LedgerRecord, name string) {
	i := strings.IndexAny(p.s, "=+!*")
	if i <= 0 {
		p.ok = false
		return
	}
	key, mark := p.s[:i], p.s[i]
	p.s = p.s[i+1:]
	if long, ok := recordFields[key]; ok {
		key = long
	}
	f, known := models.FieldNamed(key)
	d, isField := f.Def()
	if !known || !isField {
		p.ok = false
		return
	}
	var v *string
	switch mark {
	case '=', '!':
		t := p.text()
		v = &t
	case '*':
		v = &name
	}
	if mark != '!' {
		rec.Has |= d.Field
	}
	if p.ok && v != nil && d.Set(&rec.Facts, v) != nil {
		p.ok = false
	}
}
