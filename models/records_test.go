package models

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// everyField is a record with each of its fields (and of Facts) set to a
// value of its own, found by reflection: a field added to LedgerRecord or
// Facts that Records does not encode fails the round trip below.
func everyField(n int) LedgerRecord {
	var r LedgerRecord
	v := reflect.ValueOf(&r).Elem()
	k := n * 100
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			k++
			switch f.Kind() {
			case reflect.Struct:
				fill(f)
			case reflect.String:
				f.SetString(fmt.Sprintf("值%d·%s", k, v.Type().Field(i).Name))
			case reflect.Int, reflect.Int64:
				f.SetInt(int64(-k * 7))
			case reflect.Uint32:
				f.SetUint(uint64(k))
			default:
				panic("records_test: a field of kind " + f.Kind().String())
			}
		}
	}
	fill(v)
	r.Facts.PlannedStart, r.Row = MonthOf(2024, 3), 7+n // months and rows as ledgers hold them
	return r
}

func TestRecordsRoundTrip(t *testing.T) {
	var rs Records
	var want []LedgerRecord
	for n := 0; n < 3; n++ {
		r := everyField(n)
		r.Sheet = []string{"台账", "项目明细", "台账"}[n]
		want = append(want, r)
		rs.Add(&r)
	}
	empty := LedgerRecord{Code: "", Sheet: "台账"}
	want = append(want, empty)
	rs.Add(&empty)
	if rs.Len() != 4 || !reflect.DeepEqual(rs.All(), want) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", rs.All(), want)
	}
	if rs.Code(1) != want[1].Code || rs.At(2) != want[2] || rs.At(3) != empty {
		t.Errorf("Code(1) = %q, At(2) = %+v", rs.Code(1), rs.At(2))
	}
	changed := want[0]
	changed.Name, changed.CompletedYTD = "另一个名称", 5
	rs.Set(0, &changed)
	if rs.At(0) != changed || rs.At(1) != want[1] {
		t.Errorf("after Set: %+v, %+v", rs.At(0), rs.At(1))
	}
	rs.Keep(func(i int) bool { return i != 1 })
	if got := rs.All(); !reflect.DeepEqual(got, []LedgerRecord{changed, want[2], empty}) {
		t.Errorf("after Keep: %+v", got)
	}
}

// A record longer than a chunk gets a chunk of its own, and the records
// around it stay as written.
func TestRecordsLongAndMany(t *testing.T) {
	var rs Records
	long := LedgerRecord{Code: "2403-370303-04-01-000001", Sheet: "台账", Facts: Facts{Progress: strings.Repeat("进度", recordChunk/3)}}
	var want []LedgerRecord
	for i := 0; i < 20000; i++ {
		r := LedgerRecord{Code: fmt.Sprintf("2403-370303-04-01-%06d", 20000-i), Sheet: "台账", Row: i + 4, Facts: Facts{Name: fmt.Sprintf("项目%d", i), CompletedYTD: Money(i) * Wan}}
		if i == 7000 {
			r = long
		}
		want = append(want, r)
		rs.Add(&r)
	}
	if got := rs.All(); !reflect.DeepEqual(got, want) {
		t.Fatal("records differ after a long one")
	}
	order := rs.CodeOrder()
	if rs.Code(int(order[0])) != "2403-370303-04-01-000001" || order[0] != 7000 || order[1] != 19999 || rs.Code(int(order[len(order)-1])) != "2403-370303-04-01-020000" {
		t.Errorf("code order starts %v, ends %s", order[:2], rs.Code(int(order[len(order)-1])))
	}
}

// Records of one code keep their row order in CodeOrder (the planner
// relies on it), and the JSON form is an array of records.
func TestRecordsCodeOrderStableAndJSON(t *testing.T) {
	rs := RecordsOf(LedgerRecord{Code: "B", Row: 1}, LedgerRecord{Code: "A", Row: 2}, LedgerRecord{Code: "B", Row: 3}, LedgerRecord{Code: "A", Row: 4})
	if got := rs.CodeOrder(); !reflect.DeepEqual(got, []int32{1, 3, 0, 2}) {
		t.Errorf("code order %v, want [1 3 0 2]", got)
	}
	raw, err := json.Marshal(Ledger{Records: rs})
	if err != nil || !strings.Contains(string(raw), `"records":[{"sheet":"","row":1,"code":"B",`) {
		t.Fatalf("json: %v %.120s", err, raw)
	}
	var back Ledger
	if err := json.Unmarshal(raw, &back); err != nil || !reflect.DeepEqual(back.Records.All(), rs.All()) {
		t.Errorf("json back: %v %+v", err, back.Records.All())
	}
}

// Past spillAt the bodies go to the temporary file: records read back
// the same, one at a time, in a part of any order (runs read together),
// after a Set, and with one longer than a run.
func TestRecordsSpilled(t *testing.T) {
	defer func(v int64) { spillAt = v }(spillAt)
	spillAt = 2000
	var rs Records
	var want []LedgerRecord
	for i := 0; i < 5000; i++ {
		r := everyField(i)
		r.Sheet = "台账"
		if i == 3000 {
			r.Progress = strings.Repeat("长", recordChunk)
		}
		want = append(want, r)
		rs.Add(&r)
	}
	if rs.log.file == nil || len(rs.log.bodies) != 1 {
		t.Fatalf("not spilled: file %v, %d chunks in memory", rs.log.file, len(rs.log.bodies))
	}
	changed := want[10]
	changed.Name = "改过的名称"
	rs.Set(10, &changed)
	want[10] = changed
	if rs.At(10) != changed || rs.At(4999) != want[4999] || rs.At(0) != want[0] {
		t.Errorf("At: %+v", rs.At(10))
	}
	pos := []int32{4999, 3000, 2, 1, 10, 2999, 3001, 0, 4000, 10}
	part := rs.Part(pos)
	for k, p := range pos {
		if part[k] != want[p] {
			t.Errorf("Part[%d] (record %d) = %.200v", k, p, part[k])
		}
	}
	if got := rs.All(); !reflect.DeepEqual(got, want) || rs.Err() != nil {
		t.Errorf("All differs or error %v", rs.Err())
	}
}
