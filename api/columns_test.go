package api_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tracker/server/servertest"
)

type columnsResult struct {
	servertest.ImportResult
	Created int `json:"created"`
	Columns []struct {
		Sheet, Column, Label, Field, By, Note string
	} `json:"columns"`
}

func columnFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "columns", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestColumnsKnownByContent: a ledger whose code column has no header, whose
// districts are under 所在地 and natures under 类型 imports every row
// exactly, and the answer says how each column was read; a file without a
// code column, a file of unrelated tables, a sheet cut off mid-XML and a bad
// mapping are refused and store nothing; a ledger every row of which is refused says why above the
// list.
func TestColumnsKnownByContent(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		admin := ts.Login("admin")
		var imp columnsResult
		ts.Upload(admin, "高新区.xlsx", columnFile(t, "content_only.xlsx"), map[string]string{"additions": "*", "addition_reason": "新增项目"}, http.StatusOK, &imp)
		if imp.Status != "committed" || imp.RowsImported != 4 || imp.Created != 4 || len(imp.Columns) != 11 {
			t.Fatalf("import %+v", imp)
		}
		if c := imp.Columns[1]; c.Column != "B" || c.Label != "" || c.Field != "code" || c.By != "content" {
			t.Errorf("column B %+v", c)
		}
		var p struct{ District, Nature, Level string }
		ts.Do("GET", "/api/v1/projects/2310-370303-04-01-000302?year=2024", admin, nil, http.StatusOK, &p)
		if p.District != "高新区" || p.Nature != "续建" || p.Level != "市重大" {
			t.Errorf("project %+v", p)
		}

		var before struct{ Items []any }
		ts.Do("GET", "/api/v1/imports", admin, nil, http.StatusOK, &before)
		var e struct {
			Error struct{ Code, Message string }
		}
		ts.Upload(admin, "no_code.xlsx", columnFile(t, "no_code.xlsx"), nil, http.StatusUnprocessableEntity, &e)
		if !strings.HasPrefix(e.Error.Message, "未找到项目代码列；已识别的列：B列“项目名称”→项目名称") {
			t.Errorf("no code: %+v", e)
		}
		ts.Upload(admin, "会议.xlsx", columnFile(t, "unrelated.xlsx"), nil, http.StatusUnprocessableEntity, &e)
		if !strings.HasPrefix(e.Error.Message, "文件中找不到台账表头") {
			t.Errorf("unrelated: %+v", e)
		}
		ts.Upload(admin, "x.xlsx", columnFile(t, "layout_06.xlsx"), map[string]string{"mapping": `{"D": "nonsense"}`}, http.StatusBadRequest, &e)
		ts.Upload(admin, "截断.xlsx", cutPart(t, columnFile(t, "content_only.xlsx"), "xl/worksheets/sheet1.xml"), nil, http.StatusUnprocessableEntity, &e)
		if !strings.Contains(e.Error.Message, "xl/worksheets/sheet1.xml") || !strings.Contains(e.Error.Message, "不完整") {
			t.Errorf("a sheet cut mid-XML: %+v", e)
		}
		var after struct{ Items []any }
		ts.Do("GET", "/api/v1/imports", admin, nil, http.StatusOK, &after)
		if len(after.Items) != len(before.Items) {
			t.Errorf("refused files were stored: %d imports, were %d", len(after.Items), len(before.Items))
		}

		csv := "2024年1-6月重大项目台账\n项目代码,项目名称,区县,1-6月累计完成投资\n" +
			"2406-370303-04-01-900001,张店区甲项目,张店区,100\n2406-370303-04-01-900002,张店区乙项目,张店区,200\n2406-370303-04-01-900003,张店区丙项目,张店区,300\n"
		var refused columnsResult
		ts.Upload(admin, "新项目.csv", []byte(csv), map[string]string{"dry_run": "true"}, http.StatusOK, &refused)
		want := "3行均未导入，原因相同：项目不在2024年清单中；如确属增补项目，请由市重大项目办在预览中确认增补（如工作表“新项目”第3行）"
		if refused.Status != "rejected" || len(refused.Problems) != 4 || refused.Problems[0].Message != want || refused.Problems[0].Row != 0 {
			t.Errorf("refused %+v", refused.Problems)
		}
	})
}

// cutPart rewrites a workbook with the part name cut off two thirds of the
// way through, mid-tag, as a file saved or downloaded in part.
func cutPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == name {
			body = body[:len(body)*2/3]
		}
		fw, _ := w.Create(f.Name)
		fw.Write(body)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
