package api_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tracker/server/servertest"
)

type supervisionJSON struct {
	ID          int64  `json:"id"`
	Code        string `json:"code"`
	ProjectName string `json:"project_name"`
	Unit        string `json:"unit"`
	Deadline    string `json:"deadline"`
	Description string `json:"description"`
	Status      string `json:"status"`
	Overdue     bool   `json:"overdue"`
	Reply       string `json:"reply"`
	OpenedBy    string `json:"opened_by"`
	Steps       []struct {
		Action, Status, User, Text string
		At                         time.Time
	} `json:"steps"`
}

type supervisionListJSON struct {
	Today string            `json:"today"`
	Items []supervisionJSON `json:"items"`
}

// TestSupervisionRoundTripThroughTheAPI: the office opens a 督办 item, the
// unit's uploader replies, the office closes it; who may do what, overdue
// by the store's clock, the filters, and every step in the audit trail.
func TestSupervisionRoundTripThroughTheAPI(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		now := time.Date(2024, 7, 10, 2, 0, 0, 0, time.UTC)
		ts.Store.SetClock(func() time.Time { return now })
		admin, zd, rev := ts.Login("admin"), ts.Login("zhangdian"), ts.Login("reviewer")
		own, other := servertest.FirstProject("张店区"), servertest.FirstProject("淄川区")
		open := map[string]string{"code": own.Code, "deadline": "2024-07-15", "description": "用地预审未批复，需市自然资源局协调"}
		ts.Do("POST", "/api/v1/supervisions", zd, open, http.StatusForbidden, nil)
		ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": own.Code, "deadline": "7月15日", "description": "x"}, http.StatusBadRequest, nil)
		ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": "9999-000000-00-00-000000", "deadline": "2024-07-15", "description": "x"}, http.StatusNotFound, nil)
		var sv supervisionJSON
		ts.Do("POST", "/api/v1/supervisions", admin, open, http.StatusCreated, &sv)
		if sv.Unit != "张店区" || sv.Status != "open" || sv.ProjectName != own.Name || sv.OpenedBy != "admin" || len(sv.Steps) != 1 || sv.Overdue {
			t.Fatalf("opened: %+v", sv)
		}
		var zc supervisionJSON
		ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": other.Code, "deadline": "2024-07-05", "description": "资金未到位"}, http.StatusCreated, &zc)

		path := fmt.Sprintf("/api/v1/supervisions/%d", sv.ID)
		reply := map[string]string{"text": "已报市自然资源局，预计7月20日批复"}
		ts.Do("POST", path+"/reply", rev, reply, http.StatusForbidden, nil)
		ts.Do("POST", fmt.Sprintf("/api/v1/supervisions/%d/reply", zc.ID), zd, reply, http.StatusForbidden, nil)
		ts.Do("POST", path+"/reply", zd, map[string]string{"text": " "}, http.StatusBadRequest, nil)
		ts.Do("POST", path+"/reply", zd, "不是对象", http.StatusBadRequest, nil)
		ts.Do("POST", path+"/reply", zd, map[string]string{"text": strings.Repeat("长", 1001)}, http.StatusBadRequest, nil)
		ts.Do("POST", path+"/reply", zd, map[string]string{"text": strings.Repeat("长", 6000)}, http.StatusRequestEntityTooLarge, nil) // 18 KB
		ts.Do("POST", path+"/close", zd, nil, http.StatusForbidden, nil)
		ts.Do("POST", path+"/reopen", admin, map[string]string{"text": "x"}, http.StatusConflict, nil)
		now = now.Add(time.Hour)
		ts.Do("POST", path+"/reply", zd, reply, http.StatusOK, &sv)
		if sv.Status != "replied" || sv.Reply != reply["text"] || len(sv.Steps) != 2 || sv.Steps[1].User != "zhangdian" {
			t.Fatalf("replied: %+v", sv)
		}

		// 淄川区's item is overdue on 10 July; 张店区's becomes so on the 16th.
		list := func(query string) []string {
			var l supervisionListJSON
			ts.Do("GET", "/api/v1/supervisions"+query, rev, nil, http.StatusOK, &l)
			var got []string
			for _, it := range l.Items {
				got = append(got, fmt.Sprintf("%s/%s/%v", it.Unit, it.Status, it.Overdue))
			}
			return got
		}
		checks := []struct{ query, want string }{
			{"", "[淄川区/open/true 张店区/replied/false]"},
			{"?overdue=1", "[淄川区/open/true]"},
			{"?overdue=0", "[张店区/replied/false]"},
			{"?unit=张店", "[张店区/replied/false]"},
			{"?status=已回复", "[张店区/replied/false]"},
			{"?status=closed", "[]"},
			{"?code=" + other.Code, "[淄川区/open/true]"},
		}
		for _, c := range checks {
			if got := fmt.Sprint(list(c.query)); got != c.want {
				t.Errorf("GET /api/v1/supervisions%s: %s, want %s", c.query, got, c.want)
			}
		}
		for _, bad := range []string{"?overdue=maybe", "?status=done", "?unit=火星区"} {
			ts.Do("GET", "/api/v1/supervisions"+bad, rev, nil, http.StatusBadRequest, nil)
		}
		now = time.Date(2024, 7, 15, 16, 30, 0, 0, time.UTC) // 16 July in Zibo
		admin, zd, rev = ts.Login("admin"), ts.Login("zhangdian"), ts.Login("reviewer")
		if got := fmt.Sprint(list("?overdue=1")); got != "[淄川区/open/true 张店区/replied/true]" {
			t.Errorf("on 16 July overdue: %s", got)
		}
		ts.Do("POST", path+"/close", admin, nil, http.StatusOK, &sv)
		if sv.Status != "closed" || sv.Overdue || len(sv.Steps) != 3 || sv.Steps[2].Action != "close" {
			t.Fatalf("closed: %+v", sv)
		}
		ts.Do("POST", path+"/reply", zd, reply, http.StatusConflict, nil)
		ts.Do("GET", "/api/v1/supervisions/999", rev, nil, http.StatusNotFound, nil)
		ts.Do("GET", "/api/v1/supervisions/abc", rev, nil, http.StatusBadRequest, nil)

		var audit struct {
			Items []struct {
				Kind, User, Code, Field, Note, Action, Reason string
				Old, New                                      *string
				SupervisionID                                 int64 `json:"supervision_id"`
			} `json:"items"`
		}
		ts.Do("GET", "/api/v1/audit?code="+own.Code, admin, nil, http.StatusOK, &audit)
		var trail []string
		for _, e := range audit.Items {
			if e.Kind == "supervision" && e.SupervisionID == sv.ID {
				trail = append(trail, e.Action+"/"+e.User+"/"+*e.New+"/"+e.Note+"/"+e.Reason)
			}
		}
		want := "[close/admin/closed// reply/zhangdian/replied/已报市自然资源局，预计7月20日批复/已报市自然资源局，预计7月20日批复 open/admin/open/用地预审未批复，需市自然资源局协调/]"
		if fmt.Sprint(trail) != want {
			t.Errorf("audit trail %v, want %s", trail, want)
		}
		// The workbook of the trail: 类型 督办, 状态, 字段 the step, 原值 and
		// 新值 (the opening's with its 督办内容), 修改原因 a reply's words.
		f, err := excelize.OpenReader(bytes.NewReader(ts.Do("GET", "/api/v1/audit.xlsx?code="+own.Code, admin, nil, http.StatusOK, nil)))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("修改记录")
		var book []string
		for _, r := range rows {
			if len(r) > 11 && r[3] == "督办" {
				r = append(r, "", "")
				book = append(book, r[2]+"|"+r[5]+"|"+r[7]+"|"+r[8]+"|"+r[10]+"|"+r[11]+"|"+r[12])
			}
		}
		wantBook := "[admin|已办结|" + own.Code + "|督办办结|已回复|已办结| zhangdian|已回复|" + own.Code + "|督办回复|待回复|已回复|已报市自然资源局，预计7月20日批复 admin|待回复|" +
			own.Code + "|督办交办||待回复：用地预审未批复，需市自然资源局协调|]"
		if fmt.Sprint(book) != wantBook {
			t.Errorf("audit workbook %v, want %s", book, wantBook)
		}
	})
}

// TestMonthlyWorkbookListsTheMonthsSupervisions: July's workbook lists an
// item opened and replied in July as it stood on 31 July (replied, past its
// deadline); June's has none; the later closing shows in neither.
func TestMonthlyWorkbookListsTheMonthsSupervisions(t *testing.T) {
	ts := servertest.New(t)
	now := time.Date(2024, 7, 10, 2, 0, 0, 0, time.UTC)
	ts.Store.SetClock(func() time.Time { return now })
	admin, zd := ts.Login("admin"), ts.Login("zhangdian")
	p := servertest.FirstProject("张店区")
	var sv supervisionJSON
	ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": p.Code, "deadline": "2024-07-15", "description": "用地预审未批复"}, http.StatusCreated, &sv)
	ts.Do("POST", fmt.Sprintf("/api/v1/supervisions/%d/reply", sv.ID), zd, map[string]string{"text": "已报市自然资源局"}, http.StatusOK, nil)
	now = time.Date(2024, 8, 2, 2, 0, 0, 0, time.UTC)
	admin = ts.Login("admin")
	ts.Do("POST", fmt.Sprintf("/api/v1/supervisions/%d/close", sv.ID), admin, map[string]string{"text": "八月办结"}, http.StatusOK, nil)
	sheet := func(month int) [][]string {
		f, err := excelize.OpenReader(bytes.NewReader(ts.Do("GET", fmt.Sprintf("/api/v1/reports/quarterly.xlsx?year=2024&month=%d", month), admin, nil, http.StatusOK, nil)))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("督办事项")
		if err != nil {
			t.Fatalf("month %d: %v", month, err)
		}
		return rows
	}
	july := sheet(7)
	if got := july[1][0]; got != "截至2024年7月底：共1项，未办结1项，其中逾期1项" {
		t.Errorf("July's unit line %q", got)
	}
	if got := fmt.Sprint(july[3][1:9]); got != fmt.Sprintf("[%s %s 张店区 用地预审未批复 2024-07-15 已回复 逾期 已报市自然资源局]", p.Code, p.Name) {
		t.Errorf("July's row %s", got)
	}
	if june := sheet(6); june[3][0] != "无" {
		t.Errorf("June's 督办事项 row 4 %q, want 无", june[3])
	}
	if aug := sheet(8); fmt.Sprint(aug[3][6:8]) != "[已办结 ]" {
		t.Errorf("August's row %q, want 已办结 and not overdue", aug[3])
	}
}
