package store

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tracker/models"
	"tracker/models/demo"
)

func TestDemoPortfolioRoundTripsExactly(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		want := demo.Portfolio2024()
		n, err := s.SeedPortfolio(ctx, want, "demo")
		if err != nil || n != 530 {
			t.Fatalf("seed: %d, %v", n, err)
		}
		if n, err := s.SeedPortfolio(ctx, want, "demo"); err != nil || n != 0 {
			t.Fatalf("second seed created %d, %v; want 0", n, err)
		}
		got, err := s.Portfolio(ctx, demo.Year)
		if err != nil || len(got) != 530 {
			t.Fatalf("portfolio: %d, %v", len(got), err)
		}
		r := models.ComputeRates(got, models.MonthOf(2024, 12), models.DefaultRateConfig(), nil, nil)
		if r.TotalInvestment != 603500000000 || r.Completed != 118100000000 || r.AnnualPlan != 113450000000 {
			t.Errorf("sums %d %d %d", r.TotalInvestment, r.Completed, r.AnnualPlan)
		}
		byCode := map[string]models.Project{}
		for _, p := range want {
			byCode[p.Code] = p
		}
		for _, p := range got {
			w := byCode[p.Code]
			if p.Name != w.Name || p.ActualStart != w.ActualStart || p.PlannedStart != w.PlannedStart ||
				len(p.Investments) != len(w.Investments) || p.CompletedYTD != w.CompletedYTD {
				t.Fatalf("%s differs after the round trip", p.Code)
			}
		}
	})
}

func TestProjectsFilterSearchAndPage(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		all := demo.Portfolio2024()
		if _, err := s.SeedPortfolio(ctx, all, "demo"); err != nil {
			t.Fatal(err)
		}
		wantZhangdianNew := 0
		for _, p := range all {
			if p.District == "张店区" && p.Nature == models.NatureNew {
				wantZhangdianNew++
			}
		}
		total, items, err := s.Projects(ctx, ProjectFilter{Year: 2024, District: "张店区", Nature: models.NatureNew, Page: 1, PerPage: 5})
		if err != nil || total != int64(wantZhangdianNew) || len(items) != min(5, wantZhangdianNew) {
			t.Fatalf("filter: total %d items %d err %v; want %d", total, len(items), err, wantZhangdianNew)
		}
		total, items, _ = s.Projects(ctx, ProjectFilter{Year: 2024, Query: "鲁油 鲁炼", Page: 1, PerPage: 50})
		if total != 1 || items[0].Name != "齐鲁石化鲁油鲁炼技术升级改造" || len(items[0].Investments) == 0 {
			t.Fatalf("search: %d %+v", total, items)
		}
		total, _, _ = s.Projects(ctx, ProjectFilter{Year: 2024, Query: "100%_", Page: 1, PerPage: 50})
		if total != 0 {
			t.Errorf("LIKE wildcards were not escaped: %d matches", total)
		}
		_, err = s.Project(ctx, "2403-370303-04-01-999999", 2024)
		if models.ErrorCode(err) != models.ENOTFOUND {
			t.Errorf("unknown code: %v", err)
		}
	})
}

func TestUsersLoginAndTokens(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		if _, err := s.CreateUser(ctx, models.User{Name: "zd", Role: models.RoleUploader, District: "张店区"}, "secret-pass"); err != nil {
			t.Fatal(err)
		}
		for _, bad := range []struct {
			u  models.User
			pw string
		}{
			{models.User{Name: "zd", Role: models.RoleReviewer}, "secret-pass"},
			{models.User{Name: "x", Role: "boss"}, "secret-pass"},
			{models.User{Name: "y", Role: models.RoleUploader}, "secret-pass"},
			{models.User{Name: "z", Role: models.RoleUploader, District: "火星区"}, "secret-pass"},
			{models.User{Name: "w", Role: models.RoleReviewer}, "short"},
		} {
			if _, err := s.CreateUser(ctx, bad.u, bad.pw); err == nil {
				t.Errorf("CreateUser(%+v) accepted", bad.u)
			}
		}
		if _, _, err := s.Login(ctx, "zd", "wrong-pass"); models.ErrorCode(err) != models.EUNAUTHORIZED {
			t.Errorf("wrong password: %v", err)
		}
		u, token, err := s.Login(ctx, "zd", "secret-pass")
		if err != nil || len(token) < 40 || u.District != "张店区" {
			t.Fatalf("login: %v %q %v", u, token, err)
		}
		if got, err := s.UserByToken(ctx, token); err != nil || got.Name != "zd" {
			t.Errorf("UserByToken: %v %v", got, err)
		}
		s.Logout(ctx, token)
		if _, err := s.UserByToken(ctx, token); models.ErrorCode(err) != models.EUNAUTHORIZED {
			t.Errorf("revoked token still valid: %v", err)
		}
	})
}

func TestNewStoreHasTheCategoryGroups(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		g, err := s.CategoryGroups(context.Background())
		if err != nil || !reflect.DeepEqual(g, models.DefaultCategoryGroups()) {
			t.Errorf("category groups %v %v, want %v", g, err, models.DefaultCategoryGroups())
		}
	})
}

func TestFirstSchemaVersionMigratesKeepingRows(t *testing.T) {
	check := func(t *testing.T, s *Store, reopen func() *Store) {
		ctx := context.Background()
		if v, _ := s.SchemaVersion(ctx); v != 1 {
			t.Fatalf("at version %d, want 1", v)
		}
		// Rows as version 1 wrote them.
		if _, err := s.SeedPortfolio(ctx, demo.Portfolio2024()[:3], "v1"); err == nil {
			t.Fatal("version-1 schema accepted version-2 rows") // import_id did not exist then
		}
		s.db.Exec(`INSERT INTO projects (code, name, total_investment) VALUES ('2403-370303-04-01-000123', '老项目', 50000000)`)
		s.db.Exec(`INSERT INTO plan_entries (year, code, nature, annual_plan) VALUES (2024, '2403-370303-04-01-000123', '续建', 10000000)`)
		s.db.Exec(`INSERT INTO investments (code, period, year, completed_ytd) VALUES ('2403-370303-04-01-000123', 202403, 2024, 2500000)`)
		s = reopen()
		if v, _ := s.SchemaVersion(ctx); v != len(migrations) {
			t.Fatalf("after reopening at version %d, want %d", v, len(migrations))
		}
		p, err := s.Project(ctx, "2403-370303-04-01-000123", 2024)
		if err != nil || p.Name != "老项目" || p.CompletedYTD != 2500000 || p.AnnualPlan != 10000000 {
			t.Errorf("old rows after migration: %+v %v", p, err)
		}
		if g, err := s.CategoryGroups(ctx); err != nil || !reflect.DeepEqual(g, models.DefaultCategoryGroups()) {
			t.Errorf("category groups after migration: %v %v", g, err)
		}
	}
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "v1.db")
		s, err := openOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Migrate(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
		check(t, s, func() *Store {
			s.Close()
			s2, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s2.Close() })
			return s2
		})
	})
	if dsn := os.Getenv("TRACKER_TEST_POSTGRES"); dsn != "" {
		t.Run("postgres", func(t *testing.T) {
			s := openPostgresTest(t, dsn, 1)
			check(t, s, func() *Store {
				if err := s.Migrate(context.Background(), len(migrations)); err != nil {
					t.Fatal(err)
				}
				return s
			})
		})
	}
}

func TestOpenRefusesAFileThatIsNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(path, []byte("这不是数据库，只是一段文字。This is not a database at all, just some text padding it out."), 0o644)
	_, err := Open(path)
	if err == nil {
		t.Fatal("opened a text file as a database")
	}
	if msg := models.ErrorMessage(err); msg == "" || msg[0] == 'f' {
		t.Errorf("message %q", msg)
	}
}

// TestOpenKeepsEveryCharacterOfThePath: a database in a folder whose
// name holds '#', '?', '%' and a space is that file, not one at a path cut
// at the '#' or the '?': what is written there reads back after reopening,
// and nothing else appears beside the folder.
func TestOpenKeepsEveryCharacterOfThePath(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "台账 #2?v=1 100%41")
	path := filepath.Join(dir, "tracker.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.SeedPortfolio(ctx, demo.Portfolio2024()[:3], "测试"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("the database at %q: %v %v", path, fi, err)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 || entries[0].Name() != filepath.Base(dir) {
		t.Errorf("beside the folder: %v", entries)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.CountProjects(ctx); n != 3 || err != nil {
		t.Errorf("reopened: %d projects (%v), want 3", n, err)
	}
}

func TestOpenReportsAnUnreachablePostgres(t *testing.T) {
	_, err := Open("postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if err == nil || models.ErrorCode(err) != models.EINTERNAL {
		t.Fatalf("err %v", err)
	}
}

func TestPortfolioAsOfKeepsOnlyTheLatestReportUpToTheMonth(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		all := demo.Portfolio2024()
		if _, err := s.SeedPortfolio(ctx, all, "demo"); err != nil {
			t.Fatal(err)
		}
		for _, month := range []int{1, 6, 12} {
			m := models.MonthOf(2024, month)
			got, err := s.PortfolioAsOf(ctx, m)
			if err != nil {
				t.Fatal(err)
			}
			want := models.ComputeRates(all, m, models.DefaultRateConfig(), nil, nil)
			if r := models.ComputeRates(got, m, models.DefaultRateConfig(), nil, nil); r.Figures != want.Figures {
				t.Errorf("month %d: %+v, want %+v", month, r.Figures, want.Figures)
			}
			for _, p := range got {
				if len(p.Investments) > 1 || len(p.Investments) == 1 && p.Investments[0].Period > m {
					t.Fatalf("month %d: %s has %v", month, p.Code, p.Investments)
				}
			}
		}
	})
}

func TestTokensAreListedAndRevocable(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		u, _ := s.CreateUser(ctx, models.User{Name: "r", Role: models.RoleReviewer}, "password-r")
		_, first, _ := s.Login(ctx, "r", "password-r")
		_, second, _ := s.Login(ctx, "r", "password-r")
		list, err := s.Tokens(ctx, u.ID, second)
		if err != nil || len(list) != 2 || strings.Contains(list[0].ID+list[1].ID, first) {
			t.Fatalf("tokens %+v %v", list, err)
		}
		var firstID string
		for _, tk := range list {
			if !tk.Current {
				firstID = tk.ID
			}
		}
		if err := s.RevokeToken(ctx, u.ID, firstID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UserByToken(ctx, first); models.ErrorCode(err) != models.EUNAUTHORIZED {
			t.Errorf("revoked token still works: %v", err)
		}
		if _, err := s.UserByToken(ctx, second); err != nil {
			t.Errorf("the other token stopped working: %v", err)
		}
		if err := s.RevokeToken(ctx, u.ID+1, list[0].ID); models.ErrorCode(err) == "" {
			t.Error("revoked another user's token")
		}
		if err := s.RevokeToken(ctx, u.ID, "%"); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("wildcard id: %v", err)
		}
	})
}

func TestTokensExpireAbsolutelyAndWhenIdle(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		clock := time.Date(2024, 6, 3, 8, 0, 0, 0, time.UTC)
		s.now = func() time.Time { return clock }
		s.CreateUser(ctx, models.User{Name: "r", Role: models.RoleReviewer}, "password-r")
		_, busy, _ := s.Login(ctx, "r", "password-r")
		_, idle, _ := s.Login(ctx, "r", "password-r")
		for i := 0; i < 10; i++ { // busy is used every 70 minutes, idle never
			clock = clock.Add(70 * time.Minute)
			if _, err := s.UserByToken(ctx, busy); err != nil {
				t.Fatalf("busy token refused after %v: %v", time.Duration(i+1)*70*time.Minute, err)
			}
		}
		if _, err := s.UserByToken(ctx, idle); models.ErrorCode(err) != models.EUNAUTHORIZED {
			t.Errorf("a token unused for 11h40m still works: %v", err)
		}
		clock = clock.Add(30 * time.Minute) // 12h10m after login
		if _, err := s.UserByToken(ctx, busy); models.ErrorCode(err) != models.EUNAUTHORIZED {
			t.Errorf("a token past its 12 hours still works: %v", err)
		}
	})
}
