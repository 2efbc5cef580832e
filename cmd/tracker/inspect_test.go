package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// cellsGrid is the JSON of tracker inspect --cells.
type cellsGrid struct {
	Format   string `json:"format"`
	Date1904 bool   `json:"date1904"`
	Sheets   []struct {
		Name          string   `json:"name"`
		Hidden        bool     `json:"hidden"`
		HiddenColumns []int    `json:"hidden_columns"`
		Merges        []string `json:"merges"`
		Cells         [][]any  `json:"cells"`
		NoValue       []string `json:"formulas_without_value"`
	} `json:"sheets"`
}

// inspectCells runs the built binary's tracker inspect --cells on a file,
// and returns stdout, stderr and the exit code.
func runInspectCells(t *testing.T, path string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(trackerBinary(t), "inspect", "--cells", path)
	cmd.Env = cleanEnv()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

func TestInspectCells(t *testing.T) {
	out, stderr, code := runInspectCells(t, "../../importer/testdata/vertical_merge.xlsx")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var g cellsGrid
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if g.Format != "xlsx" || g.Date1904 || len(g.Sheets) != 1 {
		t.Fatalf("got %+v", g)
	}
	s := g.Sheets[0]
	if s.Name != "台账" || s.Hidden || !reflect.DeepEqual(s.Merges, []string{"A3:A4"}) || len(s.HiddenColumns) != 0 || len(s.NoValue) != 0 {
		t.Errorf("sheet: %+v", s)
	}
	if len(s.Cells) < 3 || !reflect.DeepEqual(s.Cells[0], []any{1.0, 1.0, "text", "2024年1-6月重大项目台账"}) ||
		!reflect.DeepEqual(s.Cells[1], []any{2.0, 1.0, "text", "所属区县"}) {
		t.Errorf("cells: %v", s.Cells[:min(3, len(s.Cells))])
	}
}

// TestInspectCellsUnreadable: a file that cannot be read prints nothing on
// stdout, a Chinese message on stderr, and exits 1.
func TestInspectCellsUnreadable(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.xlsx")
	os.WriteFile(pdf, []byte("%PDF-1.4 ..."), 0o644)
	for _, path := range []string{pdf, filepath.Join(dir, "missing.xlsx")} {
		out, stderr, code := runInspectCells(t, path)
		if code != 1 || out != "" || !strings.HasPrefix(stderr, "错误：") || !strings.Contains(stderr, "文件") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", filepath.Base(path), code, out, stderr)
		}
	}
}

// TestInspectCellsXlsAsXlsx: tracker inspect --cells gives the same grid
// for the .xls and the .xlsx LibreOffice saved from one content (see
// importer/sheet/testdata/README.md), cell for cell; numbers agree to 15
// significant digits, as LibreOffice writes them to the .xlsx.
func TestInspectCellsXlsAsXlsx(t *testing.T) {
	for _, stem := range []string{"diff_1900", "diff_1904"} {
		var grids [2]cellsGrid
		for i, ext := range []string{".xlsx", ".xls"} {
			out, stderr, code := runInspectCells(t, "../../importer/sheet/testdata/"+stem+ext)
			if code != 0 {
				t.Fatalf("%s%s: exit %d: %s", stem, ext, code, stderr)
			}
			if err := json.Unmarshal([]byte(out), &grids[i]); err != nil {
				t.Fatal(err)
			}
		}
		x, b := grids[0], grids[1]
		if x.Format != "xlsx" || b.Format != "xls" || x.Date1904 != b.Date1904 || len(x.Sheets) != len(b.Sheets) {
			t.Fatalf("%s: %s %v %d sheets, %s %v %d sheets", stem, x.Format, x.Date1904, len(x.Sheets), b.Format, b.Date1904, len(b.Sheets))
		}
		for i := range x.Sheets {
			xs, bs := x.Sheets[i], b.Sheets[i]
			if xs.Name != bs.Name || xs.Hidden != bs.Hidden || !reflect.DeepEqual(xs.HiddenColumns, bs.HiddenColumns) ||
				!reflect.DeepEqual(xs.Merges, bs.Merges) || len(xs.Cells) != len(bs.Cells) {
				t.Errorf("%s sheet %q: layout or cell count differs", stem, xs.Name)
				continue
			}
			for j := range xs.Cells {
				if !sameCell(xs.Cells[j], bs.Cells[j]) {
					t.Errorf("%s %s: .xlsx %.60v, .xls %.60v", stem, xs.Name, xs.Cells[j], bs.Cells[j])
				}
			}
		}
	}
}

func sameCell(a, b []any) bool {
	if len(a) != 4 || len(b) != 4 || a[0] != b[0] || a[1] != b[1] || a[2] != b[2] {
		return false
	}
	x, ok1 := a[3].(float64)
	y, ok2 := b[3].(float64)
	if ok1 && ok2 {
		return strconv.FormatFloat(x, 'g', 15, 64) == strconv.FormatFloat(y, 'g', 15, 64)
	}
	return a[3] == b[3]
}

// TestInspectLedger: tracker inspect --json says how each column of a
// ledger is read, and shows a refused file as far as it was read, with the
// refusal on stderr and exit status 1; without --json it prints a table.
func TestInspectLedger(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"inspect", "--json", "../../importer/testdata/columns/content_only.xlsx"}, nil, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var ins struct {
		Format, Period string
		Sheets         []struct {
			Name       string
			Skipped    bool
			HeaderRows []int `json:"header_rows"`
			DataRows   int   `json:"data_rows"`
			Columns    []struct{ Column, Label, Field, Unit, By, Note string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &ins); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if ins.Format != "xlsx" || ins.Period != "2024-05" || len(ins.Sheets) != 1 || ins.Sheets[0].DataRows != 4 || !reflect.DeepEqual(ins.Sheets[0].HeaderRows, []int{2}) {
		t.Fatalf("got %+v", ins)
	}
	cols := ins.Sheets[0].Columns
	if c := cols[3]; c.Column != "D" || c.Label != "所在地" || c.Field != "district" || c.By != "content" {
		t.Errorf("column D: %+v", c)
	}
	if c := cols[6]; c.Field != "total_investment_wan" || c.Unit != "万元" || c.By != "label" {
		t.Errorf("column G: %+v", c)
	}
	out.Reset()
	err := run(context.Background(), []string{"inspect", "../../importer/testdata/columns/no_code.xlsx"}, nil, &out, &errOut)
	if err == nil || !strings.HasPrefix(message(err), "未找到项目代码列") {
		t.Errorf("refused file: err %v", err)
	}
	if !strings.Contains(out.String(), "工作表“台账”：表头第2行，数据0行，未读取（没有项目代码列") || !strings.Contains(out.String(), "  B   项目名称 → 项目名称，按表头") {
		t.Errorf("table:\n%s", out.String())
	}
}
