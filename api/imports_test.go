package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"tracker/httpx"
	"tracker/models"
	"tracker/server"
	"tracker/server/servertest"
)

func TestUploadPreviewCommitRevertThroughTheAPI(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		token := ts.Login("zhangdian")
		p := servertest.FirstProject("张店区")
		file := servertest.ZhangdianCSV(p.Code, p.Name, "12345.67")
		var rates0 figuresJSON
		ts.Do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, &rates0)

		var preview servertest.ImportResult
		ts.Upload(token, "张店区1-6月.csv", file, map[string]string{"dry_run": "true"}, http.StatusOK, &preview)
		if preview.Status != "previewed" || preview.Kind != "monthly" || preview.Period != "2024-06" || preview.RowsTotal != 2 || preview.RowsImported != 1 {
			t.Fatalf("preview %+v", preview)
		}
		if len(preview.Problems) == 0 || preview.Problems[0].Row != 4 || preview.Problems[0].Column != "A" || preview.Problems[0].Severity != "error" {
			t.Errorf("problems %+v", preview.Problems)
		}
		if len(preview.Changes) != 1 || preview.Changes[0].Field != "completed_ytd_wan" || *preview.Changes[0].New != "12345.67" {
			t.Errorf("changes %+v", preview.Changes)
		}
		var unchanged figuresJSON
		ts.Do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, &unchanged)
		if unchanged.Completed != rates0.Completed {
			t.Fatal("a preview changed the rates")
		}

		// Review on (the default): the uploader's commit submits it, and
		// only the office's approval changes the figures.
		var submitted servertest.ImportResult
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/commit", preview.ID), token, nil, http.StatusOK, &submitted)
		if submitted.Status != "submitted" {
			t.Fatalf("uploader's commit %+v, want submitted", submitted)
		}
		ts.Do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, &unchanged)
		if unchanged.Completed != rates0.Completed {
			t.Fatal("a submitted upload changed the rates")
		}
		var committed servertest.ImportResult
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", preview.ID), ts.Login("admin"), nil, http.StatusOK, &committed)
		if committed.Status != "committed" || committed.Updated != 1 {
			t.Fatalf("approve %+v", committed)
		}
		var after figuresJSON
		ts.Do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, &after)
		old, _ := p.CompletedAsOf(models.MonthOf(2024, 6))
		want := mustMoney(t, rates0.Completed.String()) - old + 123456700
		if mustMoney(t, after.Completed.String()) != want {
			t.Errorf("completed after commit %s, want %s", after.Completed, want.WanString())
		}
		got := ts.Do("GET", fmt.Sprintf("/api/v1/imports/%d/file", preview.ID), token, nil, http.StatusOK, nil)
		if !bytes.Equal(got, file) {
			t.Error("the kept file differs from the upload")
		}
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/revert", preview.ID), ts.Login("reviewer"), nil, http.StatusForbidden, nil)
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/revert", preview.ID), token, nil, http.StatusOK, nil)
		var reverted figuresJSON
		ts.Do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, &reverted)
		if reverted.Completed != rates0.Completed {
			t.Errorf("after revert %s, want %s", reverted.Completed, rates0.Completed)
		}
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/revert", preview.ID), token, nil, http.StatusConflict, nil)
	})
}

func TestUploadsThatCannotBeUsed(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		before, _ := ts.Store.CountProjects(context.Background())
		admin := ts.Login("admin")
		ts.Upload(ts.Login("reviewer"), "a.csv", servertest.ZhangdianCSV("x", "y", "1"), nil, http.StatusForbidden, nil)
		tests := []struct {
			name   string
			data   []byte
			status []int
		}{
			{"notes.xlsx", []byte("这不是表格，只是几句话。"), []int{415, 422}},
			{"empty.csv", []byte{}, []int{422, 400}},
			{"picture.xlsx", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...), []int{415}},
		}
		for _, tt := range tests {
			var e httpx.ErrorBody
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, _ := mw.CreateFormFile("file", tt.name)
			fw.Write(tt.data)
			mw.Close()
			req, _ := http.NewRequest("POST", ts.HTTP.URL+"/api/v1/imports", &body)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			req.Header.Set("Authorization", "Bearer "+admin)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			servertest.DecodeJSON(t, raw, &e)
			ok := false
			for _, s := range tt.status {
				ok = ok || resp.StatusCode == s
			}
			if !ok || e.Error.Message == "" || !servertest.HasChinese(e.Error.Message) {
				t.Errorf("%s: status %d message %q", tt.name, resp.StatusCode, e.Error.Message)
			}
		}
		var list struct {
			Items []servertest.ImportResult `json:"items"`
		}
		ts.Do("GET", "/api/v1/imports", admin, nil, http.StatusOK, &list)
		if len(list.Items) != 0 {
			t.Errorf("unusable files were stored: %d imports", len(list.Items))
		}
		n, _ := ts.Store.CountProjects(context.Background())
		if n != before {
			t.Errorf("%d projects after bad uploads, %d before", n, before)
		}
	})
}

func TestUploadOverTheSizeLimitGets413(t *testing.T) {
	ts := servertest.New(t)
	ts.HTTP.Config.Handler = server.New(ts.Store, server.Config{MaxUploadBytes: 1 << 20}, servertest.DiscardLog())
	var e httpx.ErrorBody
	ts.Upload(ts.Login("admin"), "big.csv", bytes.Repeat([]byte("a,b,c\n"), 400000), nil, http.StatusRequestEntityTooLarge, &e)
	if !strings.Contains(e.Error.Message, "1 MB") {
		t.Errorf("message %q", e.Error.Message)
	}
}

func mustMoney(t *testing.T, wan string) models.Money {
	m, err := models.ParseDecimal(wan, models.Wan)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestImportAnswersCarryEveryChangeInOrder: the answers to an upload, its
// commit, its revert and GET /imports/{id} — whose changes are read from the store one
// at a time and written as they are read — hold every change, in order,
// exactly as the store keeps them (the import read whole), on SQLite and
// PostgreSQL: all 张店区 projects' figures and progress texts changed,
// text that JSON must escape included.
func TestImportAnswersCarryEveryChangeInOrder(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		token := ts.Login("admin")
		var csv strings.Builder
		csv.WriteString("张店区2024年1-6月市重大项目建设情况台账,,,,\n项目代码,项目名称,所属区县,1-6月累计完成投资（万元）,形象进度\n")
		n := 0
		ps, _ := ts.Store.Portfolio(t.Context(), 2024)
		for _, p := range ps {
			if p.District == "张店区" {
				n++
				fmt.Fprintf(&csv, "%s,%s,张店区,%d.5,\"主体完工<b>&\"\"%d\"\"\\\"\n", p.Code, p.Name, 90000+n, n)
			}
		}
		type answer struct {
			ID      int64            `json:"id"`
			Status  string           `json:"status"`
			Changes []map[string]any `json:"changes"`
		}
		var preview, got, committed answer
		ts.Upload(token, "张店区1-6月.csv", []byte(csv.String()), map[string]string{"dry_run": "true"}, http.StatusOK, &preview)
		ts.Do("GET", fmt.Sprintf("/api/v1/imports/%d", preview.ID), token, nil, http.StatusOK, &got)
		kept, err := ts.Store.Import(t.Context(), preview.ID)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := json.Marshal(kept.Changes)
		var want []map[string]any
		json.Unmarshal(raw, &want)
		if len(want) != 2*n || n < 20 {
			t.Fatalf("%d changes kept for %d projects", len(want), n)
		}
		if fmt.Sprint(preview.Changes) != fmt.Sprint(want) || fmt.Sprint(got.Changes) != fmt.Sprint(want) {
			t.Errorf("preview %d changes, GET %d, kept %d; first %v / %v, want %v", len(preview.Changes), len(got.Changes), len(want),
				first(preview.Changes), first(got.Changes), want[0])
		}
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/commit", preview.ID), token, nil, http.StatusOK, &committed)
		if committed.Status != "committed" || fmt.Sprint(committed.Changes) != fmt.Sprint(want) {
			t.Errorf("commit %s with %d changes, want %d", committed.Status, len(committed.Changes), len(want))
		}
		var reverted answer
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/revert", preview.ID), token, nil, http.StatusOK, &reverted)
		if reverted.Status != "reverted" || fmt.Sprint(reverted.Changes) != fmt.Sprint(want) {
			t.Errorf("revert %s with %d changes, want %d", reverted.Status, len(reverted.Changes), len(want))
		}
		last := want[len(want)-1]
		if last["field"] != "progress" || last["new"] != fmt.Sprintf(`主体完工<b>&"%d"\`, n) || last["period"] != "2024-06" {
			t.Errorf("last change %v", last)
		}
	})
}

func first(cs []map[string]any) any {
	if len(cs) == 0 {
		return nil
	}
	return cs[0]
}
