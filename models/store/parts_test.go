package store

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"tracker/models"
	"tracker/models/demo"
)

// TestImportInPartsIsOneImport: an import planned, written and recorded a
// few codes at a time (parts of 3 here, of planPart in use) keeps the
// same changes, problems, counts and database as one planned at once:
// updated, unchanged, new and refused projects, a code twice at a part's
// edge, a figure changed twice, the change log in order and a revert;
// also with each part's snapshot read as a range of the key (SQLite).
func TestImportInPartsIsOneImport(t *testing.T) {
	june := models.MonthOf(2024, 6)
	ps := demo.Portfolio2024()
	var recs []models.LedgerRecord
	for i, p := range ps[:10] {
		r := models.LedgerRecord{Code: p.Code, Has: models.FieldCompletedYTD | models.FieldProgress | models.FieldTotalInvestment,
			Facts: models.Facts{Name: p.Name, District: p.District, CompletedYTD: models.Money(i+1) * models.Wan, Progress: "进行中",
				TotalInvestment: p.TotalInvestment + models.Money(i%2)*models.Wan}}
		recs = append(recs, r)
		if i == 2 { // the same code again, a different figure: the later row wins
			r.CompletedYTD += models.Wan
			recs = append(recs, r)
		}
	}
	recs = append(recs,
		models.LedgerRecord{Code: "2406-370303-26-01-000777", Has: allFigures, Facts: models.Facts{Name: "张店区测试新项目", District: "张店区",
			Nature: models.NatureNew, AnnualPlan: 5000 * models.Wan, CompletedYTD: 1200 * models.Wan, TotalInvestment: 20000 * models.Wan,
			PlannedStart: models.MonthOf(2024, 3), ActualStart: models.MonthOf(2024, 4)}},
		models.LedgerRecord{Code: "2406-370303-26-01-000778", Has: models.FieldCompletedYTD, Facts: models.Facts{CompletedYTD: models.Wan}})
	run := func(t *testing.T, s *Store, part int, ranged bool) (string, string) {
		t.Helper()
		defer func(n, m, k int) { planPart, rangeMin, rangeSlack = n, m, k }(planPart, rangeMin, rangeSlack)
		planPart = part
		if ranged { // every sorted part read as a range of the key, other projects in it left out
			rangeMin, rangeSlack = 1, 1000
		}
		ctx := context.Background()
		if _, err := s.SeedPortfolio(ctx, ps, "演示数据"); err != nil {
			t.Fatal(err)
		}
		in := append([]models.LedgerRecord(nil), recs...)
		imp, err := s.CreateImport(ctx, NewImport{FileName: "a.xlsx", Data: []byte("x"), User: admin, Ledger: ledgerOf(june, in...),
			Rules: ImportRules{Additions: []string{"*"}, Reason: "测试"}})
		if err != nil {
			t.Fatal(err)
		}
		if imp.Created != 1 || imp.Updated != 10 || imp.RowsImported != 12 || len(imp.Problems) == 0 || len(imp.Changes) < 21 {
			t.Errorf("parts of %d: created %d, updated %d, imported %d, %d problems, %d changes", part, imp.Created, imp.Updated,
				imp.RowsImported, len(imp.Problems), len(imp.Changes))
		}
		stored, err := s.Import(ctx, imp.ID)
		if err != nil {
			t.Fatal(err)
		}
		imp.CreatedAt, imp.CommittedAt, stored.CreatedAt, stored.CommittedAt = time.Time{}, nil, time.Time{}, nil
		a, _ := json.Marshal(imp)
		b, _ := json.Marshal(stored)
		if string(a) != string(b) {
			t.Errorf("parts of %d: the import returned differs from the one stored:\n%s\n%s", part, a, b)
		}
		if imp.ChangeCount != len(imp.Changes) {
			t.Errorf("parts of %d: ChangeCount %d, %d changes", part, imp.ChangeCount, len(imp.Changes))
		}
		after := dump(t, s)
		if _, err := s.RevertImport(ctx, imp.ID, admin); err != nil {
			t.Fatal(err)
		}
		return string(a), after + "\n--- reverted\n" + dump(t, s)
	}
	eachStore(t, func(t *testing.T, whole *Store) {
		imp1, db1 := run(t, whole, 1000, false)
		for _, ranged := range []bool{false, true} {
			name := map[bool]string{false: "listed", true: "ranged"}[ranged] // distinct names: a SQLite path may not hold '#'
			t.Run(name, func(t *testing.T) {
				eachStore(t, func(t *testing.T, parts *Store) {
					imp3, db3 := run(t, parts, 3, ranged)
					if imp1 != imp3 {
						t.Errorf("import in parts:\n%s\nat once:\n%s", imp3, imp1)
					}
					if db1 != db3 {
						t.Errorf("database in parts:\n%s\nat once:\n%s", db3, db1)
					}
				})
			})
		}
	})
}

// TestImportPartFailingLeavesNothing: parts are written on a goroutine of
// their own while the next is planned; when a later part cannot be
// written (here the last part's planned start falls in a locked quarter)
// the import fails with that part's error after three parts were
// written, and the transaction leaves nothing: no figure, no import, no
// change.
func TestImportPartFailingLeavesNothing(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		defer func(n int) { planPart = n }(planPart)
		planPart = 2
		ctx := context.Background()
		ps := demo.Portfolio2024()
		if _, err := s.SeedPortfolio(ctx, ps, "演示数据"); err != nil {
			t.Fatal(err)
		}
		if err := s.LockQuarter(ctx, 2024, 1, admin); err != nil {
			t.Fatal(err)
		}
		byCode := append([]models.Project(nil), ps...)
		slices.SortFunc(byCode, func(a, b models.Project) int { return strings.Compare(a.Code, b.Code) })
		var recs []models.LedgerRecord
		for i, p := range byCode[:7] {
			recs = append(recs, figureRecord(p, models.Money(100+i)*models.Wan))
		}
		last := &recs[6]
		last.Has |= models.FieldPlannedStart
		last.PlannedStart = models.MonthOf(2024, 2)
		var importsBefore int64
		s.db.Table("imports").Count(&importsBefore)
		before := dump(t, s)
		_, err := s.CreateImport(ctx, NewImport{FileName: "a.xlsx", Data: []byte("x"), User: admin, Ledger: ledgerOf(models.MonthOf(2024, 7), recs...)})
		if models.ErrorCode(err) != models.ECONFLICT || !strings.Contains(models.ErrorMessage(err), "第1季度已锁定") || !strings.Contains(models.ErrorMessage(err), byCode[6].Code) {
			t.Fatalf("import whose last part touches a locked quarter: %v", err)
		}
		var importsAfter, changes int64
		s.db.Table("imports").Count(&importsAfter)
		s.db.Table("import_changes").Count(&changes)
		if importsAfter != importsBefore || changes != 0 {
			t.Errorf("imports %d → %d, %d changes kept", importsBefore, importsAfter, changes)
		}
		if after := dump(t, s); after != before {
			t.Errorf("the database changed:\n%s", firstDiff(before, after))
		}
	})
}
