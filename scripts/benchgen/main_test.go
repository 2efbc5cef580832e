package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/importer"
	"tracker/models"
)

// TestLedgersImportCleanly: both kinds of generated ledger read as N
// records with no error, their period October 2024, and the same seed
// gives the same rows.
func TestLedgersImportCleanly(t *testing.T) {
	const n = 60
	for _, sst := range []bool{false, true} {
		f := excelize.NewFile()
		f.SetSheetName("Sheet1", sheet)
		st := newStyles(f)
		if sst {
			writeShared(f, st, rand.New(rand.NewPCG(2024, n)), n)
		} else {
			writeStream(f, st, rand.New(rand.NewPCG(2024, n)), n)
		}
		path := filepath.Join(t.TempDir(), "ledger.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		l, err := importer.Read(data, importer.Options{FileName: "ledger.xlsx", Units: models.DefaultUnits()})
		if err != nil {
			t.Fatal(err)
		}
		if l.Records.Len() != n || l.Period != models.MonthOf(2024, 10) {
			t.Errorf("sst=%v: %d records of %s, want %d of 2024-10", sst, l.Records.Len(), l.Period, n)
		}
		for _, p := range l.Problems {
			if p.Severity == importer.SeverityError {
				t.Errorf("sst=%v: %+v", sst, p)
			}
		}
	}
	a, b := newProject(rand.New(rand.NewPCG(2024, 5)), 3), newProject(rand.New(rand.NewPCG(2024, 5)), 3)
	if a.code != b.code || a.progress != b.progress || a.done != b.done {
		t.Error("the same seed gave different rows")
	}
}
