package api_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"tracker/models"
	"tracker/server/servertest"
)

type importPage struct {
	Total int `json:"total"`
	Items []struct {
		ID int64 `json:"id"`
	} `json:"items"`
}

func (p importPage) ids() []int64 {
	var out []int64
	for _, it := range p.Items {
		out = append(out, it.ID)
	}
	return out
}

// TestImportHistoryIsPaged: GET /api/v1/imports answers the total of the
// imports the caller may see and a page of them (page, per_page: 200 by
// default, 1–1000), newest first; pages put together are the whole list,
// and another unit's uploader counts none of 张店区's previews.
func TestImportHistoryIsPaged(t *testing.T) {
	ts := servertest.New(t)
	if _, err := ts.Store.CreateUser(context.Background(), models.User{Name: "zichuan", Role: models.RoleUploader, District: "淄川区"}, "password-zichuan"); err != nil {
		t.Fatal(err)
	}
	up, reviewer, zichuan := ts.Login("zhangdian"), ts.Login("reviewer"), ts.Login("zichuan")
	var before importPage
	ts.Do("GET", "/api/v1/imports?per_page=1000", zichuan, nil, http.StatusOK, &before)
	p := servertest.FirstProject("张店区")
	for i := 0; i < 5; i++ {
		ts.Upload(up, "张店区1-6月.csv", servertest.ZhangdianCSV(p.Code, p.Name, fmt.Sprint(1000+i)), map[string]string{"dry_run": "true"}, http.StatusOK, nil)
	}
	var all importPage
	ts.Do("GET", "/api/v1/imports", reviewer, nil, http.StatusOK, &all)
	if all.Total < 5 || len(all.Items) != min(all.Total, 200) {
		t.Fatalf("whole list: total %d, %d items", all.Total, len(all.Items))
	}
	var joined []int64
	for page := 1; page <= (all.Total+1)/2+1; page++ {
		var pg importPage
		ts.Do("GET", fmt.Sprintf("/api/v1/imports?per_page=2&page=%d", page), reviewer, nil, http.StatusOK, &pg)
		if pg.Total != all.Total || len(pg.Items) > 2 {
			t.Fatalf("page %d: total %d, %d items", page, pg.Total, len(pg.Items))
		}
		joined = append(joined, pg.ids()...)
	}
	if fmt.Sprint(joined) != fmt.Sprint(all.ids()) {
		t.Errorf("pages %v, whole list %v", joined, all.ids())
	}
	for i := 1; i < len(joined); i++ {
		if joined[i] >= joined[i-1] {
			t.Errorf("not newest first: %v", joined)
		}
	}
	var other importPage
	ts.Do("GET", "/api/v1/imports?per_page=1000", zichuan, nil, http.StatusOK, &other)
	if other.Total != before.Total || len(other.Items) != other.Total {
		t.Errorf("淄川区's uploader: total %d (%d before), %d items", other.Total, before.Total, len(other.Items))
	}
	var mine importPage
	ts.Do("GET", "/api/v1/imports?per_page=3", up, nil, http.StatusOK, &mine)
	if mine.Total < 5 || len(mine.Items) != 3 {
		t.Errorf("张店区's uploader: total %d, %d items", mine.Total, len(mine.Items))
	}
	for _, q := range []string{"per_page=0", "per_page=1001", "page=0", "page=x"} {
		ts.Do("GET", "/api/v1/imports?"+q, reviewer, nil, http.StatusBadRequest, nil)
	}
}
