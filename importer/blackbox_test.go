package importer_test

// Black-box ledgers: files written the way other programs and clerks write
// them (openpyxl, LibreOffice, hand-made CSV in GBK or UTF-8 with BOM, old
// .xls), each with its expected records written by hand next to it in
// NAME.expected.json. The generators are in testdata/blackbox/gen.
//
// Expected record keys (every key optional except code and name):
//
//	sheet, row            where the record comes from
//	code, name, district  exact values (district: canonical unit name)
//	unit, category, level exact values; the field must be stated
//	nature                "新开工" / "续建"; "" means not stated
//	total, plan, ytd      万元 as a decimal string, stated; "-" means zero
//	                      (stated or not); absent means not stated
//	planned_start,        "YYYY-MM" stated; null stated as none (未开工, —);
//	actual_start          "-" zero, stated or not; absent means not stated

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tracker/importer"
	"tracker/models"
)

type blackboxCase struct {
	File    string `json:"file"`
	Desc    string `json:"desc"`
	Options struct {
		Period   string `json:"period"`
		District string `json:"district"`
	} `json:"options"`
	Format   string                       `json:"format"`
	Period   string                       `json:"period"`
	District *string                      `json:"district"`
	Sheets   []string                     `json:"sheets"`
	Clean    bool                         `json:"clean"`
	Records  []map[string]json.RawMessage `json:"records"`
}

func TestBlackbox(t *testing.T) {
	dir := filepath.Join("testdata", "blackbox")
	paths, err := filepath.Glob(filepath.Join(dir, "*.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no black-box cases in testdata/blackbox")
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var c blackboxCase
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		t.Run(strings.TrimSuffix(filepath.Base(p), ".expected.json"), func(t *testing.T) {
			runBlackbox(t, dir, c)
		})
	}
}

func runBlackbox(t *testing.T, dir string, c blackboxCase) {
	t.Logf("%s: %s", c.File, c.Desc)
	data, err := os.ReadFile(filepath.Join(dir, c.File))
	if err != nil {
		t.Fatal(err)
	}
	opts := importer.Options{FileName: c.File, District: c.Options.District}
	if c.Options.Period != "" {
		m, err := models.ParseMonth(c.Options.Period)
		if err != nil {
			t.Fatal(err)
		}
		opts.Period = m
	}
	led, err := importer.Read(data, opts)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if c.Format != "" && led.Format != c.Format {
		t.Errorf("format = %q, want %q", led.Format, c.Format)
	}
	if got := led.Period.String(); got != c.Period {
		t.Errorf("period = %q, want %q", got, c.Period)
	}
	if c.District != nil && led.District != *c.District {
		t.Errorf("ledger district = %q, want %q", led.District, *c.District)
	}
	if c.Sheets != nil && strings.Join(led.Sheets, "|") != strings.Join(c.Sheets, "|") {
		t.Errorf("sheets = %q, want %q", led.Sheets, c.Sheets)
	}
	if c.Clean {
		for _, p := range led.Problems {
			if p.Severity == importer.SeverityError {
				t.Errorf("error problem in a clean ledger: %s row %d col %s: %s", p.Sheet, p.Row, p.Column, p.Message)
			}
		}
		if led.RowsTotal != len(c.Records) {
			t.Errorf("rows_total = %d, want %d (one per project row; no title/header/section/subtotal/note rows)", led.RowsTotal, len(c.Records))
		}
	}
	if led.Records.Len() != len(c.Records) {
		t.Errorf("%d records, want %d", led.Records.Len(), len(c.Records))
		for _, r := range led.Records.All() {
			t.Logf("  got %s row %d %q %q", r.Sheet, r.Row, r.Code, r.Name)
		}
	}
	for i := 0; i < len(c.Records) && i < led.Records.Len(); i++ {
		checkBlackboxRecord(t, i, c.Records[i], led.Records.At(i))
	}
	if t.Failed() {
		for _, p := range led.Problems {
			t.Logf("  problem %s %s row %d col %s: %s", p.Severity, p.Sheet, p.Row, p.Column, p.Message)
		}
	}
}

func checkBlackboxRecord(t *testing.T, i int, want map[string]json.RawMessage, got importer.Record) {
	t.Helper()
	where := func() string { return got.Sheet + "!" + itoa(got.Row) + " " + got.Code }
	str := func(key string) (string, bool, bool) { // value, present, null
		raw, ok := want[key]
		if !ok {
			return "", false, false
		}
		if string(raw) == "null" {
			return "", true, true
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatalf("record %d key %s: %v", i, key, err)
		}
		return s, true, false
	}
	for key := range want {
		switch key {
		case "sheet", "row", "code", "name", "district", "unit", "category", "level", "nature",
			"total", "plan", "ytd", "planned_start", "actual_start", "note":
		default:
			t.Fatalf("record %d: unknown key %q", i, key)
		}
	}
	if s, ok, _ := str("sheet"); ok && got.Sheet != s {
		t.Errorf("record %d (%s): sheet = %q, want %q", i, where(), got.Sheet, s)
	}
	if raw, ok := want["row"]; ok {
		var row int
		if err := json.Unmarshal(raw, &row); err != nil {
			t.Fatal(err)
		}
		if got.Row != row {
			t.Errorf("record %d (%s): row = %d, want %d", i, where(), got.Row, row)
		}
	}
	texts := []struct {
		key   string
		got   string
		field importer.Field
	}{
		{"code", got.Code, 0},
		{"name", got.Name, 0},
		{"district", got.District, 0},
		{"unit", got.Unit, importer.FieldUnit},
		{"category", got.Category, importer.FieldCategory},
		{"level", got.Level, importer.FieldLevel},
	}
	for _, tx := range texts {
		s, ok, _ := str(tx.key)
		if !ok {
			continue
		}
		if tx.got != s {
			t.Errorf("record %d (%s): %s = %q, want %q", i, where(), tx.key, tx.got, s)
		}
		if tx.field != 0 && got.Has&tx.field == 0 {
			t.Errorf("record %d (%s): %s not marked stated", i, where(), tx.key)
		}
	}
	if s, ok, _ := str("nature"); ok {
		if string(got.Nature) != s {
			t.Errorf("record %d (%s): nature = %q, want %q", i, where(), got.Nature, s)
		}
		if (s != "") != (got.Has&importer.FieldNature != 0) {
			t.Errorf("record %d (%s): nature stated = %v, want %v", i, where(), got.Has&importer.FieldNature != 0, s != "")
		}
	} else if got.Has&importer.FieldNature != 0 {
		t.Errorf("record %d (%s): nature %q stated, want not stated", i, where(), got.Nature)
	}
	amounts := []struct {
		key   string
		got   models.Money
		field importer.Field
	}{
		{"total", got.TotalInvestment, importer.FieldTotalInvestment},
		{"plan", got.AnnualPlan, importer.FieldAnnualPlan},
		{"ytd", got.CompletedYTD, importer.FieldCompletedYTD},
	}
	for _, a := range amounts {
		s, ok, _ := str(a.key)
		has := got.Has&a.field != 0
		switch {
		case !ok:
			if has {
				t.Errorf("record %d (%s): %s = %s stated, want not stated", i, where(), a.key, a.got.WanString())
			}
		case s == "-":
			if a.got != 0 {
				t.Errorf("record %d (%s): %s = %s, want zero or none", i, where(), a.key, a.got.WanString())
			}
		default:
			w, err := models.ParseDecimal(s, models.Wan)
			if err != nil {
				t.Fatalf("record %d: %s: %v", i, a.key, err)
			}
			if a.got != w || !has {
				t.Errorf("record %d (%s): %s = %s万元 (stated %v), want %s万元", i, where(), a.key, a.got.WanString(), has, s)
			}
		}
	}
	months := []struct {
		key   string
		got   models.Month
		field importer.Field
	}{
		{"planned_start", got.PlannedStart, importer.FieldPlannedStart},
		{"actual_start", got.ActualStart, importer.FieldActualStart},
	}
	for _, m := range months {
		s, ok, null := str(m.key)
		has := got.Has&m.field != 0
		switch {
		case !ok:
			if has {
				t.Errorf("record %d (%s): %s = %q stated, want not stated", i, where(), m.key, m.got.String())
			}
		case null:
			if m.got != 0 || !has {
				t.Errorf("record %d (%s): %s = %q (stated %v), want stated as none", i, where(), m.key, m.got.String(), has)
			}
		case s == "-":
			if m.got != 0 {
				t.Errorf("record %d (%s): %s = %q, want none", i, where(), m.key, m.got.String())
			}
		default:
			if m.got.String() != s || !has {
				t.Errorf("record %d (%s): %s = %q (stated %v), want %q", i, where(), m.key, m.got.String(), has, s)
			}
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
