package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
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
