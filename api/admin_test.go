package api_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/api"
	"tracker/httpx"
	"tracker/importer"
	"tracker/models"
	"tracker/server"
	"tracker/server/servertest"
)

// TestTemplateUnchangedImportsNoProject: the generic template uploaded
// as it is downloaded imports no project: its 示例行 is skipped with a
// warning, and the portfolio keeps its size.
func TestTemplateUnchangedImportsNoProject(t *testing.T) {
	ts := servertest.New(t)
	req, _ := http.NewRequest("GET", ts.HTTP.URL+"/api/v1/template.xlsx", nil)
	req.Header.Set("Authorization", "Bearer "+ts.Login("reviewer"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "filename*=UTF-8''%E9%87%8D") {
		t.Errorf("Content-Disposition %q", cd)
	}
	data := ts.Send(req, http.StatusOK, nil)
	admin := ts.Login("admin")
	var before, after struct {
		Total int `json:"total"`
	}
	ts.Do("GET", "/api/v1/projects?year=2024", admin, nil, http.StatusOK, &before)
	var imp servertest.ImportResult
	ts.Upload(admin, "模板.xlsx", data, nil, http.StatusOK, &imp)
	ts.Do("GET", "/api/v1/projects?year=2024", admin, nil, http.StatusOK, &after)
	if imp.RowsTotal != 0 || imp.RowsImported != 0 || len(imp.Changes) != 0 || len(imp.Problems) != 1 ||
		imp.Problems[0].Message != "第4行是模板的示例行，未导入；填报时请删除示例行" || after.Total != before.Total || before.Total == 0 {
		t.Errorf("template imported: %+v; projects %d → %d", imp, before.Total, after.Total)
	}
	if _, err := importer.Read(data, importer.Options{FileName: "模板.xlsx"}); err != nil {
		t.Error(err)
	}
}

func TestProblemsWorkbookHoldsTheBadRow(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("zhangdian")
	p := servertest.FirstProject("张店区")
	var imp servertest.ImportResult
	ts.Upload(token, "zd.csv", servertest.ZhangdianCSV(p.Code, p.Name, "1"), map[string]string{"dry_run": "true"}, http.StatusOK, &imp)
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/v1/imports/%d/problems.xlsx", ts.HTTP.URL, imp.ID), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if cd := resp.Header.Get("Content-Disposition"); resp.StatusCode != http.StatusOK || !strings.Contains(cd, "filename*=UTF-8''"+url.PathEscape("问题清单_zd.xlsx")) {
		t.Errorf("%d, Content-Disposition %q, want 问题清单_zd.xlsx", resp.StatusCode, cd)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetList()[0])
	// The title (it states the period), the header, the row with a
	// warning (a figure lower than May's) and the row with an error.
	if len(rows) != 4 || rows[0][0] != "张店区2024年1-6月市重大项目建设情况台账" || rows[1][4] != "问题级别" || rows[1][5] != "问题说明" ||
		rows[2][0] != p.Code || rows[2][4] != "警告" || rows[3][1] != "代码错误的项目" || rows[3][4] != "错误" || !strings.Contains(rows[3][5], "格式不对") {
		t.Errorf("problems workbook rows %q", rows)
	}
	// Corrected, it imports without the period being given again: the
	// fixed row is read with its new code (a new project, so the import
	// says what it lacks), the other keeps its warning.
	f.SetCellStr(f.GetSheetList()[0], "A4", "2403-370303-04-01-000123")
	fixed, _ := f.WriteToBuffer()
	var again servertest.ImportResult
	ts.Upload(token, "问题清单_zd.xlsx", fixed.Bytes(), map[string]string{"dry_run": "true"}, http.StatusOK, &again)
	if again.Period != "2024-06" || again.RowsTotal != 2 || again.RowsImported != 1 || len(again.Problems) != 2 ||
		again.Problems[1].Row != 4 || !strings.Contains(again.Problems[1].Message, "2403-370303-04-01-000123") {
		t.Errorf("the corrected workbook: period %q, %d rows, %d applicable, problems %+v", again.Period, again.RowsTotal, again.RowsImported, again.Problems)
	}
	ts.Do("GET", "/api/v1/imports/999/problems.xlsx", token, nil, http.StatusNotFound, nil)
	for in, want := range map[string]string{"台账.xlsx": "问题清单_台账.xlsx", "a.b.csv": "问题清单_a.b.xlsx", "旧台账.XLS": "问题清单_旧台账.xlsx", "无扩展名": "问题清单_无扩展名.xlsx"} {
		if got := api.ProblemsFileName(in); got != want {
			t.Errorf("ProblemsFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEditAuditAndLocks: with review off an uploader's hand edit applies
// at once (with review on it waits: TestReviewHoldsAUnitsHandEdit), is in
// the audit trail, and a locked quarter refuses it.
func TestEditAuditAndLocks(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		ts.With(server.Config{Collection: models.Collection{NoReview: true}}, servertest.DiscardLog())
		admin, uploader, reviewer := ts.Login("admin"), ts.Login("zhangdian"), ts.Login("reviewer")
		own, other := servertest.FirstProject("张店区"), servertest.FirstProject("淄川区")
		edit := map[string]any{"period": "2024-06", "completed_ytd_wan": 4321.5}
		var imp servertest.ImportResult
		ts.Do("PATCH", "/api/v1/projects/"+own.Code, uploader, edit, http.StatusOK, &imp)
		if imp.Status != "committed" || len(imp.Changes) != 1 || *imp.Changes[0].New != "4321.5" {
			t.Fatalf("edit: %+v", imp)
		}
		ts.Do("PATCH", "/api/v1/projects/"+other.Code, uploader, edit, http.StatusForbidden, nil)
		ts.Do("PATCH", "/api/v1/projects/"+own.Code, reviewer, edit, http.StatusForbidden, nil)
		ts.Do("PATCH", "/api/v1/projects/"+own.Code, admin, map[string]any{"completed_ytd_wan": 1}, http.StatusBadRequest, nil)

		var audit struct {
			Items []struct {
				User, Field, Kind string
				ImportID          int64 `json:"import_id"`
			} `json:"items"`
		}
		ts.Do("GET", "/api/v1/audit?code="+own.Code, uploader, nil, http.StatusForbidden, nil)
		ts.Do("GET", "/api/v1/audit?code="+own.Code, admin, nil, http.StatusOK, &audit)
		if len(audit.Items) != 1 || audit.Items[0].User != "zhangdian" || audit.Items[0].Kind != "edit" || audit.Items[0].ImportID != imp.ID {
			t.Errorf("audit %+v", audit.Items)
		}
		ts.Do("GET", "/api/v1/audit?from=yesterday", admin, nil, http.StatusBadRequest, nil)

		ts.Do("POST", "/api/v1/locks", uploader, map[string]int{"year": 2024, "quarter": 2}, http.StatusForbidden, nil)
		ts.Do("POST", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 2}, http.StatusOK, nil)
		var e httpx.ErrorBody
		ts.Do("PATCH", "/api/v1/projects/"+own.Code, uploader, edit, http.StatusConflict, &e)
		if !strings.Contains(e.Error.Message, "已锁定") {
			t.Errorf("locked message %q", e.Error.Message)
		}
		ts.Upload(uploader, "zd.csv", servertest.ZhangdianCSV(own.Code, own.Name, "1"), nil, http.StatusConflict, nil)
		ts.Do("DELETE", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 2}, http.StatusOK, nil)
		ts.Do("PATCH", "/api/v1/projects/"+own.Code, uploader, map[string]any{"period": "2024-06", "completed_ytd_wan": 1}, http.StatusOK, nil)
	})
}

func TestProjectListExportReadsBack(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	data := ts.Do("GET", "/api/v1/projects.xlsx?year=2024&district="+url.QueryEscape("张店区")+"&month=6", token, nil, http.StatusOK, nil)
	ledger, err := importer.Read(data, importer.Options{FileName: "清单.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Total int `json:"total"`
	}
	ts.Do("GET", "/api/v1/projects?year=2024&district="+url.QueryEscape("张店区"), token, nil, http.StatusOK, &list)
	if ledger.Records.Len() != list.Total || ledger.Period != 202406 {
		t.Errorf("read back %d records for %d projects, period %v", ledger.Records.Len(), list.Total, ledger.Period)
	}
	for _, p := range ledger.Problems {
		if p.Severity == importer.SeverityError {
			t.Errorf("problem reading the export back: %+v", p)
		}
	}
	ts.Do("GET", "/api/v1/audit.xlsx", token, nil, http.StatusForbidden, nil)
	if b := ts.Do("GET", "/api/v1/audit.xlsx", ts.Login("admin"), nil, http.StatusOK, nil); string(b[:2]) != "PK" {
		t.Error("audit.xlsx is not a workbook")
	}
}
