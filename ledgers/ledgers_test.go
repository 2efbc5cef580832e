package ledgers

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"tracker/models"
	"tracker/models/demo"
	"tracker/models/store"
)

var (
	office    = models.User{Name: "office", Role: models.RoleAdmin}
	zhangdian = models.User{Name: "zd", Role: models.RoleUploader, District: "张店区"}
	zichuan   = models.User{Name: "zc", Role: models.RoleUploader, District: "淄川区"}
	reviewer  = models.User{Name: "rv", Role: models.RoleReviewer}
)

// fixture is a service on a fresh SQLite file with the demo's projects of
// 张店区 and 淄川区, and one of each.
func fixture(t *testing.T) (*Service, models.Project, models.Project) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var zd, zc models.Project
	var some []models.Project
	for _, p := range demo.Portfolio2024() {
		switch {
		case p.District == "张店区" && zd.Code == "":
			zd = p
		case p.District == "淄川区" && zc.Code == "":
			zc = p
		default:
			continue
		}
		some = append(some, p)
	}
	if _, err := s.SeedPortfolio(context.Background(), some, "演示数据"); err != nil {
		t.Fatal(err)
	}
	return &Service{Store: s}, zd, zc
}

func csvOf(rows ...models.Project) []byte {
	var b strings.Builder
	b.WriteString("2024年1-6月市重大项目建设情况台账\n项目代码,项目名称,所属区县,1-6月累计完成投资（万元）\n")
	for i, p := range rows {
		fmt.Fprintf(&b, "%s,%s,%s,%d\n", p.Code, p.Name, p.District, 1000+i)
	}
	return []byte(b.String())
}

// TestAnotherUnitsImportIsNotFound: the API and the pages ask one rule,
// so an uploader of 淄川区 cannot see, download or change 张店区's import.
func TestAnotherUnitsImportIsNotFound(t *testing.T) {
	svc, zd, _ := fixture(t)
	ctx := context.Background()
	imp, err := svc.Import(ctx, Upload{FileName: "张店.csv", Data: csvOf(zd), User: zhangdian, DryRun: true})
	if err != nil || imp.Status != models.StatusPreviewed {
		t.Fatalf("preview: %+v %v", imp, err)
	}
	for _, u := range []models.User{office, zhangdian, reviewer} {
		if _, err := svc.Get(ctx, imp.ID, u); err != nil {
			t.Errorf("%s cannot see the import: %v", u.Name, err)
		}
	}
	if _, err := svc.Get(ctx, imp.ID, zichuan); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("淄川区 sees 张店区's preview: %v", err)
	}
	if _, _, err := svc.File(ctx, imp.ID, zichuan); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("淄川区 downloads 张店区's file: %v", err)
	}
	if _, err := svc.Commit(ctx, imp.ID, zichuan); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("淄川区 commits 张店区's preview: %v", err)
	}
	if _, err := svc.Commit(ctx, imp.ID, reviewer); models.ErrorCode(err) != models.EFORBIDDEN {
		t.Errorf("a reviewer commits: %v", err)
	}
	hist, err := svc.History(ctx, models.ImportFilter{}, zichuan, 10)
	if err != nil || len(hist) != 0 {
		t.Errorf("淄川区's history holds %d imports (%v), want none", len(hist), err)
	}
	if hist, _ := svc.History(ctx, models.ImportFilter{}, zhangdian, 10); len(hist) != 1 {
		t.Errorf("张店区's history holds %d imports, want its own", len(hist))
	}
}

// TestCommitReadsTheFileAsItWasRead: the office committing a district's
// preview applies only what the district's preview did — rows of another
// unit stay refused.
func TestCommitReadsTheFileAsItWasRead(t *testing.T) {
	svc, zd, zc := fixture(t)
	ctx := context.Background()
	imp, err := svc.Import(ctx, Upload{FileName: "张店.csv", Data: csvOf(zd, zc), User: zhangdian, DryRun: true})
	if err != nil || imp.RowsImported != 1 || !imp.HasErrors() {
		t.Fatalf("preview: %d rows applied, errors %v, %v", imp.RowsImported, imp.HasErrors(), err)
	}
	done, err := svc.Commit(ctx, imp.ID, office)
	if err != nil || done.Status != models.StatusCommitted || done.RowsImported != 1 {
		t.Fatalf("commit: %+v %v", done, err)
	}
	p, _ := svc.Store.Project(ctx, zc.Code, 2024)
	if got, _ := p.CompletedAsOf(models.MonthOf(2024, 6)); got == 1001*models.Wan {
		t.Error("the office's commit applied 淄川区's row of 张店区's ledger")
	}
	if _, err := svc.Revert(ctx, done.ID, zichuan); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("淄川区 reverts 张店区's import: %v", err)
	}
	if r, err := svc.Revert(ctx, done.ID, zhangdian); err != nil || r.Status != models.StatusReverted {
		t.Errorf("张店区 reverts its own import: %v", err)
	}
}

// TestRolloverStartsNextYearsListFromThisOne: the unfinished projects on
// December's list go on into next year's list, 续建 once started, as a
// preview of a list import the office commits.
func TestRolloverStartsNextYearsListFromThisOne(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	svc := &Service{Store: s}
	if _, err := svc.Rollover(ctx, 2024, zhangdian); models.ErrorCode(err) != models.EFORBIDDEN {
		t.Errorf("an uploader rolled over: %v", err)
	}
	dec, _ := s.PortfolioAsOf(ctx, models.MonthOf(2024, 12))
	want, started := 0, ""
	for _, p := range dec {
		if p.PlannedCompletion.IsZero() || p.PlannedCompletion.Year() > 2024 {
			want++
			if p.Nature == models.NatureNew && !p.ActualStart.IsZero() && started == "" {
				started = p.Code
			}
		}
	}
	pre, err := svc.Rollover(ctx, 2024, office)
	if err != nil || pre.Status != models.StatusPreviewed || pre.Kind != models.ImportList || pre.Period != models.MonthOf(2025, 1) || pre.RowsImported != want {
		t.Fatalf("rollover preview: %+v %v (want %d rows)", pre, err, want)
	}
	if _, err := s.ListItems(ctx, 2025); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("the preview already made a 2025 list: %v", err)
	}
	if _, err := svc.Commit(ctx, pre.ID, office); err != nil {
		t.Fatal(err)
	}
	items, err := s.ListItems(ctx, 2025)
	if err != nil || len(items) != want {
		t.Fatalf("2025 list: %d items (%v), want %d", len(items), err, want)
	}
	if p, err := s.Project(ctx, started, 2025); err != nil || p.Nature != models.NatureContinuing || p.AnnualPlan != 0 {
		t.Errorf("a 2024 新开工 started in 2024 is %s with plan %v in 2025 (%v), want 续建 without a plan", p.Nature, p.AnnualPlan, err)
	}
}
