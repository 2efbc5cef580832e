package api_test

import (
	"net/http"
	"strings"
	"testing"

	"tracker/httpx"
	"tracker/server/servertest"
)

// TestRefusedEditsLeaveNoHistory: a hand edit with an unknown field, with
// no field, or that cannot be applied is a 4xx naming the problem in the
// edit's own terms, and none of them changes or records anything.
func TestRefusedEditsLeaveNoHistory(t *testing.T) {
	ts := servertest.New(t)
	admin := ts.Login("admin")
	p := servertest.FirstProject("张店区")
	history := func() int {
		var out struct{ Items []any }
		ts.Do("GET", "/api/v1/imports", admin, nil, http.StatusOK, &out)
		return len(out.Items)
	}
	before := history()
	for _, c := range []struct {
		body   map[string]any
		status int
		want   []string
	}{
		{map[string]any{"period": "2024-06", "completed_ytd": 5}, 400, []string{"不认识的字段：completed_ytd", "completed_ytd_wan"}},
		{map[string]any{"period": "2024-06", "completed_ytd_wan": 5, "bogus": 1, "annual": 2}, 400, []string{"不认识的字段：annual、bogus"}},
		{map[string]any{"period": "2024-06"}, 400, []string{"没有要修改的字段"}},
		{map[string]any{"period": "2024-06", "note": "只有备注"}, 400, []string{"没有要修改的字段"}},
		{map[string]any{"completed_ytd_wan": 5}, 400, []string{"period"}},
		{map[string]any{"period": "2024-06", "completed_ytd_wan": -5}, 400, []string{"负"}},
	} {
		var e httpx.ErrorBody
		ts.Do("PATCH", "/api/v1/projects/"+p.Code, admin, c.body, c.status, &e)
		for _, w := range c.want {
			if !strings.Contains(e.Error.Message, w) {
				t.Errorf("%v: message %q lacks %q", c.body, e.Error.Message, w)
			}
		}
		if strings.Contains(e.Error.Message, "工作表") || strings.Contains(e.Error.Message, "第1行") {
			t.Errorf("%v: the message speaks of a sheet: %q", c.body, e.Error.Message)
		}
	}
	if n := history(); n != before {
		t.Errorf("refused edits left %d entries in the history", n-before)
	}
}
