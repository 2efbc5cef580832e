package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tracker/models"
	"tracker/models/store"
)

// TestListImportThenMonthlyLedgersStayInside: `tracker import --kind list`
// establishes 2025's list; a monthly ledger's code outside it is refused
// (exit 1) until --add accepts it as 增补 from the ledger's month; a list
// import again drops what it leaves out.
func TestListImportThenMonthlyLedgersStayInside(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "tracker.db")
	if out, err := runCmd(t, db, "", "init"); err != nil {
		t.Fatalf("init: %v %s", err, out)
	}
	write := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	const a, b, c = "2501-370303-04-01-000001", "2501-370302-04-01-000002", "2506-370303-04-01-000003"
	list := write("2025年清单.csv", "2025年市重大项目名单\n项目代码,项目名称,所属区县,建设性质,项目分类,年度计划投资（万元）\n"+
		a+",甲项目,张店区,新开工,实施类,1000\n"+b+",乙项目,淄川区,续建,准备类,500\n")
	if out, err := runCmd(t, db, "", "import", "--kind", "list", list); err != nil || !strings.Contains(out, "新建项目 2") {
		t.Fatalf("list import: %v\n%s", err, out)
	}
	june := write("6月.csv", "2025年1-6月市重大项目建设情况台账\n项目代码,项目名称,所属区县,建设性质,1-6月累计完成投资（万元）\n"+
		a+",甲项目,张店区,新开工,300\n"+c+",丙项目,张店区,新开工,20\n")
	if out, err := runCmd(t, db, "", "import", june); err != nil || !strings.Contains(out, "不在2025年清单中") {
		t.Fatalf("a code outside the list: %v\n%s", err, out)
	}
	if _, err := runCmd(t, db, "", "import", "--add", c, june); err == nil {
		t.Error("--add without --reason was accepted")
	}
	if out, err := runCmd(t, db, "", "import", june, "--add", c, "--reason", "年中增补"); err != nil || !strings.Contains(out, "新建项目 1") {
		t.Fatalf("with --add: %v\n%s", err, out)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	ps, _ := s.PortfolioAsOf(ctx, models.MonthOf(2025, 6))
	r := models.ComputeRates(ps, models.MonthOf(2025, 6), models.DefaultRateConfig(), nil, nil)
	if len(ps) != 3 || r.Projects != 2 || r.AnnualPlan != 1000*models.Wan || r.Completed != 320*models.Wan {
		t.Errorf("June 2025: %d on the list, %d counted (准备类 not), plan %s, completed %s", len(ps), r.Projects, r.AnnualPlan.WanString(), r.Completed.WanString())
	}
	if p, _ := s.Project(ctx, c, 2025); p.ListFrom != models.MonthOf(2025, 6) {
		t.Errorf("the addition is on the list from %v, want 2025-06", p.ListFrom)
	}
	again := write("2025年清单（修订）.csv", "2025年市重大项目名单\n项目代码,项目名称,所属区县,建设性质\n"+a+",甲项目,张店区,新开工\n")
	if out, err := runCmd(t, db, "", "import", "--kind", "list", "--year", "2025", again); err != nil {
		t.Fatalf("list again: %v\n%s", err, out)
	}
	if items, _ := s.ListItems(ctx, 2025); len(items) != 1 || items[0].Code != a {
		t.Errorf("after the revised list: %+v, want only %s", items, a)
	}
}
