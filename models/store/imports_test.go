package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"tracker/models"
	"tracker/models/demo"
)

const allFigures = models.FieldName | models.FieldDistrict | models.FieldNature | models.FieldAnnualPlan |
	models.FieldCompletedYTD | models.FieldTotalInvestment | models.FieldPlannedStart | models.FieldActualStart

var admin = models.User{Name: "admin", Role: models.RoleAdmin}

// seeded returns a store with the demo portfolio and two of its projects.
func seeded(t *testing.T, s *Store) (zhangdian, zichuan models.Project) {
	t.Helper()
	ps := demo.Portfolio2024()
	if _, err := s.SeedPortfolio(context.Background(), ps, "演示数据"); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.District == "张店区" && zhangdian.Code == "" {
			zhangdian = p
		}
		if p.District == "淄川区" && zichuan.Code == "" {
			zichuan = p
		}
	}
	return zhangdian, zichuan
}

func ledgerOf(period models.Month, recs ...models.LedgerRecord) *models.Ledger {
	for i := range recs {
		recs[i].Sheet, recs[i].Row = "台账", i+4
	}
	return &models.Ledger{Format: "xlsx", Period: period, Sheets: []string{"台账"}, RowsTotal: len(recs), Records: models.RecordsOf(recs...)}
}

func figureRecord(p models.Project, completed models.Money) models.LedgerRecord {
	return models.LedgerRecord{Code: p.Code, Has: models.FieldCompletedYTD,
		Facts: models.Facts{Name: p.Name, District: p.District, CompletedYTD: completed}}
}

// dump renders every portfolio row, to compare database contents exactly.
func dump(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT code || '|' || name || '|' || district || '|' || unit || '|' || total_investment || '|' || actual_start FROM projects ORDER BY code`,
		`SELECT code || '|' || year || '|' || nature || '|' || annual_plan || '|' || planned_start || '|' || class || '|' || list_from || '|' ||
			list_until || '|' || implemented_from FROM plan_entries ORDER BY code, year`,
		`SELECT code || '|' || period || '|' || COALESCE(completed_ytd, -1) || '|' || source || '|' || COALESCE(import_id, 0) || '|' ||
			COALESCE(progress, '-') || '|' || COALESCE(problems, '-') || '|' || COALESCE(planned_completion, -1) FROM investments ORDER BY code, period`,
		`SELECT year || '|' || source FROM lists ORDER BY year`,
	} {
		var lines []string
		if err := s.db.Raw(q).Scan(&lines).Error; err != nil {
			t.Fatal(err)
		}
		b.WriteString(strings.Join(lines, "\n"))
	}
	return b.String()
}

func TestPreviewCommitReimportRevert(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		before := dump(t, s)
		june := models.MonthOf(2024, 6)
		newProject := models.LedgerRecord{Code: "2406-370303-26-01-000777",

			Has: allFigures, Facts: models.Facts{Name: "张店区测试新项目", District: "张店区", Nature: models.NatureNew,
				AnnualPlan: 5000 * models.Wan, CompletedYTD: 1200 * models.Wan, TotalInvestment: 20000 * models.Wan,
				PlannedStart: models.MonthOf(2024, 5), ActualStart: models.MonthOf(2024, 6)}}
		changed := figureRecord(zd, zd.AnnualPlan*7/10)
		changed.AnnualPlan, changed.Has = zd.AnnualPlan+100*models.Wan, changed.Has|models.FieldAnnualPlan
		ledger := ledgerOf(june, changed, newProject)
		add := ImportRules{Additions: []string{newProject.Code}} // 增补, accepted in the preview

		preview, err := s.CreateImport(ctx, NewImport{FileName: "张店区1-6月.xlsx", Data: []byte("file bytes"), User: admin, Ledger: ledger, DryRun: true, Rules: add})
		if err != nil {
			t.Fatal(err)
		}
		if preview.Status != models.StatusPreviewed || preview.Created != 1 || preview.Updated != 1 || len(preview.Changes) != 4 { // plan, figure, project, its list_from
			t.Fatalf("preview: %+v", preview)
		}
		if dump(t, s) != before {
			t.Fatal("a preview changed the database")
		}
		committed, err := s.CommitImport(ctx, preview.ID, ledger, admin, add)
		if err != nil || committed.Status != models.StatusCommitted || committed.RowsImported != 2 {
			t.Fatalf("commit: %+v %v", committed, err)
		}
		p, _ := s.Project(ctx, zd.Code, 2024)
		if got, _ := p.CompletedAsOf(june); got != zd.AnnualPlan*7/10 || p.AnnualPlan != zd.AnnualPlan+100*models.Wan {
			t.Errorf("after commit: completed %d plan %d", got, p.AnnualPlan)
		}
		if np, err := s.Project(ctx, newProject.Code, 2024); err != nil || np.ListFrom != june || !np.OnListAt(june) || np.OnListAt(june-1) {
			t.Errorf("the addition is not on the list from June: %+v %v", np.Facts, err)
		}
		if _, err := s.CommitImport(ctx, preview.ID, ledger, admin, add); models.ErrorCode(err) != models.ECONFLICT {
			t.Errorf("second commit: %v", err)
		}
		again, err := s.CreateImport(ctx, NewImport{FileName: "again.xlsx", Data: []byte("file bytes"), User: admin, Ledger: ledger})
		if err != nil || again.Unchanged != 2 || again.Created+again.Updated != 0 || len(again.Changes) != 0 {
			t.Fatalf("same figures again: %+v %v", again, err)
		}
		if _, err := s.RevertImport(ctx, again.ID, admin); err != nil {
			t.Fatal(err)
		}
		reverted, err := s.RevertImport(ctx, preview.ID, admin)
		if err != nil || reverted.Status != models.StatusReverted {
			t.Fatalf("revert: %+v %v", reverted, err)
		}
		if after := dump(t, s); after != before {
			t.Errorf("revert did not restore the database:\n%s", firstDiff(before, after))
		}
		name, data, err := s.ImportFile(ctx, preview.ID)
		if err != nil || name != "张店区1-6月.xlsx" || string(data) != "file bytes" {
			t.Errorf("file %q %q %v", name, data, err)
		}
		if imp, _ := s.Import(ctx, preview.ID); imp.SHA256 != fileSHA256([]byte("file bytes")) || imp.FileSize != 10 {
			t.Errorf("sha %s size %d", imp.SHA256, imp.FileSize)
		}
	})
}

func TestRevertRefusesWhileALaterImportChangedTheSameFigure(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		before := dump(t, s)
		june := models.MonthOf(2024, 6)
		first, _ := s.CreateImport(ctx, NewImport{FileName: "a.xlsx", User: admin, Ledger: ledgerOf(june, figureRecord(zd, 111*models.Wan))})
		second, _ := s.CreateImport(ctx, NewImport{FileName: "b.xlsx", User: admin, Ledger: ledgerOf(june, figureRecord(zd, 222*models.Wan))})
		_, err := s.RevertImport(ctx, first.ID, admin)
		if models.ErrorCode(err) != models.ECONFLICT || !strings.Contains(models.ErrorMessage(err), fmt.Sprintf("请先撤销第%d号导入", second.ID)) {
			t.Fatalf("revert of the first: %v", err)
		}
		if _, err := s.RevertImport(ctx, second.ID, admin); err != nil {
			t.Fatal(err)
		}
		p, _ := s.Project(ctx, zd.Code, 2024)
		if got, _ := p.CompletedAsOf(june); got != 111*models.Wan {
			t.Errorf("after reverting the second: %d", got)
		}
		if _, err := s.RevertImport(ctx, first.ID, admin); err != nil {
			t.Fatal(err)
		}
		if dump(t, s) != before {
			t.Error("reverting both did not restore the database")
		}
	})
}

func TestUploaderCannotChangeAnotherDistrictsProject(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, zc := seeded(t, s)
		before := dump(t, s)
		uploader := models.User{Name: "zd", Role: models.RoleUploader, District: "张店区"}
		foreign := figureRecord(zc, 1*models.Wan)
		foreign.District = "张店区" // claims to be ours
		imp, err := s.CreateImport(ctx, NewImport{FileName: "x.xlsx", User: uploader, Ledger: ledgerOf(models.MonthOf(2024, 6), foreign)})
		if err != nil || imp.Status != models.StatusRejected || imp.RowsImported != 0 || len(imp.Problems) != 1 || imp.Problems[0].Severity != "error" {
			t.Fatalf("%+v %v", imp, err)
		}
		if dump(t, s) != before {
			t.Error("a refused row changed the database")
		}
		ok, _ := s.CreateImport(ctx, NewImport{FileName: "y.xlsx", User: uploader, Ledger: ledgerOf(models.MonthOf(2024, 6), figureRecord(zd, 3*models.Wan))})
		if ok.Status != models.StatusCommitted || ok.Updated != 1 || strings.Join(ok.Districts, ",") != "张店区" {
			t.Errorf("own district: %+v", ok)
		}
	})
}

func TestLowerCumulativeFigureIsAWarning(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		zd, _ := seeded(t, s)
		july := models.MonthOf(2024, 7)
		imp, err := s.CreateImport(context.Background(), NewImport{FileName: "x.xlsx", User: admin, Ledger: ledgerOf(july, figureRecord(zd, 0))})
		if err != nil || imp.Status != models.StatusCommitted || len(imp.Problems) != 1 || imp.Problems[0].Severity != "warning" ||
			!strings.Contains(imp.Problems[0].Message, "低于上月") {
			t.Fatalf("%+v %v", imp.Problems, err)
		}
	})
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return al[i] + "\n" + bl[i]
		}
	}
	return fmt.Sprintf("%d vs %d lines", len(al), len(bl))
}

func TestLockedQuarterRefusesImportsAndReverts(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		june := models.MonthOf(2024, 6)
		done, _ := s.CreateImport(ctx, NewImport{FileName: "a.xlsx", User: admin, Ledger: ledgerOf(june, figureRecord(zd, 5*models.Wan))})
		preview, _ := s.CreateImport(ctx, NewImport{FileName: "b.xlsx", User: admin, Ledger: ledgerOf(june, figureRecord(zd, 6*models.Wan)), DryRun: true})
		if err := s.LockQuarter(ctx, 2024, 2, admin); err != nil {
			t.Fatal(err)
		}
		before := dump(t, s)
		_, err := s.CreateImport(ctx, NewImport{FileName: "c.xlsx", User: admin, Ledger: ledgerOf(june, figureRecord(zd, 7*models.Wan))})
		if models.ErrorCode(err) != models.ECONFLICT || !strings.Contains(models.ErrorMessage(err), "第2季度已锁定") {
			t.Errorf("import into a locked quarter: %v", err)
		}
		if _, err := s.CommitImport(ctx, preview.ID, ledgerOf(june, figureRecord(zd, 6*models.Wan)), admin, ImportRules{}); models.ErrorCode(err) != models.ECONFLICT {
			t.Errorf("commit into a locked quarter: %v", err)
		}
		if _, err := s.RevertImport(ctx, done.ID, admin); models.ErrorCode(err) != models.ECONFLICT {
			t.Errorf("revert in a locked quarter: %v", err)
		}
		if dump(t, s) != before {
			t.Error("a locked quarter changed")
		}
		if _, err := s.CreateImport(ctx, NewImport{FileName: "d.xlsx", User: admin, Ledger: ledgerOf(models.MonthOf(2024, 7), figureRecord(zd, 8*models.Wan))}); err != nil {
			t.Errorf("July is open: %v", err)
		}
		s.UnlockQuarter(ctx, 2024, 2)
		if locks, _ := s.Locks(ctx); len(locks) != 0 {
			t.Errorf("locks after unlock: %v", locks)
		}
		if _, err := s.RevertImport(ctx, done.ID, admin); err != nil {
			t.Errorf("revert after unlock: %v", err)
		}
	})
}

func TestHandEditIsRecordedAndRevertible(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, zc := seeded(t, s)
		before := dump(t, s)
		june := models.MonthOf(2024, 6)
		v, started := 4321*models.Wan, models.MonthOf(2024, 5)
		imp, err := s.EditProject(ctx, zd.Code, editOf(t, `{"period":"2024-06","completed_ytd_wan":4321,"actual_start":"2024-05","note":"核对后更正"}`), admin, false)
		if err != nil || imp.Kind != models.ImportEdit || imp.Status != models.StatusCommitted || len(imp.Changes) == 0 {
			t.Fatalf("edit: %+v %v", imp, err)
		}
		p, _ := s.Project(ctx, zd.Code, 2024)
		if got, _ := p.CompletedAsOf(june); got != v || p.ActualStart != started {
			t.Errorf("after edit: %d %v", got, p.ActualStart)
		}
		uploader := models.User{Name: "zd", Role: models.RoleUploader, District: "张店区"}
		if _, err := s.EditProject(ctx, zc.Code, editOf(t, `{"period":"2024-06","completed_ytd_wan":4321}`), uploader, false); models.ErrorCode(err) != models.EFORBIDDEN {
			t.Errorf("uploader edited another unit's project: %v", err)
		}
		if _, err := s.EditProject(ctx, zd.Code, editOf(t, `{"period":"2024-06","annual_plan_wan":-1}`), admin, false); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("negative plan: %v", err)
		}
		if _, err := s.RevertImport(ctx, imp.ID, admin); err != nil {
			t.Fatal(err)
		}
		if dump(t, s) != before {
			t.Error("reverting the edit did not restore the database")
		}
	})
}

func TestAuditTracesEveryChangeToAPersonAndAnImport(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		june := models.MonthOf(2024, 6)
		up, _ := s.CreateImport(ctx, NewImport{FileName: "zd.xlsx", User: models.User{Name: "zd", Role: models.RoleUploader, District: "张店区"},
			Ledger: ledgerOf(june, figureRecord(zd, 9*models.Wan))})
		ed, _ := s.EditProject(ctx, zd.Code, editOf(t, `{"period":"2024-06","completed_ytd_wan":10}`), admin, false)
		s.RevertImport(ctx, ed.ID, admin)
		entries, err := s.Audit(ctx, models.AuditFilter{Code: zd.Code})
		if err != nil || len(entries) != 2 {
			t.Fatalf("%d entries, %v", len(entries), err)
		}
		e := entries[0]
		if e.ImportID != ed.ID || e.Kind != models.ImportEdit || e.User != "admin" || e.Status != models.StatusReverted || e.RevertedBy != "admin" ||
			*e.Old != "9" || *e.New != "10" || e.Period != june || e.At == nil {
			t.Errorf("edit entry %+v", e)
		}
		if e := entries[1]; e.ImportID != up.ID || e.User != "zd" || e.FileName != "zd.xlsx" || *e.New != "9" {
			t.Errorf("upload entry %+v", e)
		}
		if got, _ := s.Audit(ctx, models.AuditFilter{User: "zd"}); len(got) != 1 {
			t.Errorf("by user: %d", len(got))
		}
	})
}

// editOf reads a hand edit as PATCH sends it.
func editOf(t *testing.T, body string) models.Edit {
	t.Helper()
	var e models.Edit
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatalf("edit %s: %v", body, err)
	}
	return e
}

// TestTheStoreClockStampsEverything: imports, commits, reverts and locks
// take their time from the store's clock, GORM's own stamps included.
func TestTheStoreClockStampsEverything(t *testing.T) {
	s := openSQLiteTest(t)
	ctx := context.Background()
	at := time.Date(2024, 7, 3, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	s.SetClock(func() time.Time { return at })
	zd, _ := seeded(t, s)
	imp, err := s.CreateImport(ctx, NewImport{FileName: "x.csv", User: admin, Ledger: ledgerOf(models.MonthOf(2024, 6), figureRecord(zd, 9*models.Wan))})
	if err != nil {
		t.Fatal(err)
	}
	if !imp.CreatedAt.Equal(at) || imp.CommittedAt == nil || !imp.CommittedAt.Equal(at) || imp.CreatedAt.Location() != time.UTC {
		t.Errorf("stamps %v %v, want %v in UTC", imp.CreatedAt, imp.CommittedAt, at)
	}
	s.LockQuarter(ctx, 2024, 1, admin)
	locks, _ := s.Locks(ctx)
	if len(locks) != 1 || !locks[0].LockedAt.Equal(at) {
		t.Errorf("lock stamped %v, want %v", locks, at)
	}
}
