package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tracker/models"
	"tracker/models/store"
	"tracker/reporting"
)

// documentXML returns word/document.xml of a .docx file.
func documentXML(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a .docx: %v", path, err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("%s has no word/document.xml", path)
	return ""
}

// TestReportDocxWritesTheNotice: `report --docx` writes the 通报 under its
// contract name instead of the workbook, for a quarter and for a month; a
// locked quarter's is the one kept at the lock, byte for byte.
func TestReportDocxWritesTheNotice(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "tracker.db")
	if r := runIn(t, dir, "", nil, "demo", "--db", db); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	r := runIn(t, dir, "", nil, "report", "--db", db, "--year", "2024", "--quarter", "4", "--docx")
	if r.code != 0 || !strings.Contains(r.stdout, "已生成 重大项目建设情况通报_2024Q4.docx（2024年第四季度（1-12月），530 个项目）") {
		t.Fatalf("report --docx: %+v", r)
	}
	doc := documentXML(t, filepath.Join(dir, "重大项目建设情况通报_2024Q4.docx"))
	for _, want := range []string{"关于2024年1-12月全市重大项目", "建设情况的通报", "1181.00亿元", "104.1%", "已开工296个"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Q4 通报 does not say %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "重大项目季度报告_2024Q4.xlsx")); err == nil {
		t.Error("--docx also wrote the workbook")
	}
	r = runIn(t, dir, "", nil, "report", "--db", db, "--year", "2024", "--month", "5", "--docx")
	if r.code != 0 || !strings.Contains(documentXML(t, filepath.Join(dir, "重大项目建设情况通报_2024M05.docx")), "关于2024年1-5月全市重大项目") {
		t.Fatalf("report --month 5 --docx: %+v", r)
	}

	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	svc := &reporting.Service{Store: s, Rates: models.DefaultRateConfig()}
	if err := svc.Lock(context.Background(), 2024, 2, models.User{Name: "测试", Role: "admin"}); err != nil {
		t.Fatal(err)
	}
	kept, _, err := s.LockedReport(context.Background(), 2024, 2, "docx")
	s.Close()
	if err != nil || len(kept.Data) == 0 {
		t.Fatalf("no 通报 kept at the lock: %v", err)
	}
	r = runIn(t, dir, "", nil, "report", "--db", db, "--year", "2024", "--quarter", "2", "--docx", "-o", "q2.docx")
	if r.code != 0 || !strings.Contains(r.stdout, "已生成 q2.docx（2024年第2季度已锁定：与锁定时报送的通报相同）") {
		t.Fatalf("report of a locked quarter: %+v", r)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "q2.docx")); !bytes.Equal(got, kept.Data) {
		t.Error("the locked Q2 通报 is not the one kept at the lock")
	}
}
