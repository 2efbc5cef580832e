package store

import (
	"context"
	"testing"

	"tracker/models"
)

func mustUser(t *testing.T, s *Store, u models.User) models.User {
	t.Helper()
	out, err := s.CreateUser(context.Background(), u, "password-"+u.Name)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDisablingAUserEndsItsSessionsAndKeepsOneAdmin(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		boss := mustUser(t, s, models.User{Name: "admin", Role: models.RoleAdmin})
		up := mustUser(t, s, models.User{Name: "zhangdian", Role: models.RoleUploader, District: "张店区"})
		_, token, err := s.Login(ctx, "zhangdian", "password-zhangdian")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetUserDisabled(ctx, up.ID, true); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UserByToken(ctx, token); models.ErrorCode(err) != models.EUNAUTHORIZED {
			t.Errorf("token of a disabled user: %v", err)
		}
		if _, _, err := s.Login(ctx, "zhangdian", "password-zhangdian"); err == nil {
			t.Error("a disabled user logged in")
		}
		if err := s.SetUserDisabled(ctx, up.ID, false); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Login(ctx, "zhangdian", "password-zhangdian"); err != nil {
			t.Errorf("re-enabled user: %v", err)
		}
		if err := s.SetUserDisabled(ctx, boss.ID, true); models.ErrorCode(err) != models.ECONFLICT {
			t.Errorf("disabling the last admin: %v", err)
		}
		if err := s.SetUserRole(ctx, boss.ID, models.RoleReviewer, ""); models.ErrorCode(err) != models.ECONFLICT {
			t.Errorf("demoting the last admin: %v", err)
		}
		users, err := s.Users(ctx)
		if err != nil || len(users) != 2 || users[0].Name != "admin" {
			t.Errorf("users %+v %v", users, err)
		}
	})
}

func TestResetPasswordAndSetRole(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mustUser(t, s, models.User{Name: "admin", Role: models.RoleAdmin})
		rv := mustUser(t, s, models.User{Name: "reviewer", Role: models.RoleReviewer})
		_, token, _ := s.Login(ctx, "reviewer", "password-reviewer")
		if err := s.ResetPassword(ctx, rv.ID, "short"); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("short password: %v", err)
		}
		if err := s.ResetPassword(ctx, rv.ID, "a-new-password"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UserByToken(ctx, token); err == nil {
			t.Error("an old token survived a password reset")
		}
		if _, _, err := s.Login(ctx, "reviewer", "a-new-password"); err != nil {
			t.Errorf("new password: %v", err)
		}
		if err := s.SetUserRole(ctx, rv.ID, models.RoleUploader, ""); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("uploader without unit: %v", err)
		}
		if err := s.SetUserRole(ctx, rv.ID, models.RoleUploader, "火星区"); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("unknown unit: %v", err)
		}
		if err := s.SetUserRole(ctx, rv.ID, models.RoleUploader, "淄川区"); err != nil {
			t.Fatal(err)
		}
		if u, _ := s.User(ctx, rv.ID); u.Role != models.RoleUploader || u.District != "淄川区" {
			t.Errorf("after set role: %+v", u)
		}
		if err := s.SetUserRole(ctx, rv.ID, models.RoleReviewer, "淄川区"); err != nil {
			t.Fatal(err)
		}
		if u, _ := s.User(ctx, rv.ID); u.District != "" {
			t.Errorf("a reviewer kept unit %q", u.District)
		}
		if _, err := s.User(ctx, 999); models.ErrorCode(err) != models.ENOTFOUND {
			t.Errorf("unknown user: %v", err)
		}
	})
}

func TestInvestmentSourcesProjectNamesAndDiscard(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		june := models.MonthOf(2024, 6)
		ledger := ledgerOf(june, figureRecord(zd, zd.AnnualPlan/2))
		imp, err := s.CreateImport(ctx, NewImport{FileName: "张店区.xlsx", Data: []byte("x"), User: admin, Ledger: ledger})
		if err != nil {
			t.Fatal(err)
		}
		srcs, err := s.InvestmentSources(ctx, zd.Code, models.MonthOf(2024, 12))
		if err != nil || len(srcs) == 0 {
			t.Fatalf("sources %v %v", srcs, err)
		}
		var got *InvestmentSource
		for i := range srcs {
			if srcs[i].Period == june {
				got = &srcs[i]
			}
		}
		if got == nil || got.ImportID == nil || *got.ImportID != imp.ID || got.FileName != "张店区.xlsx" || got.User != "admin" || got.CommittedAt == nil {
			t.Errorf("June figure %+v", got)
		}
		if srcs[0].ImportID != nil || srcs[0].Source != "演示数据" {
			t.Errorf("first figure %+v", srcs[0])
		}
		names, err := s.ProjectNames(ctx, []string{zd.Code, "2499-370303-00-00-000000"})
		if err != nil || len(names) != 1 || names[zd.Code] != zd.Name {
			t.Errorf("names %v %v", names, err)
		}
		if err := s.DiscardImport(ctx, imp.ID); models.ErrorCode(err) != models.ECONFLICT {
			t.Errorf("discarding a committed import: %v", err)
		}
		preview, err := s.CreateImport(ctx, NewImport{FileName: "b.xlsx", Data: []byte("y"), User: admin, Ledger: ledger, DryRun: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DiscardImport(ctx, preview.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Import(ctx, preview.ID); models.ErrorCode(err) != models.ENOTFOUND {
			t.Errorf("a discarded preview is still there: %v", err)
		}
	})
}
