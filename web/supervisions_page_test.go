package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"tracker/server/servertest"
)

// TestSupervisionPageIsPaged: 督办事项 shows 50 items a page, as 项目库,
// with the counts of every item and a pager keeping the view and the
// unit: 53 items of 张店区 are 50 on page 1 and 3 on page 2, in the list's
// order; a page past the last shows the last.
func TestSupervisionPageIsPaged(t *testing.T) {
	ts := servertest.New(t)
	ts.Store.SetClock(func() time.Time { return time.Date(2024, 7, 10, 2, 0, 0, 0, time.UTC) })
	admin := ts.Login("admin")
	p := servertest.FirstProject("张店区")
	var ids []string
	for i := 0; i < 53; i++ {
		var sv struct {
			ID int64 `json:"id"`
		}
		deadline := time.Date(2024, 7, 11, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format("2006-01-02")
		ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": p.Code, "deadline": deadline, "description": "事项"}, http.StatusCreated, &sv)
		ids = append(ids, fmt.Sprint(sv.ID))
	}
	rowsOf := func(body string) []string {
		var out []string
		for _, m := range regexp.MustCompile(`<tr data-id="(\d+)"`).FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
		return out
	}
	pc := signIn(ts, "reviewer")
	first := pc.page("/supervisions?unit=张店区", http.StatusOK)
	if got := rowsOf(first); fmt.Sprint(got) != fmt.Sprint(ids[:50]) {
		t.Errorf("page 1 rows %v, want the first 50 by deadline", got)
	}
	next := `<a href="/supervisions?page=2&amp;show=pending&amp;unit=%E5%BC%A0%E5%BA%97%E5%8C%BA" rel="next">下一页</a>`
	wantContains(t, "page 1", first, "待回复 53 · 已回复 0 · 逾期 0 · 已办结 0 · 共 53 项", "共 53 项</span>", next, `<span aria-current="page">1</span>`)
	second := pc.page("/supervisions?page=2&show=pending&unit=%E5%BC%A0%E5%BA%97%E5%8C%BA", http.StatusOK)
	if got := rowsOf(second); fmt.Sprint(got) != fmt.Sprint(ids[50:]) {
		t.Errorf("page 2 rows %v, want the last 3", got)
	}
	wantContains(t, "page 2", second, `rel="prev">上一页</a>`, `<span aria-current="page">2</span>`)
	if strings.Contains(second, `rel="next"`) {
		t.Error("the last page offers 下一页")
	}
	if got := rowsOf(pc.page("/supervisions?unit=张店区&page=9", http.StatusOK)); len(got) != 3 {
		t.Errorf("a page past the last shows %d rows, want the last page's 3", len(got))
	}
	if body := pc.page("/supervisions?show=closed", http.StatusOK); strings.Contains(body, `class="pager"`) {
		t.Error("an empty view has a pager")
	}
}
