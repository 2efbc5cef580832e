package web_test

import (
	"net/http"
	"strings"
	"testing"

	"tracker/server/servertest"
)

// TestJanuaryIsOneLabelOnThePages: January's cumulative figures are "1月"
// on every page, as in the workbooks and the 通报 (models.CumulativeLabel),
// never "1-1月" — the 报表 page's month list included.
func TestJanuaryIsOneLabelOnThePages(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	for _, path := range []string{"/dashboard?year=2024&month=1", "/projects?year=2024&month=1", "/reports", "/submissions?year=2024&month=1",
		"/imports", "/supervisions", "/lists?year=2024", "/projects/" + servertest.FirstProject("张店区").Code + "?year=2024&month=1"} {
		if body := admin.page(path, http.StatusOK); strings.Contains(body, "1-1月") {
			t.Errorf("%s says 1-1月", path)
		}
	}
	wantContains(t, "报表", admin.page("/reports", http.StatusOK), `<option value="1">1月</option>`, `<option value="2">1-2月</option>`)
}
