package api_test

import (
	"fmt"
	"net/http"
	"sort"
	"testing"
	"time"

	"tracker/httpx"
	"tracker/server/servertest"
)

// TestSupervisionListIsPaged: GET /api/v1/supervisions pages as the
// project list does (page from 1, per_page 1–1000, default 50, total all
// selected): 52 items are 50 and 2 by default; pages of 20 are 20, 20 and
// 12 and, put together, the whole list in its order (overdue first, by
// deadline, by number; a closed item, overdue or not, among the rest);
// filters count before the cut; bad page parameters are 400.
func TestSupervisionListIsPaged(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		ts.Store.SetClock(func() time.Time { return time.Date(2024, 7, 10, 2, 0, 0, 0, time.UTC) })
		admin := ts.Login("admin")
		p := servertest.FirstProject("张店区")
		type want struct {
			id       int64
			overdue  bool
			deadline string
		}
		var all []want
		for i := 0; i < 52; i++ {
			deadline := time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*7%52).Format("2006-01-02")
			var sv supervisionJSON
			ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": p.Code, "deadline": deadline, "description": fmt.Sprintf("第%d项", i+1)}, http.StatusCreated, &sv)
			all = append(all, want{sv.ID, deadline < "2024-07-10", deadline})
		}
		closed := all[1] // 2024-06-27: overdue until closed
		ts.Do("POST", fmt.Sprintf("/api/v1/supervisions/%d/close", closed.id), admin, map[string]string{"text": "已解决"}, http.StatusOK, nil)
		all[1].overdue = false
		sort.SliceStable(all, func(i, j int) bool {
			a, b := all[i], all[j]
			if a.overdue != b.overdue {
				return a.overdue
			}
			if a.deadline != b.deadline {
				return a.deadline < b.deadline
			}
			return a.id < b.id
		})

		type page struct {
			Today string            `json:"today"`
			Total int64             `json:"total"`
			Items []supervisionJSON `json:"items"`
		}
		get := func(query string) page {
			t.Helper()
			var out page
			ts.Do("GET", "/api/v1/supervisions?"+query, admin, nil, http.StatusOK, &out)
			return out
		}
		if first, second := get(""), get("page=2"); first.Total != 52 || len(first.Items) != 50 || second.Total != 52 || len(second.Items) != 2 {
			t.Errorf("default pages: total %d with %d items, then %d with %d", first.Total, len(first.Items), second.Total, len(second.Items))
		}
		var got []int64
		for n, size := range []int{20, 20, 12} {
			pg := get(fmt.Sprintf("per_page=20&page=%d", n+1))
			if pg.Total != 52 || len(pg.Items) != size || pg.Today != "2024-07-10" {
				t.Errorf("page %d: total %d, %d items, today %s; want 52, %d, 2024-07-10", n+1, pg.Total, len(pg.Items), pg.Today, size)
			}
			for _, sv := range pg.Items {
				got = append(got, sv.ID)
			}
		}
		var order []int64
		for _, w := range all {
			order = append(order, w.id)
		}
		if fmt.Sprint(got) != fmt.Sprint(order) {
			t.Errorf("pages of 20 put together\n got %v\nwant %v", got, order)
		}
		if pg := get("per_page=20&page=4"); pg.Total != 52 || len(pg.Items) != 0 {
			t.Errorf("past the last page: total %d, %d items", pg.Total, len(pg.Items))
		}
		// Deadlines 20 June to 9 July (20 items) are past; one of them is closed.
		if pg := get("overdue=1&per_page=3"); pg.Total != 19 || len(pg.Items) != 3 || fmt.Sprint(ids(pg.Items)) != fmt.Sprint(order[:3]) {
			t.Errorf("overdue: total %d, items %v; want 19 and %v", pg.Total, ids(pg.Items), order[:3])
		}
		if pg := get("status=closed"); pg.Total != 1 || len(pg.Items) != 1 || pg.Items[0].ID != closed.id {
			t.Errorf("closed: %+v", pg)
		}
		var e httpx.ErrorBody
		ts.Do("GET", "/api/v1/supervisions?per_page=1001", admin, nil, http.StatusBadRequest, &e)
		if e.Error.Message != "参数 per_page（每页条数）应为 1 至 1000 之间的整数，收到“1001”" {
			t.Errorf("per_page=1001: %q", e.Error.Message)
		}
		ts.Do("GET", "/api/v1/supervisions?page=0", admin, nil, http.StatusBadRequest, nil)
	})
}

func ids(items []supervisionJSON) []int64 {
	out := make([]int64, len(items))
	for i, sv := range items {
		out[i] = sv.ID
	}
	return out
}
