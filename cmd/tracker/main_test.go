package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"testing"

	"tracker/models"
	"tracker/models/store"
)

// runCmd runs a command line in-process with the database at db.
func runCmd(t *testing.T, db, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	full := append([]string{args[0], "--db", db}, args[1:]...)
	if args[0] == "user" {
		full = append([]string{"user", "add", "--db", db}, args[2:]...)
	}
	err := run(context.Background(), full, strings.NewReader(stdin), &out, &errOut)
	return out.String() + errOut.String(), err
}

func TestDemoUserImportReportBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "tracker.db")
	if out, err := runCmd(t, db, "", "demo"); err != nil || !strings.Contains(out, fmt.Sprintf("新增 %d 个项目", demoProjects())) {
		t.Fatalf("demo: %s %v", out, err)
	}
	if out, err := runCmd(t, db, "", "demo"); err != nil || !strings.Contains(out, "新增 0 个项目") {
		t.Fatalf("demo again: %s %v", out, err)
	}
	if _, err := runCmd(t, db, "secret-pass-1\n", "user", "add", "--name", "zd", "--role", "uploader", "--district", "张店区", "--password-stdin"); err != nil {
		t.Fatal(err)
	}
	if _, err := runCmd(t, db, "secret-pass-1\n", "user", "add", "--name", "x", "--role", "uploader", "--password-stdin"); err == nil {
		t.Error("an uploader without a unit was accepted")
	}
	s, _ := store.Open(db)
	ps, _ := s.Portfolio(context.Background(), 2024)
	s.Close()
	p := ps[0]
	good := filepath.Join(dir, "ledger.csv")
	os.WriteFile(good, []byte("项目代码,项目名称,1-7月累计完成投资（亿元）\n"+p.Code+","+p.Name+",1.5\n"), 0o644)
	bad := filepath.Join(dir, "bad.xlsx")
	os.WriteFile(bad, []byte("not a workbook"), 0o644)
	out, err := runCmd(t, db, "", "import", "--period", "2024-07", good, bad)
	if err == nil || !strings.Contains(out, "已提交") || !strings.Contains(out, "bad.xlsx：未能导入") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if out, err := runCmd(t, db, "", "import", "--period", "2024-07", good); err != nil || !strings.Contains(out, "未变 1") {
		t.Fatalf("import again: %v\n%s", err, out)
	}
	report := filepath.Join(dir, "q3.xlsx")
	if out, err := runCmd(t, db, "", "report", "--year", "2024", "--quarter", "3", "-o", report); err != nil {
		t.Fatalf("report: %v %s", err, out)
	}
	if b, _ := os.ReadFile(report); len(b) < 1000 || string(b[:2]) != "PK" {
		t.Errorf("report is not a workbook (%d bytes)", len(b))
	}
	if _, err := runCmd(t, db, "", "report", "--year", "2024", "--quarter", "5"); err == nil {
		t.Error("quarter 5 accepted")
	}
	backup := filepath.Join(dir, "backup.db")
	if _, err := runCmd(t, db, "", "backup", backup); err != nil {
		t.Fatal(err)
	}
	s, err = store.Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	imps, _ := s.Imports(context.Background(), models.ImportFilter{})
	if n, _ := s.CountProjects(context.Background()); n != demoProjects() || len(imps) != 2 {
		t.Errorf("backup holds %d projects and %d imports", n, len(imps))
	}
}

func TestBadDatabaseGivesAClearMessage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(path, bytes.Repeat([]byte("not sqlite "), 200), 0o644)
	_, err := runCmd(t, path, "", "demo")
	if err == nil || !strings.Contains(message(err), "数据库") {
		t.Fatalf("err %v", err)
	}
}

func TestOfflineImportsNameTheOperator(t *testing.T) {
	want := "命令行"
	if me, err := user.Current(); err == nil && me.Username != "" {
		want += "（" + me.Username + "）"
	}
	if u := cliUser(); u.Name != want || u.Role != "admin" {
		t.Errorf("cli user %+v, want %q", u, want)
	}
}
