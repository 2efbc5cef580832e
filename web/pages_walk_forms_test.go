package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"tracker/models"
	"tracker/server/servertest"
	"tracker/web"
)

// TestPasswordFormsAskForTheRealMinimum: 修改密码 and 用户管理 state the
// length the rule wants (models.MinPasswordLength, 10), in the label and
// in the browser's own check; the password page said 8 and let a
// 9-character password through the browser only to be refused.
func TestPasswordFormsAskForTheRealMinimum(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	want := fmt.Sprintf(`minlength="%d"`, models.MinPasswordLength)
	account := admin.page("/account/password", http.StatusOK)
	wantContains(t, "修改密码", account, "新密码（至少10个字符）", want)
	users := admin.page("/users", http.StatusOK)
	wantContains(t, "用户管理", users, "初始密码（至少10个字符）", want)
	for what, page := range map[string]string{"修改密码": account, "用户管理": users} {
		if strings.Contains(page, `minlength="8"`) || strings.Contains(page, "至少8") {
			t.Errorf("%s still asks for 8 characters", what)
		}
	}
}

// TestAddUserFormKeepsWhatWasTyped: a refused new user comes back with
// the name, role and unit as typed and a Chinese message that names no
// command-line flag.
func TestAddUserFormKeepsWhatWasTyped(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	for _, c := range []struct {
		form   url.Values
		status int
		msg    string
	}{
		{url.Values{"name": {"淄川填报员"}, "role": {"uploader"}, "district": {""}, "password": {"zichuan-2024-pass"}}, http.StatusBadRequest, "填报员必须指定所属单位"},
		{url.Values{"name": {"淄川填报员"}, "role": {"uploader"}, "district": {"淄川区"}, "password": {"short"}}, http.StatusBadRequest, "密码至少需要10个字符"},
		{url.Values{"name": {"zhangdian"}, "role": {"reviewer"}, "district": {""}, "password": {"zichuan-2024-pass"}}, http.StatusConflict, "用户名“zhangdian”已存在"},
	} {
		c.form.Set("csrf", admin.csrf())
		resp, body := admin.post("/users", c.form)
		if resp.StatusCode != c.status {
			t.Fatalf("%v: status %d, want %d", c.form, resp.StatusCode, c.status)
		}
		wantContains(t, c.msg, body, `<p class="alert" role="alert">`+c.msg+`</p>`,
			`id="new-name" name="name" required maxlength="64" autocomplete="off" value="`+c.form.Get("name")+`"`,
			`<option value="`+c.form.Get("role")+`" selected>`)
		if d := c.form.Get("district"); d != "" {
			wantContains(t, c.msg, body, `<option value="`+d+`" selected>`+d+`</option>`)
		}
		if strings.Contains(body, "--district") || strings.Contains(body, c.form.Get("password")+`"`) {
			t.Errorf("%s: the page names a flag or sends the password back", c.msg)
		}
	}
}

// importLinks are the addresses of the imports a page links to.
var importLinks = regexp.MustCompile(`href="(/imports/\d+)"`)

// TestPagesLinkOnlyToImportsTheUserMayOpen: 年度清单's changes and a
// project's sources, list changes and history name the record of each
// change; a district uploader may open only the imports of its unit (or
// its own), so the others are named without a link (they led to 找不到页面),
// while the office keeps every link.
func TestPagesLinkOnlyToImportsTheUserMayOpen(t *testing.T) {
	ts := servertest.New(t)
	admin, uploader := signIn(ts, "admin"), signIn(ts, "zhangdian")
	p := servertest.FirstProject("淄川区")
	resp, body := admin.post("/projects/"+p.Code+"/edit", url.Values{"csrf": {admin.csrf()}, "period": {"2024-06"},
		"completed_ytd_wan": {"12345.6789"}, "note": {"区县来函更正6月数据"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("hand edit: %d %.300s", resp.StatusCode, body)
	}
	edit := strings.TrimPrefix(strings.Split(resp.Header.Get("Location"), "?")[0], "/imports/")
	for _, path := range []string{"/lists?year=2024", "/projects/" + p.Code + "?year=2024&month=6"} {
		all := importLinks.FindAllStringSubmatch(admin.page(path, http.StatusOK), -1)
		if len(all) == 0 {
			t.Fatalf("%s links to no import for the office", path)
		}
		page := uploader.page(path, http.StatusOK)
		for _, m := range importLinks.FindAllStringSubmatch(page, -1) {
			if r, _ := uploader.get(m[1]); r.StatusCode != http.StatusOK {
				t.Errorf("%s links the 张店区 uploader to %s, which answers %d", path, m[1], r.StatusCode)
			}
		}
		if n := len(importLinks.FindAllStringSubmatch(page, -1)); n >= len(all) {
			t.Errorf("%s: the uploader gets %d import links, the office %d", path, n, len(all))
		}
	}
	wantContains(t, "淄川区 project as 张店区's uploader", uploader.page("/projects/"+p.Code+"?year=2024&month=6", http.StatusOK),
		`<td class="record">第`+edit+`号手工修改</td>`, "第"+edit+"号导入 · ")
	wantContains(t, "年度清单 as 张店区's uploader", uploader.page("/lists?year=2024", http.StatusOK), `<td class="record">第1号</td>`)
}

// TestListChangeRecordOffersNoFile: a 清单调整 was made on 年度清单, not
// uploaded, so its record says so instead of offering 下载原始文件 (which
// downloaded a .csv holding JSON); a hand edit's row in 导入记录 names
// 手工修改 once.
func TestListChangeRecordOffersNoFile(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	page := admin.page("/imports/1", http.StatusOK)
	wantContains(t, "第1号导入", page, `<dd id="import-kind">清单调整（在“年度清单”页面所作，没有上传文件）</dd>`)
	if strings.Contains(page, "下载原始文件") {
		t.Error("a 清单调整 offers 下载原始文件")
	}
	p := servertest.FirstProject("张店区")
	resp, _ := admin.post("/projects/"+p.Code+"/edit", url.Values{"csrf": {admin.csrf()}, "period": {"2024-06"},
		"completed_ytd_wan": {"12345.6789"}, "note": {"区县来函更正6月数据"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("hand edit: %d", resp.StatusCode)
	}
	imports := admin.page("/imports", http.StatusOK)
	wantContains(t, "导入记录", imports, `<span class="tag">手工修改</span> `+p.Code+`<br>`)
	if strings.Contains(imports, "手工修改</span> 手工修改") {
		t.Error("a hand edit's row says 手工修改 twice")
	}
}

// TestPageDownloadsFailAsPages: a download the pages offer (预填台账, the
// workbook, the 通报) that is refused answers a browser with the Chinese
// error page and a way back, not the API's JSON.
func TestPageDownloadsFailAsPages(t *testing.T) {
	ts := servertest.New(t)
	uploader := signIn(ts, "zhangdian")
	for path, msg := range map[string]string{
		"/reports/template.xlsx?unit=%E5%BC%A0%E5%BA%97%E5%8C%BA&period=2025-01": "2025年没有项目清单，无法生成预填台账",
		"/reports/quarterly.xlsx?year=2030&quarter=1":                            "2030年没有项目清单（有清单的年度：2024年、2023年）",
		"/reports/quarterly.docx?year=2024&month=13":                             "参数 month（月份）应为 1 至 12 之间的整数，收到“13”",
	} {
		req, _ := http.NewRequest("GET", ts.HTTP.URL+path, nil)
		req.Header.Set("Referer", ts.HTTP.URL+"/reports")
		resp, body := uploader.do(req)
		if resp.StatusCode < 400 || resp.StatusCode >= 500 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		wantContains(t, path, body, `<p class="alert" role="alert">`+msg+`</p>`, `<a class="button primary" href="/reports" id="back">返回上一页</a>`)
		if strings.Contains(body, `{"error"`) {
			t.Errorf("%s answers the browser with JSON", path)
		}
	}
	page := uploader.page("/imports", http.StatusOK)
	wantContains(t, "预填台账 (uploader)", page, `min="2023-01" max="2024-12"`, `id="own-ledger">下载张店区预填台账</button>`)
}

// TestProjectPageShowsAmountsAsReported: a project's page writes its
// amounts in 万元 exactly (12,345.6789, not 12,345.68), so a correction
// can be checked to the yuan; its 修改记录 writes them as the preview
// does (8,184.48 → 12,345.6789, not the stored 8184.48) and the chart
// names its unit.
func TestProjectPageShowsAmountsAsReported(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	p := servertest.FirstProject("张店区")
	resp, _ := admin.post("/projects/"+p.Code+"/edit", url.Values{"csrf": {admin.csrf()}, "period": {"2024-06"},
		"completed_ytd_wan": {"12345.6789"}, "note": {"区县来函更正6月数据"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("hand edit: %d", resp.StatusCode)
	}
	page := admin.page("/projects/"+p.Code+"?year=2024&month=6", http.StatusOK)
	wantContains(t, "project page", page, `<dd id="completed">12,345.6789 万元`, `<td class="num">12,345.6789</td>`,
		`<td class="num">8,184.48</td><td class="num">12,345.6789</td>`, `placeholder="当前：12,345.6789 万元"`,
		"2024年各月累计完成投资 <small>万元</small>", ">"+web.AmountText(p.AnnualPlan)+" 万元</dd>")
	for _, bad := range []string{"12,345.68", ">8184.48<"} {
		if i := strings.Index(page, bad); i >= 0 {
			t.Errorf("the project page rounds or shows the stored text: %s", page[max(i-200, 0):i+20])
		}
	}
}

// TestLockingAQuarterAsksFirst: 锁定 on 报表 leads to a page that says which
// months the lock freezes and locks only on 确认锁定 (a click on the wrong
// row froze three months at once); a locked quarter is not offered again.
func TestLockingAQuarterAsksFirst(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	wantContains(t, "报表", admin.page("/reports", http.StatusOK),
		`<a class="button danger small" href="/reports/locks?year=2024&amp;quarter=2" id="lock-2">锁定…</a>`)
	page := admin.page("/reports/locks?year=2024&quarter=2", http.StatusOK)
	wantContains(t, "confirm", page, "确认锁定2024年第2季度？", "锁定后，2024年4月至6月的数据不能再导入、修改或撤销", `id="confirm-lock"`, "返回，不锁定")
	if locks, _ := ts.Store.Locks(t.Context()); len(locks) != 0 {
		t.Fatalf("the confirmation page locked: %v", locks)
	}
	resp, _ := admin.post("/reports/locks", url.Values{"csrf": {admin.csrf()}, "year": {"2024"}, "quarter": {"2"}, "lock": {"1"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("lock: %d", resp.StatusCode)
	}
	if resp, body := admin.get("/reports/locks?year=2024&quarter=2"); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "2024年第2季度已锁定") {
		t.Errorf("asking to lock a locked quarter: %d", resp.StatusCode)
	}
	if resp, _ := signIn(ts, "reviewer").get("/reports/locks?year=2024&quarter=3"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a reviewer reached the lock page: %d", resp.StatusCode)
	}
}

// TestDatesAndStartsInTheOfficesWords: 报送情况 writes its deadline
// 2024年7月5日 (it wrote 2024-07-05 beside 2024年6月), and the dashboard's
// start sentence adds up: 按期, 延期 and 提前 make 已开工 (296 = 242 + 54 + 0
// in December; the 54 late starts were left out).
func TestDatesAndStartsInTheOfficesWords(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	wantContains(t, "报送情况", admin.page("/submissions?year=2024&month=6", http.StatusOK), `台账报送截止日期：<span id="deadline">2024年7月5日</span>。`)
	var r models.Rates
	ts.Do("GET", "/api/v1/rates?year=2024&month=12", ts.Login("admin"), nil, http.StatusOK, &r)
	if r.OnTimeStarts+r.LateStarts+r.EarlyStarts != r.ActualStarts || r.LateStarts == 0 {
		t.Fatalf("December: %d started = %d on time + %d late + %d early?", r.ActualStarts, r.OnTimeStarts, r.LateStarts, r.EarlyStarts)
	}
	wantContains(t, "总览", admin.page("/dashboard?year=2024&month=12", http.StatusOK),
		fmt.Sprintf("计划开工 %d 个，已开工 %d 个（按期 %d 个，延期 %d 个，提前 %d 个）", r.PlannedStarts, r.ActualStarts, r.OnTimeStarts, r.LateStarts, r.EarlyStarts))
}
