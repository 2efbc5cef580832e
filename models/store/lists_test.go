package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"tracker/models"
	"tracker/models/demo"
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

// TestAListChangeAfterALockedQuarterIsAllowed: with the first quarter
// locked, a 增补 from September of a project that had no entry in the
// year, a 调出 and a 准备类 → 实施类 from September change nothing in the
// quarter and are made; a 增补 that would take an entry off the list in
// January to March is refused.
func TestAListChangeAfterALockedQuarterIsAllowed(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, zc := seeded(t, s)
		s.db.Exec(`DELETE FROM plan_entries WHERE code = ? AND year = 2024`, zc.Code)
		if err := s.LockQuarter(ctx, 2024, 1, admin); err != nil {
			t.Fatal(err)
		}
		sep := models.MonthOf(2024, 9)
		if _, err := s.ChangeList(ctx, 2024, models.ListChange{Code: zc.Code, Action: models.ListAdd, Effective: sep, Reason: "新增"}, admin); err != nil {
			t.Errorf("增补 from September with the first quarter locked: %v", err)
		}
		if _, err := s.ChangeList(ctx, 2024, models.ListChange{Code: zd.Code, Action: models.ListRemove, Effective: sep, Reason: "终止"}, admin); err != nil {
			t.Errorf("调出 from September with the first quarter locked: %v", err)
		}
		var other models.Project
		for _, p := range demo.Portfolio2024() {
			if p.Code != zd.Code && p.Code != zc.Code {
				other = p
				break
			}
		}
		s.db.Exec(`UPDATE plan_entries SET list_until = 202402 WHERE code = ? AND year = 2024`, other.Code)
		_, err := s.ChangeList(ctx, 2024, models.ListChange{Code: other.Code, Action: models.ListAdd, Effective: sep, Reason: "重新列入"}, admin)
		if models.ErrorCode(err) != models.ECONFLICT || !strings.Contains(err.Error(), "第1季度已锁定") {
			t.Errorf("re-adding from September a project on the list in January (the quarter loses it): %v", err)
		}
	})
}

// TestCorrectionsListOnlyListChangesThatChangeTheQuarter: changes made
// after the first quarter was locked are its 更正 when they change its
// figures: a 调出 from February is, a 调出 from July (the quarter as sent
// still holds) is not.
func TestCorrectionsListOnlyListChangesThatChangeTheQuarter(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, zc := seeded(t, s)
		lockedAt := s.Now().Add(-time.Hour)
		for _, c := range []models.ListChange{
			{Code: zd.Code, Action: models.ListRemove, Effective: models.MonthOf(2024, 7), Reason: "终止"},
			{Code: zc.Code, Action: models.ListRemove, Effective: models.MonthOf(2024, 2), Reason: "终止"},
		} {
			if _, err := s.ChangeList(ctx, 2024, c, admin); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.LockQuarter(ctx, 2024, 1, admin); err != nil {
			t.Fatal(err)
		}
		s.db.Exec(`UPDATE locks SET locked_at = ?`, lockedAt) // both changes came after the lock
		cs, err := s.Corrections(ctx, models.MonthOf(2024, 6))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, fmt.Sprintf("Q%d %s %s %s", c.Quarter, c.Code, c.Field, deref(c.New)))
		}
		if want := []string{fmt.Sprintf("Q1 %s list_until 2024-02", zc.Code)}; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("corrections %v, want %v", got, want)
		}
	})
}
