package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"tracker/models"
	"tracker/server/servertest"
)

// TestPlannedCompletionEndToEnd follows the newest ledger field, 计划竣工时间,
// with 形象进度 beside it, from a ledger column to the store, the API, the
// project page and the audit trail — a field added as one registry entry.
func TestPlannedCompletionEndToEnd(t *testing.T) {
	ts := servertest.New(t)
	p := servertest.FirstProject("张店区")
	csv := fmt.Sprintf("张店区2024年1-6月市重大项目建设情况台账\n项目代码,项目名称,1-6月累计完成投资（万元）,形象进度,预计竣工时间\n"+
		"%s,%s,321.5,主体结构封顶,2025年10月\n", p.Code, p.Name)
	var imp models.Import
	ts.Upload(ts.Login("admin"), "张店区6月.csv", []byte(csv), nil, http.StatusOK, &imp)
	if imp.Status != models.StatusCommitted || imp.RowsImported != 1 {
		t.Fatalf("import: %s, %d rows", imp.Status, imp.RowsImported)
	}
	var got models.Project
	ts.Do("GET", "/api/v1/projects/"+p.Code+"?year=2024", ts.Login("admin"), nil, http.StatusOK, &got)
	if got.PlannedCompletion != models.MonthOf(2025, 10) || got.Progress != "主体结构封顶" {
		t.Errorf("API: planned completion %v, progress %q", got.PlannedCompletion, got.Progress)
	}
	page := signIn(ts, "admin").page("/projects/"+p.Code+"?year=2024&month=6", http.StatusOK)
	wantContains(t, "project page", page, `<dd id="planned-completion">2025年10月</dd>`, `<dd id="progress" class="prose">主体结构封顶</dd>`, `计划竣工时间（<span class="date">2024年6月</span>）`)
	if page5 := signIn(ts, "admin").page("/projects/"+p.Code+"?year=2024&month=5", http.StatusOK); strings.Contains(page5, `<dd id="progress" class="prose">主体结构封顶</dd>`) ||
		!strings.Contains(page5, `<dd id="planned-completion">—</dd>`) {
		t.Error("the page as of May shows June's 形象进度 or 计划竣工时间")
	}
	var audit struct{ Items []models.AuditEntry }
	ts.Do("GET", "/api/v1/audit?code="+p.Code, ts.Login("admin"), nil, http.StatusOK, &audit)
	found := false
	for _, e := range audit.Items {
		if e.Field == "planned_completion" && e.New != nil && *e.New == "2025-10" && e.ImportID == imp.ID {
			found = true
		}
	}
	if !found {
		t.Errorf("the audit trail has no planned_completion change of import %d: %+v", imp.ID, audit.Items)
	}
}
