package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"tracker/models"
	"tracker/server"
	"tracker/server/servertest"
)

type submissionJSON struct {
	Unit      string  `json:"unit"`
	Submitted bool    `json:"submitted"`
	Approved  bool    `json:"approved"`
	ImportID  *int64  `json:"import_id"`
	Deadline  string  `json:"deadline"`
	Late      bool    `json:"late"`
	Status    string  `json:"status"`
	SentAt    *string `json:"sent_at"`
}

// juneFigure is a project's June 2024 cumulative figure as the API shows it.
func juneFigure(t *testing.T, ts *servertest.Server, token, code string) string {
	t.Helper()
	var p struct {
		Investments []struct {
			Period    string      `json:"period"`
			Completed json.Number `json:"completed_ytd_wan"`
		} `json:"investments"`
	}
	ts.Do("GET", "/api/v1/projects/"+code+"?year=2024", token, nil, http.StatusOK, &p)
	for _, inv := range p.Investments {
		if inv.Period == "2024-06" {
			return string(inv.Completed)
		}
	}
	return ""
}

// submissionOf is one unit's line of GET /api/v1/submissions for June 2024.
func submissionOf(t *testing.T, ts *servertest.Server, token, unit string) submissionJSON {
	t.Helper()
	var subs []submissionJSON
	ts.Do("GET", "/api/v1/submissions?year=2024&month=6", token, nil, http.StatusOK, &subs)
	for _, s := range subs {
		if s.Unit == unit {
			return s
		}
	}
	t.Fatalf("no line for %s in %+v", unit, subs)
	return submissionJSON{}
}

// TestReviewRoundTripThroughTheAPI: with review on, a unit's upload
// changes no figure until the office approves it; returning it leaves
// everything as before and the uploader reads why; the office's own upload
// and hand edit never count as the unit's 报送.
func TestReviewRoundTripThroughTheAPI(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		up, admin := ts.Login("zhangdian"), ts.Login("admin")
		p, bs := servertest.FirstProject("张店区"), servertest.FirstProject("博山区")
		before := juneFigure(t, ts, up, p.Code)

		// The office's own upload of 张店区's ledger and a hand edit of a
		// 博山区 project apply at once and are nobody's 报送.
		var office servertest.ImportResult
		ts.Upload(admin, "张店区.csv", servertest.ZhangdianCSV(p.Code, p.Name, before), nil, http.StatusOK, &office)
		ts.Do("PATCH", "/api/v1/projects/"+bs.Code, admin, map[string]any{"period": "2024-06", "completed_ytd_wan": 1, "note": "与博山区核实"}, http.StatusOK, nil)
		if office.Status != "committed" {
			t.Fatalf("office upload %+v", office)
		}
		for _, unit := range []string{"张店区", "博山区"} {
			if s := submissionOf(t, ts, up, unit); s.Submitted || s.Approved || s.ImportID != nil {
				t.Errorf("%s after the office's own import and edit: %+v, want not sent", unit, s)
			}
		}

		var sent servertest.ImportResult
		ts.Upload(up, "张店区1-6月.csv", servertest.ZhangdianCSV(p.Code, p.Name, "22222"), nil, http.StatusOK, &sent)
		if sent.Status != "submitted" || juneFigure(t, ts, up, p.Code) != before {
			t.Fatalf("sent %+v; figure %s, want %s unchanged", sent, juneFigure(t, ts, up, p.Code), before)
		}
		if s := submissionOf(t, ts, up, "张店区"); !s.Submitted || s.Approved || s.ImportID == nil || *s.ImportID != sent.ID || s.Status != "submitted" {
			t.Errorf("waiting: %+v", s)
		}
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/return", sent.ID), admin, map[string]string{"reason": "第4行项目代码有误，请核实后重新上传"}, http.StatusOK, nil)
		var seen struct {
			Status       string `json:"status"`
			ReturnReason string `json:"return_reason"`
			ReviewedBy   string `json:"reviewed_by"`
		}
		ts.Do("GET", fmt.Sprintf("/api/v1/imports/%d", sent.ID), up, nil, http.StatusOK, &seen)
		if seen.Status != "returned" || seen.ReturnReason != "第4行项目代码有误，请核实后重新上传" || seen.ReviewedBy != "admin" {
			t.Errorf("the uploader sees %+v", seen)
		}
		if got := juneFigure(t, ts, up, p.Code); got != before {
			t.Errorf("after return: %s, want %s", got, before)
		}
		if s := submissionOf(t, ts, up, "张店区"); s.Submitted || s.Approved || s.Status != "returned" {
			t.Errorf("returned: %+v", s)
		}
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", sent.ID), admin, nil, http.StatusConflict, nil)

		var again servertest.ImportResult
		ts.Upload(up, "张店区1-6月（修改后）.csv", servertest.ZhangdianCSV(p.Code, p.Name, "23456.78"), nil, http.StatusOK, &again)
		if juneFigure(t, ts, up, p.Code) != before {
			t.Fatal("the resubmission changed the figure before approval")
		}
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", again.ID), up, nil, http.StatusForbidden, nil)
		var approved servertest.ImportResult
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", again.ID), admin, nil, http.StatusOK, &approved)
		if approved.Status != "committed" || juneFigure(t, ts, up, p.Code) != "23456.78" {
			t.Errorf("approved %+v; figure %s, want 23456.78", approved, juneFigure(t, ts, up, p.Code))
		}
		s := submissionOf(t, ts, up, "张店区")
		if !s.Submitted || !s.Approved || *s.ImportID != again.ID || s.Deadline != "2024-07-05" || !s.Late {
			t.Errorf("approved: %+v (sent today, long after 2024-07-05)", s)
		}
	})
}

func TestReviewOffAppliesAUnitsUploadAtOnce(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		ts.With(server.Config{Collection: models.Collection{NoReview: true, DeadlineDay: 10}}, servertest.DiscardLog())
		up := ts.Login("zhangdian")
		p := servertest.FirstProject("张店区")
		var imp servertest.ImportResult
		ts.Upload(up, "张店区.csv", servertest.ZhangdianCSV(p.Code, p.Name, "34567"), nil, http.StatusOK, &imp)
		if imp.Status != "committed" || juneFigure(t, ts, up, p.Code) != "34567" {
			t.Errorf("review off: %+v, figure %s", imp, juneFigure(t, ts, up, p.Code))
		}
		if s := submissionOf(t, ts, up, "张店区"); !s.Approved || s.Deadline != "2024-07-10" {
			t.Errorf("review off: %+v", s)
		}
	})
}
