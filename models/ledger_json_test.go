package models

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestAppendRecordJSONIsJSONMarshal: the fast encoding of a record is
// encoding/json's, byte for byte, escapes and all; the compact one the
// store keeps reads back as the same record.
func TestAppendRecordJSONIsJSONMarshal(t *testing.T) {
	texts := []string{"", "张店区", "a\"b\\c", "<script>&", "tab\tnew\nline\r\x01\x1f", "\u2028\u2029", "bad\xffutf8", "形象进度：完成80%"}
	recs := []LedgerRecord{
		{},
		{Sheet: "台账", Row: 3, Code: "2403-370303-04-01-100001", Facts: Facts{Name: "项目", District: "张店区", Unit: "局", Nature: NatureNew,
			TotalInvestment: 123456789, AnnualPlan: -5, CompletedYTD: 100, PlannedStart: MonthOf(2024, 3), ActualStart: MonthOf(2023, 12),
			Progress: "进行中", PlannedCompletion: MonthOf(2026, 1), Class: "准备类", ListFrom: MonthOf(2024, 5), ImplementedFrom: MonthOf(2024, 9)},
			Has: FieldName | FieldDistrict | FieldCompletedYTD | FieldActualStart},
	}
	for i, s := range texts {
		recs = append(recs, LedgerRecord{Sheet: s, Code: s, Row: -i, Facts: Facts{Name: s, Unit: s, Category: s, Level: s, Progress: s, Problems: s,
			Nature: Nature(s), Class: Class(s), TotalInvestment: Money(i * 1234567)}, Has: Field(1<<i) | FieldCode})
	}
	for _, r := range recs {
		want, err := json.Marshal(&r)
		if err != nil {
			t.Fatal(err)
		}
		if got := AppendRecordJSON(nil, &r); string(got) != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
		compact := AppendRecordJSONCompact(nil, &r)
		var back, full LedgerRecord
		json.Unmarshal(want, &full) // what the whole encoding reads back as (invalid UTF-8 becomes U+FFFD)
		if err := json.Unmarshal(compact, &back); err != nil || !reflect.DeepEqual(back, full) {
			t.Errorf("compact %s reads back as %+v (%v), want %+v", compact, back, err, full)
		}
		if len(compact) > len(want) {
			t.Errorf("compact %d bytes, whole %d", len(compact), len(want))
		}
	}
}

// TestTheRecordWriterWritesEveryRegistryField: the writer loops over the
// registry, so a new field is in every record's JSON, whole and compact,
// with its value, without a line of its own.
func TestTheRecordWriterWritesEveryRegistryField(t *testing.T) {
	r := LedgerRecord{Code: "C1", Facts: sample(t)}
	for _, out := range [][]byte{AppendRecordJSON(nil, &r), AppendRecordJSONCompact(nil, &r)} {
		var got map[string]json.RawMessage
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		for _, d := range FieldDefs() {
			want, _ := json.Marshal(d.Ptr(&r.Facts))
			if v, ok := got[d.Name]; !ok || string(v) != string(want) {
				t.Errorf("%s: %s in %s, want %s", d.Name, v, out, want)
			}
		}
		if n := len(got); n != len(FieldDefs())+4 {
			t.Errorf("%d keys, want the %d fields, sheet, row, code and has", n, len(FieldDefs()))
		}
	}
}
