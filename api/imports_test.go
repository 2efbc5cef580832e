package api

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"tracker/models"
	"tracker/models/demo"
)

// upload posts a file to /api/v1/imports with form fields.
func (ts *testServer) upload(token, name string, data []byte, fields map[string]string, wantStatus int, out any) []byte {
	ts.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", ts.srv.URL+"/api/v1/imports", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	return ts.send(req, wantStatus, out)
}

func (ts *testServer) send(req *http.Request, wantStatus int, out any) []byte {
	ts.t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		ts.t.Fatalf("%s %s: status %d, want %d: %.300s", req.Method, req.URL.Path, resp.StatusCode, wantStatus, raw)
	}
	if out != nil {
		decodeJSON(ts.t, raw, out)
	}
	return raw
}

// zhangdianCSV is a district ledger as a spreadsheet program saves it: a
// title, a header, one good row for a real project and one with a bad code.
func zhangdianCSV(code, name string, completedWan string) []byte {
	return []byte("\ufeff张店区2024年1-6月市重大项目建设情况台账,,,\n" +
		"项目代码,项目名称,所属区县,1-6月累计完成投资（万元）\n" +
		fmt.Sprintf("%s,%s,张店区,%s\n", code, name, completedWan) +
		"2403-3703-04-01-000123,代码错误的项目,张店区,100\n")
}

type importResult struct {
	ID           int64  `json:"id"`
	Status       string `json:"status"`
	SHA256       string `json:"sha256"`
	Period       string `json:"period"`
	RowsTotal    int    `json:"rows_total"`
	RowsImported int    `json:"rows_imported"`
	Updated      int    `json:"updated"`
	Problems     []struct {
		Sheet, Column, Severity, Message string
		Row                              int
	} `json:"problems"`
	Changes []struct {
		Code, Field string
		Old, New    *string
	} `json:"changes"`
}

func firstProject(district string) models.Project {
	for _, p := range demo.Portfolio2024() {
		if p.District == district {
			return p
		}
	}
	panic("no project in " + district)
}

func TestUploadPreviewCommitRevertThroughTheAPI(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		token := ts.login("zhangdian")
		p := firstProject("张店区")
		file := zhangdianCSV(p.Code, p.Name, "12345.67")
		var rates0 figuresJSON
		ts.do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, &rates0)

		var preview importResult
		ts.upload(token, "张店区1-6月.csv", file, map[string]string{"dry_run": "true"}, http.StatusOK, &preview)
		if preview.Status != "previewed" || preview.Period != "2024-06" || preview.RowsTotal != 2 || preview.RowsImported != 1 {
			t.Fatalf("preview %+v", preview)
		}
		if len(preview.Problems) == 0 || preview.Problems[0].Row != 4 || preview.Problems[0].Column != "A" || preview.Problems[0].Severity != "error" {
			t.Errorf("problems %+v", preview.Problems)
		}
		if len(preview.Changes) != 1 || preview.Changes[0].Field != "completed_ytd_wan" || *preview.Changes[0].New != "12345.67" {
			t.Errorf("changes %+v", preview.Changes)
		}
		var unchanged figuresJSON
		ts.do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, &unchanged)
		if unchanged.Completed != rates0.Completed {
			t.Fatal("a preview changed the rates")
		}

		var committed importResult
		ts.do("POST", fmt.Sprintf("/api/v1/imports/%d/commit", preview.ID), token, nil, http.StatusOK, &committed)
		if committed.Status != "committed" || committed.Updated != 1 {
			t.Fatalf("commit %+v", committed)
		}
		var after figuresJSON
		ts.do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, &after)
		old, _ := p.CompletedAsOf(models.MonthOf(2024, 6))
		want := mustMoney(t, rates0.Completed.String()) - old + 123456700
		if mustMoney(t, after.Completed.String()) != want {
			t.Errorf("completed after commit %s, want %s", after.Completed, want.WanString())
		}
		got := ts.do("GET", fmt.Sprintf("/api/v1/imports/%d/file", preview.ID), token, nil, http.StatusOK, nil)
		if !bytes.Equal(got, file) {
			t.Error("the kept file differs from the upload")
		}
		ts.do("POST", fmt.Sprintf("/api/v1/imports/%d/revert", preview.ID), ts.login("reviewer"), nil, http.StatusForbidden, nil)
		ts.do("POST", fmt.Sprintf("/api/v1/imports/%d/revert", preview.ID), token, nil, http.StatusOK, nil)
		var reverted figuresJSON
		ts.do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, &reverted)
		if reverted.Completed != rates0.Completed {
			t.Errorf("after revert %s, want %s", reverted.Completed, rates0.Completed)
		}
		ts.do("POST", fmt.Sprintf("/api/v1/imports/%d/revert", preview.ID), token, nil, http.StatusConflict, nil)
	})
}

func TestUploadsThatCannotBeUsed(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		admin := ts.login("admin")
		ts.upload(ts.login("reviewer"), "a.csv", zhangdianCSV("x", "y", "1"), nil, http.StatusForbidden, nil)
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
			var e errorBody
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, _ := mw.CreateFormFile("file", tt.name)
			fw.Write(tt.data)
			mw.Close()
			req, _ := http.NewRequest("POST", ts.srv.URL+"/api/v1/imports", &body)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			req.Header.Set("Authorization", "Bearer "+admin)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			decodeJSON(t, raw, &e)
			ok := false
			for _, s := range tt.status {
				ok = ok || resp.StatusCode == s
			}
			if !ok || e.Error.Message == "" || !hasChinese(e.Error.Message) {
				t.Errorf("%s: status %d message %q", tt.name, resp.StatusCode, e.Error.Message)
			}
		}
		var list struct {
			Items []importResult `json:"items"`
		}
		ts.do("GET", "/api/v1/imports", admin, nil, http.StatusOK, &list)
		if len(list.Items) != 0 {
			t.Errorf("unusable files were stored: %d imports", len(list.Items))
		}
		n, _ := ts.store.CountProjects(context.Background())
		if n != 530 {
			t.Errorf("%d projects after bad uploads", n)
		}
	})
}

func TestUploadOverTheSizeLimitGets413(t *testing.T) {
	ts := newTestServer(t)
	ts.srv.Config.Handler = NewServer(ts.store, Config{MaxUploadBytes: 1 << 20}, discardLog())
	var e errorBody
	ts.upload(ts.login("admin"), "big.csv", bytes.Repeat([]byte("a,b,c\n"), 400000), nil, http.StatusRequestEntityTooLarge, &e)
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

func hasChinese(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
