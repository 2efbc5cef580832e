package models

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// AppendRecordJSON appends r as json.Marshal writes it, byte for byte,
// without reflection: the fields in registry order, which is the order of
// Facts' struct fields, each under its API name (its json tag).
func AppendRecordJSON(b []byte, r *LedgerRecord) []byte { return appendRecord(b, r, false) }

// AppendRecordJSONCompact appends r as JSON that json.Unmarshal reads back
// into the same record, leaving out the fields that hold their zero value
// (an empty text, no month, a zero amount): the store keeps the record of
// every created project with its change, 200,000 of them for a large first
// import, and most hold no category, level, problems or list months.
func AppendRecordJSONCompact(b []byte, r *LedgerRecord) []byte { return appendRecord(b, r, true) }

func appendRecord(b []byte, r *LedgerRecord, compact bool) []byte {
	b = append(b, `{"sheet":`...)
	b = appendJSONString(b, r.Sheet)
	b = append(b, `,"row":`...)
	b = strconv.AppendInt(b, int64(r.Row), 10)
	b = append(b, `,"code":`...)
	b = appendJSONString(b, r.Code)
	b = appendFacts(b, &r.Facts, compact)
	b = append(append(b, `,"has":`...), setOf(r.Has).json...)
	return append(b, '}')
}

// appendFacts appends every registry field of f under its key, by the
// kind that holds it (bodyPlan, records.go).
func appendFacts(b []byte, f *Facts, compact bool) []byte {
	for _, s := range bodyPlan {
		p := unsafe.Add(unsafe.Pointer(f), s.off)
		switch s.kind {
		case bodyText:
			if v := *(*string)(p); !compact || v != "" {
				b = appendJSONString(append(b, s.key...), v)
			}
		case bodyMoney:
			if v := *(*Money)(p); !compact || v != 0 {
				b = append(append(b, s.key...), v.WanString()...)
			}
		case bodyMonth:
			if v := *(*Month)(p); !compact || v != 0 {
				b = appendJSONMonth(append(b, s.key...), v)
			}
		}
	}
	return b
}

func appendJSONMonth(b []byte, m Month) []byte {
	if m == 0 {
		return append(b, "null"...)
	}
	return append(append(append(b, '"'), m.String()...), '"')
}

// appendJSONString quotes s as encoding/json does: text that needs no
// escaping is copied, anything else is left to encoding/json.
func appendJSONString(b []byte, s string) []byte {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			plain = false
			break
		}
	}
	if plain && (!utf8.ValidString(s) || strings.ContainsRune(s, '\u2028') || strings.ContainsRune(s, '\u2029')) {
		plain = false
	}
	if plain {
		return append(append(append(b, '"'), s...), '"')
	}
	q, _ := json.Marshal(s)
	return append(b, q...)
}
