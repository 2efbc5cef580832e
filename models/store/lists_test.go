package store

import (
	"context"
	"fmt"
	"testing"

	"tracker/models"
)

// TestAWithdrawnProjectCountsUntilItsMonth: 调出 from July counts in June's
// rates and not July's; the change is in the audit trail and the list's
// changes, and reverting it restores the database exactly.
func TestAWithdrawnProjectCountsUntilItsMonth(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		before := dump(t, s)
		june, july := models.MonthOf(2024, 6), models.MonthOf(2024, 7)
		count := func(m models.Month) (n int, found bool) {
			ps, err := s.PortfolioAsOf(ctx, m)
			if err != nil {
				t.Fatal(err)
			}
			r := models.ComputeRates(ps, m, models.DefaultRateConfig(), nil, nil)
			for _, p := range ps {
				found = found || p.Code == zd.Code
			}
			return r.Projects, found
		}
		n6, _ := count(june)
		imp, err := s.ChangeList(ctx, 2024, models.ListChange{Code: zd.Code, Action: models.ListRemove, Effective: july, Reason: "项目终止"}, admin)
		if err != nil || imp.Kind != models.ImportListChange || imp.Status != models.StatusCommitted || len(imp.Changes) != 1 {
			t.Fatalf("remove: %+v %v", imp, err)
		}
		if got, found := count(june); got != n6 || !found {
			t.Errorf("June counts %d (on the list %v), want %d with it", got, found, n6)
		}
		if got, found := count(july); got != n6-1 || found {
			t.Errorf("July counts %d (on the list %v), want %d without it", got, found, n6-1)
		}
		changes, err := s.ListChanges(ctx, 2024, "")
		if err != nil || len(changes) != 1 || changes[0].Action != models.ListRemove || changes[0].Effective != july ||
			changes[0].Reason != "项目终止" || changes[0].User != "admin" || changes[0].ImportID != imp.ID {
			t.Errorf("list changes %+v %v", changes, err)
		}
		audit, _ := s.Audit(ctx, models.AuditFilter{Code: zd.Code})
		if len(audit) != 1 || audit[0].Field != "list_until" || *audit[0].New != "2024-07" || audit[0].Kind != models.ImportListChange {
			t.Errorf("audit %+v", audit)
		}
		if _, err := s.ChangeList(ctx, 2024, models.ListChange{Code: zd.Code, Action: models.ListRemove, Effective: july, Reason: "再次"}, admin); models.ErrorCode(err) != models.ECONFLICT {
			t.Errorf("removing twice: %v", err)
		}
		uploader := models.User{Name: "zd", Role: models.RoleUploader, District: "张店区"}
		if _, err := s.ChangeList(ctx, 2024, models.ListChange{Code: zd.Code, Action: models.ListAdd, Effective: july, Reason: "x"}, uploader); models.ErrorCode(err) != models.EFORBIDDEN {
			t.Errorf("an uploader changed the list: %v", err)
		}
		if _, err := s.RevertImport(ctx, imp.ID, admin); err != nil {
			t.Fatal(err)
		}
		if after := dump(t, s); after != before {
			t.Errorf("revert did not restore the list:\n%s", firstDiff(before, after))
		}
	})
}

// TestImplementAndAddFromAMonth: a 准备类 project counts from the month it
// moves to 实施类; a project added (增补) from September counts from then.
func TestImplementAndAddFromAMonth(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, zc := seeded(t, s)
		s.db.Exec(`UPDATE plan_entries SET class = '准备类' WHERE code = ? AND year = 2024`, zd.Code)
		s.db.Exec(`DELETE FROM plan_entries WHERE code = ? AND year = 2024`, zc.Code)
		aug, sep := models.MonthOf(2024, 8), models.MonthOf(2024, 9)
		counted := func(code string, m models.Month) bool {
			ps, _ := s.PortfolioAsOf(ctx, m)
			for i := range ps {
				if ps[i].Code == code {
					return ps[i].CountsAt(m)
				}
			}
			return false
		}
		if counted(zd.Code, aug) {
			t.Error("a 准备类 project counts")
		}
		if _, err := s.ChangeList(ctx, 2024, models.ListChange{Code: zd.Code, Action: models.ListImplement, Effective: sep, Reason: "手续齐备"}, admin); err != nil {
			t.Fatal(err)
		}
		if counted(zd.Code, aug) || !counted(zd.Code, sep) {
			t.Errorf("implemented from September: counts in August %v, September %v", counted(zd.Code, aug), counted(zd.Code, sep))
		}
		if _, err := s.ChangeList(ctx, 2024, models.ListChange{Code: zc.Code, Action: models.ListAdd, Effective: sep, Reason: "新增"}, admin); err != nil {
			t.Fatal(err)
		}
		if counted(zc.Code, aug) || !counted(zc.Code, sep) {
			t.Errorf("added from September: counts in August %v, September %v", counted(zc.Code, aug), counted(zc.Code, sep))
		}
		items, err := s.ListItems(ctx, 2024)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if it.Code == zc.Code && (it.From != sep || it.To != 0) {
				t.Errorf("item %+v: want from 2024-09", it)
			}
		}
	})
}

// TestTheDemoReproducesBothPublishedYears: loaded into the database (both
// dialects), 2023 and 2024 at year end give the published results exactly.
func TestTheDemoReproducesBothPublishedYears(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		if _, err := s.SeedDemo(ctx); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.SeedDemo(ctx); n != 0 {
			t.Errorf("loading the demo again added %d projects", n)
		}
		for _, want := range []struct {
			year, projects, planned, started int
			total, plan, done                models.Money
		}{
			{2023, 536, 245, 248, 5930 * models.Yi, 1265 * models.Yi, 1310 * models.Yi},
			{2024, 530, 296, 296, 6035 * models.Yi, 113450 * models.Yi / 100, 1181 * models.Yi},
		} {
			dec := models.MonthOf(want.year, 12)
			ps, err := s.PortfolioAsOf(ctx, dec)
			if err != nil {
				t.Fatal(err)
			}
			r := models.ComputeRates(ps, dec, models.DefaultRateConfig(), nil, nil)
			got := []any{r.Projects, r.TotalInvestment, r.AnnualPlan, r.Completed, r.PlannedStarts, r.ActualStarts}
			exp := []any{want.projects, want.total, want.plan, want.done, want.planned, want.started}
			if fmt.Sprint(got) != fmt.Sprint(exp) {
				t.Errorf("%d: projects, total, plan, completed, planned, started = %v, want %v", want.year, got, exp)
			}
		}
		changes, err := s.ListChanges(ctx, 2024, "")
		if err != nil || len(changes) != 5 {
			t.Errorf("2024's list changes: %d (%v), want the demo's 5", len(changes), err)
		}
	})
}
