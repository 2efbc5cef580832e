package models

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// AppendRecordJSON appends r as json.Marshal writes it, byte for byte,
// without reflection: the store keeps the record of every created project
// with its change, 200,000 of them for a large first import.
func AppendRecordJSON(b []byte, r *LedgerRecord) []byte {
	b = append(b, `{"sheet":`...)
	b = appendJSONString(b, r.Sheet)
	b = append(b, `,"row":`...)
	b = strconv.AppendInt(b, int64(r.Row), 10)
	b = append(b, `,"code":`...)
	b = appendJSONString(b, r.Code)
	f := &r.Facts
	for _, s := range []struct {
		key string
		v   string
	}{{`,"name":`, f.Name}, {`,"district":`, f.District}, {`,"unit":`, f.Unit}, {`,"nature":`, string(f.Nature)},
		{`,"category":`, f.Category}, {`,"level":`, f.Level}} {
		b = appendJSONString(append(b, s.key...), s.v)
	}
	b = append(append(b, `,"total_investment_wan":`...), f.TotalInvestment.WanString()...)
	b = append(append(b, `,"annual_plan_wan":`...), f.AnnualPlan.WanString()...)
	b = append(append(b, `,"completed_ytd_wan":`...), f.CompletedYTD.WanString()...)
	b = appendJSONMonth(append(b, `,"planned_start":`...), f.PlannedStart)
	b = appendJSONMonth(append(b, `,"actual_start":`...), f.ActualStart)
	b = appendJSONString(append(b, `,"progress":`...), f.Progress)
	b = appendJSONString(append(b, `,"problems":`...), f.Problems)
	b = appendJSONMonth(append(b, `,"planned_completion":`...), f.PlannedCompletion)
	b = appendJSONString(append(b, `,"class":`...), string(f.Class))
	b = appendJSONMonth(append(b, `,"list_from":`...), f.ListFrom)
	b = appendJSONMonth(append(b, `,"list_until":`...), f.ListUntil)
	b = appendJSONMonth(append(b, `,"implemented_from":`...), f.ImplementedFrom)
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
