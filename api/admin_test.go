package api

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tracker/importer"
)

func TestTemplateReadsBackWithoutProblems(t *testing.T) {
	ts := newTestServer(t)
	req, _ := http.NewRequest("GET", ts.srv.URL+"/api/v1/template.xlsx", nil)
	req.Header.Set("Authorization", "Bearer "+ts.login("reviewer"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "filename*=UTF-8''%E9%87%8D") {
		t.Errorf("Content-Disposition %q", cd)
	}
	data := ts.send(req, http.StatusOK, nil)
	ledger, err := importer.Read(data, importer.Options{FileName: "模板.xlsx", Period: 202406})
	if err != nil || len(ledger.Records) != 1 || len(ledger.Problems) != 0 {
		t.Fatalf("template read back: %v, %d records, problems %v", err, len(ledger.Records), ledger.Problems)
	}
}

func TestProblemsWorkbookHoldsTheBadRow(t *testing.T) {
	ts := newTestServer(t)
	token := ts.login("zhangdian")
	p := firstProject("张店区")
	var imp importResult
	ts.upload(token, "zd.csv", zhangdianCSV(p.Code, p.Name, "1"), map[string]string{"dry_run": "true"}, http.StatusOK, &imp)
	data := ts.do("GET", fmt.Sprintf("/api/v1/imports/%d/problems.xlsx", imp.ID), token, nil, http.StatusOK, nil)
	if string(data[:2]) != "PK" {
		t.Fatalf("not a workbook: %q", data[:8])
	}
	ts.do("GET", "/api/v1/imports/999/problems.xlsx", token, nil, http.StatusNotFound, nil)
}

func TestEditAuditAndLocks(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		admin, uploader, reviewer := ts.login("admin"), ts.login("zhangdian"), ts.login("reviewer")
		own, other := firstProject("张店区"), firstProject("淄川区")
		edit := map[string]any{"period": "2024-06", "completed_ytd_wan": 4321.5}
		var imp importResult
		ts.do("PATCH", "/api/v1/projects/"+own.Code, uploader, edit, http.StatusOK, &imp)
		if imp.Status != "committed" || len(imp.Changes) != 1 || *imp.Changes[0].New != "4321.5" {
			t.Fatalf("edit: %+v", imp)
		}
		ts.do("PATCH", "/api/v1/projects/"+other.Code, uploader, edit, http.StatusForbidden, nil)
		ts.do("PATCH", "/api/v1/projects/"+own.Code, reviewer, edit, http.StatusForbidden, nil)
		ts.do("PATCH", "/api/v1/projects/"+own.Code, admin, map[string]any{"completed_ytd_wan": 1}, http.StatusBadRequest, nil)

		var audit struct {
			Items []struct {
				User, Field, Kind string
				ImportID          int64 `json:"import_id"`
			} `json:"items"`
		}
		ts.do("GET", "/api/v1/audit?code="+own.Code, uploader, nil, http.StatusForbidden, nil)
		ts.do("GET", "/api/v1/audit?code="+own.Code, admin, nil, http.StatusOK, &audit)
		if len(audit.Items) != 1 || audit.Items[0].User != "zhangdian" || audit.Items[0].Kind != "edit" || audit.Items[0].ImportID != imp.ID {
			t.Errorf("audit %+v", audit.Items)
		}
		ts.do("GET", "/api/v1/audit?from=yesterday", admin, nil, http.StatusBadRequest, nil)

		ts.do("POST", "/api/v1/locks", uploader, map[string]int{"year": 2024, "quarter": 2}, http.StatusForbidden, nil)
		ts.do("POST", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 2}, http.StatusOK, nil)
		var e errorBody
		ts.do("PATCH", "/api/v1/projects/"+own.Code, uploader, edit, http.StatusConflict, &e)
		if !strings.Contains(e.Error.Message, "已锁定") {
			t.Errorf("locked message %q", e.Error.Message)
		}
		ts.upload(uploader, "zd.csv", zhangdianCSV(own.Code, own.Name, "1"), nil, http.StatusConflict, nil)
		ts.do("DELETE", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 2}, http.StatusOK, nil)
		ts.do("PATCH", "/api/v1/projects/"+own.Code, uploader, map[string]any{"period": "2024-06", "completed_ytd_wan": 1}, http.StatusOK, nil)
	})
}

func TestProjectListExportReadsBack(t *testing.T) {
	ts := newTestServer(t)
	token := ts.login("reviewer")
	data := ts.do("GET", "/api/v1/projects.xlsx?year=2024&district="+url.QueryEscape("张店区")+"&month=6", token, nil, http.StatusOK, nil)
	ledger, err := importer.Read(data, importer.Options{FileName: "清单.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Total int `json:"total"`
	}
	ts.do("GET", "/api/v1/projects?year=2024&district="+url.QueryEscape("张店区"), token, nil, http.StatusOK, &list)
	if len(ledger.Records) != list.Total || ledger.Period != 202406 {
		t.Errorf("read back %d records for %d projects, period %v", len(ledger.Records), list.Total, ledger.Period)
	}
	for _, p := range ledger.Problems {
		if p.Severity == importer.SeverityError {
			t.Errorf("problem reading the export back: %+v", p)
		}
	}
	ts.do("GET", "/api/v1/audit.xlsx", token, nil, http.StatusForbidden, nil)
	if b := ts.do("GET", "/api/v1/audit.xlsx", ts.login("admin"), nil, http.StatusOK, nil); string(b[:2]) != "PK" {
		t.Error("audit.xlsx is not a workbook")
	}
}
