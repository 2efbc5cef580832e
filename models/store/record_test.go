package store

import (
	"context"
	"reflect"
	"testing"

	"tracker/models"
)

// TestCreatedRecordTextRoundTrips: a created project's record comes back
// from its compact text as it went in: every field set, a field stated
// but zero (in Has, no value), a value set outside Has (a planner's list
// month), a name other than the change's, values holding the text's own
// marks, digits and control characters; the bytes are what the format
// says.
func TestCreatedRecordTextRoundTrips(t *testing.T) {
	full := models.LedgerRecord{Sheet: "台账", Row: 1222, Code: "2401-370302-01-01-101220",
		Facts: models.Facts{Name: "淄川区一期工程", District: "淄川区", Unit: "山东鲁中=智能装备+有限公司", Nature: models.NatureNew,
			Category: "工业", Level: "市级", TotalInvestment: 1577471234, AnnualPlan: 804931000, CompletedYTD: -3,
			PlannedStart: models.MonthOf(2024, 6), ActualStart: models.MonthOf(2024, 7), Progress: "12:3~4*5!6\x1f\n累计完成18%",
			Problems: "无", PlannedCompletion: models.MonthOf(2026, 12), Class: models.Class("准备类"), ListFrom: models.MonthOf(2024, 3),
			ListUntil: models.MonthOf(2024, 11), ImplementedFrom: models.MonthOf(2024, 9)}}
	for _, d := range models.FieldDefs() {
		if d.Field != models.FieldListUntil {
			full.Has |= d.Field
		}
	}
	stated := models.LedgerRecord{Sheet: "", Row: 0, Code: "c", Has: models.FieldName | models.FieldCompletedYTD | models.FieldActualStart,
		Facts: models.Facts{Name: "甲"}}
	for _, tt := range []struct {
		name string
		rec  models.LedgerRecord
		new  string
		text string
	}{
		{"every field", full, full.Name, ""},
		{"stated zero", stated, "甲", "~0,0:n*c+r+"},
		{"name not the change's", stated, "乙", "~0,0:n=3:甲c+r+"},
		{"no name, a list month outside Has", models.LedgerRecord{Sheet: "表1", Row: 7, Code: "c", Has: models.FieldCompletedYTD,
			Facts: models.Facts{CompletedYTD: 12345, ListFrom: models.MonthOf(2024, 6)}}, "", "~7,4:表1c=6:1.2345i!7:2024-06"},
	} {
		text := string(appendRecord(nil, &tt.rec, tt.new))
		if tt.text != "" && text != tt.text {
			t.Errorf("%s: text %q, want %q", tt.name, text, tt.text)
		}
		got := parseRecord(text, tt.rec.Code, tt.new)
		if got == nil || !reflect.DeepEqual(*got, tt.rec) {
			t.Errorf("%s: %q read back as %+v, want %+v", tt.name, text, got, tt.rec)
		}
	}
}

// TestCreatedRecordTextRefusesDamage: a damaged record reads as none (the
// import's page then lists no fields under the project), never as other
// values; a record kept as JSON before this format is read as JSON.
func TestCreatedRecordTextRefusesDamage(t *testing.T) {
	for _, bad := range []string{"", "~", "~x,0:", "~1,9:ab", "~1,0:z=1:a", "~1,0:c=2:a", "~1,0:c=3:abc", "~1,0:s=7:2024-13", "~1,0:c", "{\"row\":"} {
		if got := parseRecord(bad, "c", "甲"); got != nil {
			t.Errorf("%q read as %+v", bad, got)
		}
	}
	got := parseRecord(`{"sheet":"台账","row":3,"code":"c","name":"甲","completed_ytd_wan":1.5,"has":["name","completed_ytd_wan"]}`, "c", "甲")
	want := models.LedgerRecord{Sheet: "台账", Row: 3, Code: "c", Has: models.FieldName | models.FieldCompletedYTD, Facts: models.Facts{Name: "甲", CompletedYTD: 15000}}
	if got == nil || !reflect.DeepEqual(*got, want) {
		t.Errorf("JSON record read as %+v, want %+v", got, want)
	}
}

// TestCreatedRecordsKeptAsJSONStillShow: the change log written before
// the compact records (JSON in created_record) is read as it was, beside
// the records written now, in one import's changes; the record as created
// is what the import shows after a later edit of the project.
func TestCreatedRecordsKeptAsJSONStillShow(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		june := models.MonthOf(2024, 6)
		a := models.LedgerRecord{Sheet: "台账", Row: 5, Code: "2406-370303-26-01-000777", Has: allFigures,
			Facts: models.Facts{Name: "张店区测试新项目", District: "张店区", Nature: models.NatureNew, AnnualPlan: 5000 * models.Wan,
				CompletedYTD: 1200 * models.Wan, TotalInvestment: 20000 * models.Wan, PlannedStart: models.MonthOf(2024, 5), ActualStart: june}}
		b := a
		b.Code, b.Row, b.Name, b.CompletedYTD = "2406-370303-26-01-000778", 6, "张店区第二个项目", 1300*models.Wan
		imp, err := s.CreateImport(ctx, NewImport{FileName: "a.xlsx", Data: []byte("x"), User: admin, Ledger: ledgerOf(june, a, b),
			Rules: ImportRules{Additions: []string{"*"}, Reason: "测试"}})
		if err != nil || imp.Created != 2 {
			t.Fatalf("import: %+v %v", imp, err)
		}
		var want []models.LedgerRecord
		for _, c := range imp.Changes {
			if c.Field == models.ChangeProject {
				want = append(want, *c.Created)
			}
		}
		// The first project's record as the version before wrote it.
		legacy := string(models.AppendRecordJSONCompact(nil, &want[0]))
		if err := s.db.Exec(`UPDATE import_changes SET created_record = ? WHERE import_id = ? AND code = ? AND field = ?`,
			legacy, imp.ID, a.Code, models.ChangeProject).Error; err != nil {
			t.Fatal(err)
		}
		if err := s.db.Exec(`UPDATE projects SET name = '改名', total_investment = 1 WHERE code IN (?, ?)`, a.Code, b.Code).Error; err != nil {
			t.Fatal(err)
		}
		stored, err := s.Import(ctx, imp.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []models.LedgerRecord
		for _, c := range stored.Changes {
			if c.Field == models.ChangeProject && c.Created != nil {
				got = append(got, *c.Created)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("records read back:\n%+v\nwant\n%+v", got, want)
		}
		var text string
		if err := s.db.Raw(`SELECT created_record FROM import_changes WHERE import_id = ? AND code = ?`, imp.ID, b.Code).Scan(&text).Error; err != nil || text[0] != '~' {
			t.Errorf("the record written now: %q %v", text, err)
		}
	})
}
