package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"tracker/httpx"
	"tracker/models"
	"tracker/server"
	"tracker/server/servertest"
)

// TestReviewHoldsAUnitsHandEdit: with review on, a district uploader's
// PATCH changes no figure: it is an edit import waiting for the office
// (status submitted, its change listed); the office's return leaves the
// figure as it was and the uploader reads why; its approval applies it.
// The office's own edit applies at once, and an edit is never a unit's 报送.
func TestReviewHoldsAUnitsHandEdit(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		up, admin := ts.Login("zhangdian"), ts.Login("admin")
		p := servertest.FirstProject("张店区")
		before := juneFigure(t, ts, admin, p.Code)

		var held servertest.ImportResult
		ts.Do("PATCH", "/api/v1/projects/"+p.Code, up, map[string]any{"period": "2024-06", "completed_ytd_wan": 99999, "note": "区县核实后更正"}, http.StatusOK, &held)
		if held.Status != "submitted" || len(held.Changes) != 1 || held.Changes[0].Field != "completed_ytd_wan" || *held.Changes[0].New != "99999" {
			t.Fatalf("uploader's edit under review: %+v", held)
		}
		if got := juneFigure(t, ts, admin, p.Code); got != before {
			t.Fatalf("after the uploader's edit the admin reads %s, want %s unchanged", got, before)
		}
		if s := submissionOf(t, ts, admin, "张店区"); s.Submitted || s.ImportID != nil {
			t.Errorf("a hand edit counted as 张店区's 报送: %+v", s)
		}

		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/return", held.ID), admin, map[string]string{"reason": "请随6月台账一并报送"}, http.StatusOK, nil)
		var seen struct {
			Status       string `json:"status"`
			Kind         string `json:"kind"`
			ReturnReason string `json:"return_reason"`
		}
		ts.Do("GET", fmt.Sprintf("/api/v1/imports/%d", held.ID), up, nil, http.StatusOK, &seen)
		if seen.Status != "returned" || seen.Kind != "edit" || seen.ReturnReason != "请随6月台账一并报送" {
			t.Errorf("the uploader sees %+v", seen)
		}
		if got := juneFigure(t, ts, admin, p.Code); got != before {
			t.Errorf("after return: %s, want %s", got, before)
		}

		var again, approved servertest.ImportResult
		ts.Do("PATCH", "/api/v1/projects/"+p.Code, up, map[string]any{"period": "2024-06", "completed_ytd_wan": 12345.6, "note": "区县核实后更正"}, http.StatusOK, &again)
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", again.ID), up, nil, http.StatusForbidden, nil)
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", again.ID), admin, nil, http.StatusOK, &approved)
		if approved.Status != "committed" || juneFigure(t, ts, admin, p.Code) != "12345.6" {
			t.Errorf("approved %+v; figure %s, want 12345.6", approved, juneFigure(t, ts, admin, p.Code))
		}
		if s := submissionOf(t, ts, admin, "张店区"); s.Submitted || s.Approved {
			t.Errorf("an approved hand edit counted as 张店区's 报送: %+v", s)
		}

		var e httpx.ErrorBody
		ts.Do("PATCH", "/api/v1/projects/"+p.Code, up, map[string]any{"period": "2024-06", "completed_ytd_wan": 12345.6, "note": "再报一次"}, http.StatusBadRequest, &e)
		if e.Error.Message != "填写的值与现有数据相同，没有需要审核的修改" {
			t.Errorf("an edit changing nothing: %q", e.Error.Message)
		}

		var office servertest.ImportResult
		ts.Do("PATCH", "/api/v1/projects/"+p.Code, admin, map[string]any{"period": "2024-06", "completed_ytd_wan": 23456, "note": "市项目办更正"}, http.StatusOK, &office)
		if office.Status != "committed" || juneFigure(t, ts, up, p.Code) != "23456" {
			t.Errorf("the office's edit: %+v; figure %s, want 23456", office, juneFigure(t, ts, up, p.Code))
		}
	})
}

// TestReviewOffAppliesAUnitsHandEdit: with review off an uploader's edit
// applies at once, as before review existed.
func TestReviewOffAppliesAUnitsHandEdit(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		ts.With(server.Config{Collection: models.Collection{NoReview: true}}, servertest.DiscardLog())
		up := ts.Login("zhangdian")
		p := servertest.FirstProject("张店区")
		var imp servertest.ImportResult
		ts.Do("PATCH", "/api/v1/projects/"+p.Code, up, map[string]any{"period": "2024-06", "completed_ytd_wan": 99999, "note": "区县核实后更正"}, http.StatusOK, &imp)
		if imp.Status != "committed" || juneFigure(t, ts, up, p.Code) != "99999" {
			t.Errorf("review off: %+v; figure %s, want 99999", imp, juneFigure(t, ts, up, p.Code))
		}
	})
}
