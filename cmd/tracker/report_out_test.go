package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

// TestReportToStandardOutput: `report -o -` writes the workbook to
// standard output (the message goes to stderr), and `-o /dev/stdout`, not
// a regular file, is written straight instead of beside it and renamed
// (which failed: a temporary file cannot be made in /dev). Both are the
// same workbook as `-o FILE`: the same parts of the same sizes.
func TestReportToStandardOutput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "tracker.db")
	if r := runIn(t, dir, "", nil, "demo", "--db", db); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	args := []string{"report", "--db", db, "--year", "2024", "--quarter", "2", "-o"}
	file := runIn(t, dir, "", nil, append(args, "q2.xlsx")...)
	want, err := os.ReadFile(filepath.Join(dir, "q2.xlsx"))
	if file.code != 0 || err != nil {
		t.Fatalf("-o q2.xlsx: %+v %v", file, err)
	}
	for _, out := range []string{"-", "/dev/stdout"} {
		r := runIn(t, dir, "", nil, append(args, out)...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "PK\x03\x04") {
			t.Errorf("-o %s: exit %d, %d bytes on stdout, stderr %q", out, r.code, len(r.stdout), r.stderr)
			continue
		}
		if out == "-" && !strings.Contains(r.stderr, "已生成 标准输出（2024年第二季度（1-6月），531 个项目）") {
			t.Errorf("-o -: stderr %q", r.stderr)
		}
		if got, w := zipNames(t, []byte(r.stdout)), zipNames(t, want); got != w {
			t.Errorf("-o %s: parts %s, want %s", out, got, w)
		}
	}
}

// zipNames lists a zip's parts with their sizes, by name.
func zipNames(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range zr.File {
		out = append(out, fmt.Sprintf("%s:%d", f.Name, f.UncompressedSize64))
	}
	slices.Sort(out) // sheets are rendered side by side: the order of parts varies
	return strings.Join(out, ",")
}
