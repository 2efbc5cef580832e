package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"tracker/models"
	"tracker/server/servertest"
)

// TestPendingLineOnlyForThoseWhoMayOpenIt: the project page's 待审核 line
// names an upload waiting for review only to those the policy lets see it
// (models.MayViewImport): the office's reviewer and the unit's uploaders,
// whose link opens it; another unit's uploader, whose link would be 404,
// sees no line. A withdrawn upload is named to no one.
func TestPendingLineOnlyForThoseWhoMayOpenIt(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		for _, u := range []models.User{{Name: "zhangdian2", Role: models.RoleUploader, District: "张店区"},
			{Name: "zichuan", Role: models.RoleUploader, District: "淄川区"}} {
			if _, err := ts.Store.CreateUser(context.Background(), u, "password-"+u.Name); err != nil {
				t.Fatal(err)
			}
		}
		p := servertest.FirstProject("张店区")
		up := ts.Login("zhangdian")
		var sent servertest.ImportResult
		ts.Upload(up, "张店区1-6月.csv", servertest.ZhangdianCSV(p.Code, p.Name, "6000.5"), nil, http.StatusOK, &sent)
		line := fmt.Sprintf(`有1份待审核的报送涉及本项目（审核通过前不改变任何数据，不列入修改记录）：<a href="/imports/%d">第%d号导入</a></p>`, sent.ID, sent.ID)
		project := "/projects/" + p.Code + "?year=2024"
		for _, name := range []string{"reviewer", "admin", "zhangdian", "zhangdian2"} {
			pc := signIn(ts, name)
			wantContains(t, name+"'s project page", pc.page(project, http.StatusOK), line)
			pc.page(fmt.Sprintf("/imports/%d", sent.ID), http.StatusOK)
		}
		zc := signIn(ts, "zichuan")
		if body := zc.page(project, http.StatusOK); strings.Contains(body, `id="history-pending"`) {
			t.Error("another unit's uploader is shown the 待审核 line")
		}
		zc.page(fmt.Sprintf("/imports/%d", sent.ID), http.StatusNotFound)

		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/withdraw", sent.ID), up, nil, http.StatusOK, nil)
		if body := signIn(ts, "reviewer").page(project, http.StatusOK); strings.Contains(body, `id="history-pending"`) {
			t.Error("a withdrawn upload is still named as waiting")
		}
	})
}
