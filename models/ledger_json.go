package models

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// AppendRecordJSON appends r as json.Marshal writes it, byte for byte,
// without reflection.
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
	f := &r.Facts
	text := func(key, v string) {
		if !compact || v != "" {
			b = appendJSONString(append(b, key...), v)
		}
	}
	money := func(key string, v Money) {
		if !compact || v != 0 {
			b = append(append(b, key...), v.WanString()...)
		}
	}
	month := func(key string, v Month) {
		if !compact || v != 0 {
			b = appendJSONMonth(append(b, key...), v)
		}
	}
	text(`,"name":`, f.Name)
	text(`,"district":`, f.District)
	text(`,"unit":`, f.Unit)
	text(`,"nature":`, string(f.Nature))
	text(`,"category":`, f.Category)
	text(`,"level":`, f.Level)
	money(`,"total_investment_wan":`, f.TotalInvestment)
	money(`,"annual_plan_wan":`, f.AnnualPlan)
	money(`,"completed_ytd_wan":`, f.CompletedYTD)
	month(`,"planned_start":`, f.PlannedStart)
	month(`,"actual_start":`, f.ActualStart)
	text(`,"progress":`, f.Progress)
	text(`,"problems":`, f.Problems)
	month(`,"planned_completion":`, f.PlannedCompletion)
	text(`,"class":`, string(f.Class))
	month(`,"list_from":`, f.ListFrom)
	month(`,"list_until":`, f.ListUntil)
	month(`,"implemented_from":`, f.ImplementedFrom)
	b = append(append(b, `,"has":`...), setOf(r.Has).json...)
	return append(b, '}')
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
