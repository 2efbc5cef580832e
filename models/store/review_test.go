package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"tracker/models"
	"tracker/models/demo"
)

// firstOf is the first demo project of a unit.
func firstOf(t *testing.T, unit string) models.Project {
	t.Helper()
	for _, p := range demo.Portfolio2024() {
		if p.District == unit {
			return p
		}
	}
	t.Fatalf("no demo project of %s", unit)
	return models.Project{}
}

func uploaderOf(unit string) models.User {
	return models.User{Name: "u-" + unit, Role: models.RoleUploader, District: unit}
}

func TestSubmittedUploadChangesNothingUntilApproved(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, zc := seeded(t, s)
		june, zdUp := models.MonthOf(2024, 6), uploaderOf("张店区")
		before := dump(t, s)
		// The uploader's ledger carries a row of another unit: refused for
		// the uploader, and still refused when the office approves.
		imp, err := s.CreateImport(ctx, NewImport{FileName: "zd.xlsx", User: zdUp, Submit: true,
			Ledger: ledgerOf(june, figureRecord(zd, 4321*models.Wan), figureRecord(zc, 99*models.Wan))})
		if err != nil || imp.Status != models.StatusSubmitted || imp.SubmittedAt == nil || imp.Unit != "张店区" || imp.CommittedAt != nil {
			t.Fatalf("submitted: %+v %v", imp, err)
		}
		if got := dump(t, s); got != before {
			t.Fatalf("a submitted upload changed the database:\n%s", firstDiff(before, got))
		}
		if _, err := s.CommitImport(ctx, imp.ID, ledgerOf(june, figureRecord(zd, 1)), admin, ImportRules{}); models.ErrorCode(err) != models.ECONFLICT {
			t.Errorf("commit of a submitted import: %v, want ECONFLICT", err)
		}
		done, err := s.ApproveImport(ctx, imp.ID, ledgerOf(june, figureRecord(zd, 4321*models.Wan), figureRecord(zc, 99*models.Wan)),
			zdUp, admin, ImportRules{})
		if err != nil || done.Status != models.StatusCommitted || done.ReviewedBy != "admin" || done.ReviewedAt == nil || done.RowsImported != 1 {
			t.Fatalf("approved: %+v %v", done, err)
		}
		p, _ := s.Project(ctx, zd.Code, 2024)
		q, _ := s.Project(ctx, zc.Code, 2024)
		pj, _ := p.CompletedAsOf(june)
		qj, _ := q.CompletedAsOf(june)
		zcj, _ := zc.CompletedAsOf(june)
		if pj != 4321*models.Wan || qj != zcj {
			t.Errorf("after approval: 张店区 %d (want %d), 淄川区 %d (want %d, another unit's row)", pj, 4321*models.Wan, qj, zcj)
		}
		if got, _ := s.Import(ctx, imp.ID); got.SubmittedAt == nil || got.SubmittedAt.Sub(*imp.SubmittedAt).Abs() > time.Millisecond || got.Unit != "张店区" {
			t.Errorf("approval kept the submission: %+v", got)
		}
	})
}

func TestReturnedUploadLeavesEverythingAndKeepsTheReason(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		june := models.MonthOf(2024, 6)
		before := dump(t, s)
		imp, _ := s.CreateImport(ctx, NewImport{FileName: "zd.xlsx", User: uploaderOf("张店区"), Submit: true, Ledger: ledgerOf(june, figureRecord(zd, 7*models.Wan))})
		if _, err := s.ReturnImport(ctx, imp.ID, admin, "  "); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("return without a reason: %v, want EINVALID", err)
		}
		got, err := s.ReturnImport(ctx, imp.ID, admin, " 第4行本年完成投资有误 ")
		if err != nil || got.Status != models.StatusReturned || got.ReturnReason != "第4行本年完成投资有误" || got.ReviewedBy != "admin" || got.ReviewedAt == nil {
			t.Fatalf("returned: %+v %v", got, err)
		}
		if after := dump(t, s); after != before {
			t.Fatalf("a returned upload changed the database:\n%s", firstDiff(before, after))
		}
		for _, try := range []func() error{
			func() error { _, err := s.ReturnImport(ctx, imp.ID, admin, "再退一次"); return err },
			func() error {
				_, err := s.ApproveImport(ctx, imp.ID, ledgerOf(june, figureRecord(zd, 7*models.Wan)), uploaderOf("张店区"), admin, ImportRules{})
				return err
			},
		} {
			if err := try(); models.ErrorCode(err) != models.ECONFLICT {
				t.Errorf("after return: %v, want ECONFLICT", err)
			}
		}
		if imps, _ := s.Imports(ctx, models.ImportFilter{Status: models.StatusSubmitted}); len(imps) != 0 {
			t.Errorf("待审核 after the return: %d imports", len(imps))
		}
	})
}

// TestSubmissionsCountOnlyAUnitsOwnApprovedUploads: 张店区 sent on time and
// was approved; 淄川区 sent late and was approved; 博山区 was hand-edited
// and 周村区 imported by the office (neither counts); 临淄区 waits for
// review; 桓台县 was returned; 高青县 was approved and reverted.
func TestSubmissionsCountOnlyAUnitsOwnApprovedUploads(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		seeded(t, s)
		june := models.MonthOf(2024, 6)
		at := func(d int) {
			s.now = func() time.Time { return time.Date(2024, 7, d, 10, 0, 0, 0, models.OfficeZone).UTC() }
		}
		send := func(unit string, submit bool) *models.Import {
			t.Helper()
			imp, err := s.CreateImport(ctx, NewImport{FileName: unit + ".xlsx", User: uploaderOf(unit), Submit: submit,
				Ledger: ledgerOf(june, figureRecord(firstOf(t, unit), 5*models.Wan))})
			if err != nil {
				t.Fatal(err)
			}
			return imp
		}
		approve := func(imp *models.Import, unit string) {
			t.Helper()
			if _, err := s.ApproveImport(ctx, imp.ID, ledgerOf(june, figureRecord(firstOf(t, unit), 5*models.Wan)), uploaderOf(unit), admin, ImportRules{}); err != nil {
				t.Fatal(err)
			}
		}
		at(3)
		zd := send("张店区", true)
		lz := send("临淄区", true)
		ht := send("桓台县", true)
		gq := send("高青县", false) // review off: committed at once
		at(5)
		approve(zd, "张店区")
		s.ReturnImport(ctx, ht.ID, admin, "数据不全")
		if _, err := s.RevertImport(ctx, gq.ID, admin); err != nil {
			t.Fatal(err)
		}
		e := models.Edit{Period: june, Note: "核实后更正", Set: models.FieldCompletedYTD, Values: models.Facts{CompletedYTD: 8 * models.Wan}}
		if _, err := s.EditProject(ctx, firstOf(t, "博山区").Code, e, admin, false); err != nil {
			t.Fatal(err)
		}
		s.CreateImport(ctx, NewImport{FileName: "周村区.xlsx", User: admin, Ledger: ledgerOf(june, figureRecord(firstOf(t, "周村区"), 5*models.Wan))})
		at(6)
		zc := send("淄川区", true)
		approve(zc, "淄川区")

		at(6)
		subs, err := s.Submissions(ctx, june, models.Collection{})
		if err != nil || len(subs) != 12 {
			t.Fatalf("%d units, %v", len(subs), err)
		}
		type line struct {
			submitted, approved, late bool
			id                        int64
			status                    models.ImportStatus
		}
		want := map[string]line{
			"张店区": {true, true, false, zd.ID, models.StatusCommitted}, "淄川区": {true, true, true, zc.ID, models.StatusCommitted},
			"临淄区": {true, false, false, lz.ID, models.StatusSubmitted}, "桓台县": {false, false, true, ht.ID, models.StatusReturned},
		}
		for _, sub := range subs {
			w := want[sub.Unit]
			if w.id == 0 {
				w.late = true // nothing sent, deadline past
			}
			var id int64
			if sub.ImportID != nil {
				id = *sub.ImportID
			}
			got := line{sub.Submitted, sub.Approved, sub.Late, id, sub.Status}
			if got != w || sub.Deadline != "2024-07-05" {
				t.Errorf("%s: %+v deadline %s, want %+v 2024-07-05", sub.Unit, got, sub.Deadline, w)
			}
		}
		// Before the deadline, a unit that has not sent is not late.
		subs, _ = s.Submissions(ctx, june, models.Collection{DeadlineDay: 10})
		for _, sub := range subs {
			if sub.Late || sub.Deadline != "2024-07-10" {
				t.Errorf("deadline the 10th: %s late %v deadline %s", sub.Unit, sub.Late, sub.Deadline)
			}
		}
		if subs, _ := s.Submissions(ctx, models.MonthOf(2024, 7), models.Collection{}); subs[0].Submitted {
			t.Errorf("July counted June's ledger")
		}
	})
}

func TestHandEditKeepsItsReason(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		e := models.Edit{Period: models.MonthOf(2024, 6), Note: "与区县核实后更正", Set: models.FieldCompletedYTD, Values: models.Facts{CompletedYTD: 8 * models.Wan}}
		imp, err := s.EditProject(ctx, zd.Code, e, admin, false)
		if err != nil || imp.Note != "与区县核实后更正" {
			t.Fatalf("%+v %v", imp, err)
		}
		entries, err := s.Audit(ctx, models.AuditFilter{Code: zd.Code})
		if err != nil || len(entries) != 1 || entries[0].Note != "与区县核实后更正" {
			t.Errorf("audit: %+v %v", entries, err)
		}
	})
}

// TestMigrationFillsInEarlierEditsReasons: an edit recorded before the
// review step gets its 修改原因 from its kept edit.
func TestMigrationFillsInEarlierEditsReasons(t *testing.T) {
	check := func(t *testing.T, s *Store, upgrade func()) {
		ctx := context.Background()
		err := s.db.Exec(`INSERT INTO imports (status, kind, file_name, sha256, period, file_data) VALUES (?, ?, ?, '', 202406, ?), (?, ?, ?, '', 202406, ?)`,
			models.StatusCommitted, models.ImportEdit, "手工修改 A", []byte(`{"period":"2024-06","note":"旧的修改原因"}`),
			models.StatusCommitted, models.ImportEdit, "手工修改 B", []byte(`not json`)).Error
		if err != nil {
			t.Fatal(err)
		}
		upgrade()
		imps, err := s.Imports(ctx, models.ImportFilter{})
		if err != nil || len(imps) != 2 || imps[1].Note != "旧的修改原因" || imps[0].Note != "" {
			t.Fatalf("after migration: %+v %v", imps, err)
		}
	}
	fromVersion(t, reviewVersion-1, check)
}

// TestMigrationNamesUploadsMonthly: a ledger upload recorded with the old
// kind "upload" is of kind monthly after the migration, as the API names
// it (kind=monthly); the other kinds keep theirs.
func TestMigrationNamesUploadsMonthly(t *testing.T) {
	check := func(t *testing.T, s *Store, upgrade func()) {
		ctx := context.Background()
		err := s.db.Exec(`INSERT INTO imports (status, kind, file_name, sha256, period, file_data) VALUES (?, 'upload', '张店区台账.xlsx', '', 202406, ?), (?, ?, '手工修改', '', 202406, ?)`,
			models.StatusCommitted, []byte("x"), models.StatusCommitted, models.ImportEdit, []byte(`{"period":"2024-06","note":"更正"}`)).Error
		if err != nil {
			t.Fatal(err)
		}
		upgrade()
		imps, err := s.Imports(ctx, models.ImportFilter{})
		if err != nil || len(imps) != 2 {
			t.Fatalf("after migration: %+v %v", imps, err)
		}
		kinds := map[string]models.ImportKind{imps[0].FileName: imps[0].Kind, imps[1].FileName: imps[1].Kind}
		if kinds["张店区台账.xlsx"] != "monthly" || kinds["手工修改"] != models.ImportEdit {
			t.Errorf("kinds after migration: %v", kinds)
		}
	}
	fromVersion(t, monthlyKindVersion-1, check)
}

// fromVersion runs check on a store at schema version v, on SQLite and on
// PostgreSQL when TRACKER_TEST_POSTGRES is set; upgrade migrates it to the
// latest version.
func fromVersion(t *testing.T, v int, check func(t *testing.T, s *Store, upgrade func())) {
	t.Helper()
	upgrade := func(t *testing.T, s *Store) func() {
		return func() {
			if err := s.Migrate(context.Background(), len(migrations)); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Run("sqlite", func(t *testing.T) {
		s, err := openOnly(filepath.Join(t.TempDir(), "old.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := s.Migrate(context.Background(), v); err != nil {
			t.Fatal(err)
		}
		check(t, s, upgrade(t, s))
	})
	if dsn := os.Getenv("TRACKER_TEST_POSTGRES"); dsn != "" {
		t.Run("postgres", func(t *testing.T) {
			s := openPostgresTest(t, dsn, v)
			check(t, s, upgrade(t, s))
		})
	}
}
