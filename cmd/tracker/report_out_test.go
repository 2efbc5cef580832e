package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportIntoAFolder: `report -o DIR` writes the report under its
// contract name inside DIR, as `report` alone does in the current folder;
// a folder that does not exist is refused in Chinese, exit status 1. The
// file is written beside its name and renamed, leaving nothing else.
func TestReportIntoAFolder(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "tracker.db")
	if r := runIn(t, dir, "", nil, "demo", "--db", db); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	out := filepath.Join(dir, "报表")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(out, "重大项目季度报告_2024Q2.xlsx")
	r := runIn(t, dir, "", nil, "report", "--db", db, "--year", "2024", "--quarter", "2", "-o", out)
	if r.code != 0 || !strings.Contains(r.stdout, "已生成 "+want+"（") {
		t.Fatalf("report -o DIR: %+v", r)
	}
	if st, err := os.Stat(want); err != nil || st.Size() == 0 || st.Mode().Perm() != 0o644 {
		t.Fatalf("no workbook in the folder: %v", err)
	}
	// The workbook is rendered beside its name and renamed: nothing else is left.
	if entries, err := os.ReadDir(out); err != nil || len(entries) != 1 {
		t.Fatalf("the folder holds %v (%v), want the workbook alone", entries, err)
	}
	missing := filepath.Join(dir, "没有这个目录", "q2.xlsx")
	runIn(t, dir, "", nil, "report", "--db", db, "--year", "2024", "--quarter", "2", "-o", missing).
		fails(t, "-o in a missing folder", "错误：无法写入 "+missing+"：目录不存在\n")
}
