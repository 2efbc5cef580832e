package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
	"tracker/server/servertest"
)

// python3WithOpenpyxl finds a python3 that has openpyxl; in CI its absence
// fails the test.
func python3WithOpenpyxl(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no python3 with openpyxl (apt-get install python3-openpyxl)")
	}
	t.Skip("no python3 with openpyxl")
	return ""
}

// fillScript fills a pre-filled ledger as a district would in Excel: it
// types this month's cumulative figure (last month's + 100 万元, 100 for a
// project without one) into the open cells, the progress and a problem,
// and for the first project not started the start month; it prints what
// it typed as JSON.
const fillScript = `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["台账"]
typed, started = {}, False
for r in range(4, ws.max_row + 1):
    code = ws.cell(r, 1).value
    if not code:
        continue
    prev = ws.cell(r, 6).value or 0
    ws.cell(r, 7).value = round(prev + 100.25, 4)
    ws.cell(r, 9).value = "第%d行形象进度" % r
    t = {"completed": ws.cell(r, 7).value, "progress": ws.cell(r, 9).value}
    if r == 4:
        ws.cell(r, 10).value = "用地指标待协调"
        t["problems"] = "用地指标待协调"
    if ws.cell(r, 8).value is None and not started and ws.cell(r, 8).protection.locked is False:
        ws.cell(r, 8).value = "2024-06"
        t["start"] = "2024-06"
        started = True
    typed[code] = t
wb.save(sys.argv[2])
print(json.dumps(typed))
`

// TestUnitTemplateFilledInWithOpenpyxlImports: 张店区's pre-filled ledger
// for 2024-06, filled in with openpyxl and uploaded by the district with no
// period, reads with no problems; committed by the office, every figure
// typed lands.
func TestUnitTemplateFilledInWithOpenpyxlImports(t *testing.T) {
	python := python3WithOpenpyxl(t)
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		uploader, admin := ts.Login("zhangdian"), ts.Login("admin")
		req, _ := http.NewRequest("GET", ts.HTTP.URL+"/api/v1/template.xlsx?unit=370303&period=2024-06", nil)
		req.Header.Set("Authorization", "Bearer "+uploader)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, url.PathEscape("预填台账_张店区_2024-06.xlsx")) {
			t.Errorf("Content-Disposition %q", cd)
		}
		data := ts.Send(req, http.StatusOK, nil)
		dir := t.TempDir()
		in, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "张店区6月台账.xlsx")
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(python, "-c", fillScript, in, out)
		printed, err := cmd.Output()
		if err != nil {
			t.Fatalf("openpyxl: %v", err)
		}
		var typed map[string]struct {
			Completed       float64
			Progress, Start string
			Problems        string
		}
		if err := json.Unmarshal(printed, &typed); err != nil {
			t.Fatalf("%v: %s", err, printed)
		}
		want, _ := ts.Store.UnitLedger(t.Context(), "张店区", 202406)
		if len(typed) != len(want) || len(want) < 2 {
			t.Fatalf("openpyxl filled %d rows, the list has %d", len(typed), len(want))
		}
		filled, _ := os.ReadFile(out)

		var imp servertest.ImportResult
		ts.Upload(uploader, "张店区6月台账.xlsx", filled, map[string]string{"dry_run": "true"}, http.StatusOK, &imp)
		if imp.Period != "2024-06" || len(imp.Problems) != 0 || imp.RowsTotal != len(want) || imp.RowsImported != len(want) {
			t.Fatalf("import: period %q, %d rows, %d applicable, problems %+v", imp.Period, imp.RowsTotal, imp.RowsImported, imp.Problems)
		}
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/commit", imp.ID), admin, nil, http.StatusOK, nil)

		for code, ty := range typed {
			var p models.Project
			ts.Do("GET", "/api/v1/projects/"+code+"?year=2024&month=6", uploader, nil, http.StatusOK, &p)
			if got := p.CompletedYTD.WanFloat(); fmt.Sprintf("%.4f", got) != fmt.Sprintf("%.4f", ty.Completed) || p.Progress != ty.Progress || p.Problems != ty.Problems {
				t.Errorf("%s: completed %v, progress %q, problems %q; typed %+v", code, got, p.Progress, p.Problems, ty)
			}
			if ty.Start != "" && p.ActualStart != 202406 {
				t.Errorf("%s: actual start %v, typed 2024-06", code, p.ActualStart)
			}
		}
		// 项目明细 of June's workbook shows what was typed; May's nothing of it.
		for month, typedNotes := range map[int]bool{6: true, 5: false} {
			book := ts.Do("GET", fmt.Sprintf("/api/v1/reports/quarterly.xlsx?year=2024&month=%d", month), admin, nil, http.StatusOK, nil)
			f, err := excelize.OpenReader(bytes.NewReader(book))
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := f.GetRows("项目明细")
			if h := rows[2]; len(h) < 21 || h[19] != "形象进度" || h[20] != "存在问题/需协调事项" {
				t.Fatalf("项目明细 header %q", h)
			}
			for _, row := range rows[3:] {
				ty, ok := typed[rowAt(row, 1)]
				if !ok {
					continue
				}
				progress, problems := "", ""
				if typedNotes {
					progress, problems = ty.Progress, ty.Problems
				}
				if rowAt(row, 19) != progress || rowAt(row, 20) != problems {
					t.Errorf("%d月 项目明细 %s: %q / %q, want %q / %q", month, rowAt(row, 1), rowAt(row, 19), rowAt(row, 20), progress, problems)
				}
			}
			f.Close()
		}
	})
}

// rowAt is a row's cell i, "" past its end.
func rowAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// TestUnitTemplateRefusals: a unit or period that is missing, unknown or
// without a list is a 4xx in Chinese.
func TestUnitTemplateRefusals(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	for q, status := range map[string]int{
		"unit=张店区":                               http.StatusBadRequest,
		"period=2024-06":                         http.StatusBadRequest,
		"unit=火星区&period=2024-06":                http.StatusBadRequest,
		"unit=张店区&period=2024-13":                http.StatusBadRequest,
		"unit=张店区&period=1999-06":                http.StatusNotFound,
		"unit=张店区&period=2024-6":                 http.StatusBadRequest,
		"unit=%E5%BC%A0%E5%BA%97&period=2024-01": http.StatusOK, // 张店, an alias
	} {
		body := ts.Do("GET", "/api/v1/template.xlsx?"+q, token, nil, status, nil)
		if status != http.StatusOK && !servertest.HasChinese(string(body)) {
			t.Errorf("%s: %s", q, body)
		}
	}
}
