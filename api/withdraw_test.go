package api_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/httpx"
	"tracker/models"
	"tracker/server/servertest"
)

type withdrawnJSON struct {
	Status      string  `json:"status"`
	Kind        string  `json:"kind"`
	WithdrawnBy string  `json:"withdrawn_by"`
	WithdrawnAt *string `json:"withdrawn_at"`
}

// TestWithdrawAWaitingUploadThroughTheAPI: the uploader who sent an upload
// takes it back while it waits for review: nothing applied, status
// withdrawn, the kept file stays, the audit trail shows it as 已撤回（未生效）
// and 报送情况 no longer counts it. Another uploader of the unit, another
// unit's uploader and a reviewer may not; once withdrawn, no one may
// withdraw, approve or return it (409 in Chinese).
func TestWithdrawAWaitingUploadThroughTheAPI(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		for _, u := range []models.User{{Name: "zhangdian2", Role: models.RoleUploader, District: "张店区"},
			{Name: "zichuan", Role: models.RoleUploader, District: "淄川区"}} {
			if _, err := ts.Store.CreateUser(context.Background(), u, "password-"+u.Name); err != nil {
				t.Fatal(err)
			}
		}
		up, admin := ts.Login("zhangdian"), ts.Login("admin")
		p := servertest.FirstProject("张店区")
		before := juneFigure(t, ts, admin, p.Code)
		file := servertest.ZhangdianCSV(p.Code, p.Name, "22222")
		var sent servertest.ImportResult
		ts.Upload(up, "张店区1-6月.csv", file, nil, http.StatusOK, &sent)
		path := fmt.Sprintf("/api/v1/imports/%d/withdraw", sent.ID)

		var e httpx.ErrorBody
		ts.Do("POST", path, ts.Login("zhangdian2"), nil, http.StatusForbidden, &e)
		if want := fmt.Sprintf("只有报送人本人或市重大项目办（管理员）可以撤回第%d号导入", sent.ID); e.Error.Message != want {
			t.Errorf("another uploader of the unit: %q, want %q", e.Error.Message, want)
		}
		ts.Do("POST", path, ts.Login("zichuan"), nil, http.StatusNotFound, nil)
		ts.Do("POST", path, ts.Login("reviewer"), nil, http.StatusForbidden, nil)

		var out withdrawnJSON
		ts.Do("POST", path, up, nil, http.StatusOK, &out)
		if out.Status != "withdrawn" || out.WithdrawnBy != "zhangdian" || out.WithdrawnAt == nil {
			t.Fatalf("withdrawn: %+v", out)
		}
		if got := juneFigure(t, ts, admin, p.Code); got != before {
			t.Errorf("after withdrawal the figure is %s, want %s", got, before)
		}
		if s := submissionOf(t, ts, admin, "张店区"); s.Submitted || s.ImportID != nil || s.Status != "" {
			t.Errorf("a withdrawn upload still counts as 报送: %+v", s)
		}
		if got := ts.Do("GET", fmt.Sprintf("/api/v1/imports/%d/file", sent.ID), up, nil, http.StatusOK, nil); !bytes.Equal(got, file) {
			t.Errorf("kept file: %d bytes, want the %d sent", len(got), len(file))
		}
		ts.Do("POST", path, up, nil, http.StatusConflict, &e)
		if want := fmt.Sprintf("第%d号导入的状态是“已撤回”，只有待审核的导入可以撤回", sent.ID); e.Error.Message != want {
			t.Errorf("withdrawn twice: %q, want %q", e.Error.Message, want)
		}
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", sent.ID), admin, nil, http.StatusConflict, nil)
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/return", sent.ID), admin, map[string]string{"reason": "晚了"}, http.StatusConflict, nil)

		var trail struct {
			Items []struct {
				ImportID    int64   `json:"import_id"`
				Status      string  `json:"status"`
				Applied     bool    `json:"applied"`
				WithdrawnBy string  `json:"withdrawn_by"`
				At          *string `json:"at"`
				New         *string `json:"new"`
			} `json:"items"`
		}
		ts.Do("GET", "/api/v1/audit?code="+p.Code, admin, nil, http.StatusOK, &trail)
		if len(trail.Items) != 1 {
			t.Fatalf("trail %+v, want the withdrawn upload's one change", trail.Items)
		}
		if it := trail.Items[0]; it.ImportID != sent.ID || it.Status != "withdrawn" || it.Applied || it.WithdrawnBy != "zhangdian" ||
			it.At == nil || *it.At != *out.WithdrawnAt || *it.New != "22222" {
			t.Errorf("trail entry %+v, want import %d withdrawn at %s, not applied", it, sent.ID, *out.WithdrawnAt)
		}
		book := auditBookRows(t, ts.Do("GET", "/api/v1/audit.xlsx?code="+p.Code, admin, nil, http.StatusOK, nil))
		if len(book) != 1 || book[0][5] != "已撤回（未生效）" || book[0][11] != "22,222.00" || book[0][13] != "zhangdian" {
			t.Errorf("workbook rows %q, want one 已撤回（未生效） row naming zhangdian as 撤销人", book)
		}
	})
}

// TestTheOfficeWithdrawsAWaitingHandEdit: the office may withdraw a unit's
// waiting hand edit too (the edit's figure stays as it was); a committed
// import cannot be withdrawn.
func TestTheOfficeWithdrawsAWaitingHandEdit(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		up, admin := ts.Login("zhangdian"), ts.Login("admin")
		p := servertest.FirstProject("张店区")
		before := juneFigure(t, ts, admin, p.Code)
		var held, office servertest.ImportResult
		ts.Do("PATCH", "/api/v1/projects/"+p.Code, up, map[string]any{"period": "2024-06", "completed_ytd_wan": 99999, "note": "区县核实后更正"}, http.StatusOK, &held)
		var out withdrawnJSON
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/withdraw", held.ID), admin, nil, http.StatusOK, &out)
		if out.Status != "withdrawn" || out.Kind != "edit" || out.WithdrawnBy != "admin" {
			t.Errorf("withdrawn edit %+v", out)
		}
		if got := juneFigure(t, ts, admin, p.Code); got != before {
			t.Errorf("after withdrawal the figure is %s, want %s", got, before)
		}
		ts.Do("PATCH", "/api/v1/projects/"+p.Code, admin, map[string]any{"period": "2024-06", "completed_ytd_wan": 23456, "note": "市项目办更正"}, http.StatusOK, &office)
		var e httpx.ErrorBody
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/withdraw", office.ID), admin, nil, http.StatusConflict, &e)
		if want := fmt.Sprintf("第%d号导入的状态是“已提交”，只有待审核的导入可以撤回", office.ID); e.Error.Message != want {
			t.Errorf("withdrawing a committed edit: %q, want %q", e.Error.Message, want)
		}
	})
}

// auditBookRows are the data rows of the audit workbook's 修改记录 sheet.
func auditBookRows(t *testing.T, data []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("修改记录")
	if len(rows) < 3 || !strings.HasPrefix(strings.Join(rows[2], "|"), "序号|时间|用户") {
		t.Fatalf("workbook rows %q", rows)
	}
	return rows[3:]
}
