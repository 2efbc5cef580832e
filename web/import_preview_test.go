package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tracker/models"
	"tracker/server/servertest"
	"tracker/web"
)

func columnLedger(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "columns", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// columnRow is the row of one column in the page's 各列的读法 table.
func columnRow(t *testing.T, page, letter string) string {
	t.Helper()
	re := regexp.MustCompile(`(?s)<tr class="(?:read|unread)">\s*<td>[^<]*</td><td>` + letter + `</td>.*?</tr>`)
	row := re.FindString(page)
	if row == "" {
		t.Fatalf("no row for column %s", letter)
	}
	return row
}

// TestPreviewShowsColumnsAndNewProjects: a preview of new projects read
// partly by content lists every source column with its label, field and
// how it was recognised, every field of each new project (with no link to
// a page it does not have yet) and amounts formatted; choosing a column's
// field reads the file again as a new preview that says so, and the
// remembered choice can be cleared.
func TestPreviewShowsColumnsAndNewProjects(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "admin")
	loc := previewFor(t, pc, "2025-05", "高新区.xlsx", columnLedger(t, "content_only.xlsx")) // 2025 has no list yet: new projects may come
	page := pc.page(loc, http.StatusOK)
	wantContains(t, "column D", columnRow(t, page, "D"), "所在地", `value="district" selected`, "按内容", "内容为区县名称（4/4）")
	wantContains(t, "column G", columnRow(t, page, "G"), "总投资", `value="total_investment_wan" selected`, "按表头", "（万元）")
	wantContains(t, "new project", page, "新建项目", "淄博高新区智能制造产业园二期", "所属区县", "<ins>高新区</ins>",
		"建设性质", "<ins>续建</ins>", "总投资（万元）", "<ins>42,000.00</ins>", `累计完成投资（万元）（<span class="date">2025年5月</span>）`, "<ins>7,300.00</ins>", "&#43;7,300.00")
	if strings.Contains(page, `href="/projects/2310-370303-04-01-000302`) {
		t.Error("the preview links a project that does not exist yet")
	}

	resp, _ := pc.post(loc+"/remap", url.Values{"csrf": {pc.csrf()}, "field:高新区!G": {""}, "was:高新区!G": {"total_investment_wan"},
		"field:高新区!H": {"annual_plan_wan"}, "was:高新区!H": {"annual_plan_wan"}})
	next := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(next, "?ok=remapped") || strings.HasPrefix(next, loc+"?") {
		t.Fatalf("remap: %d %s", resp.StatusCode, next)
	}
	page = pc.page(next, http.StatusOK)
	wantContains(t, "remapped column G", columnRow(t, page, "G"), `<option value="" selected>未导入</option>`, "按指定", "按指定的列对应关系：本列不导入")
	wantContains(t, "remapped column H", columnRow(t, page, "H"), "按表头")
	pc.page(loc, http.StatusNotFound) // the old preview is gone

	again := pc.page(previewFor(t, pc, "2025-05", "高新区.xlsx", columnLedger(t, "content_only.xlsx")), http.StatusOK)
	wantContains(t, "next upload", again, `id="remembered"`, "按上次确认的列对应关系读取（G列）")
	id := regexp.MustCompile(`action="/imports/(\d+)/forget-mapping"`).FindStringSubmatch(again)
	if id == nil {
		t.Fatal("no way to forget the mapping")
	}
	resp, _ = pc.post("/imports/"+id[1]+"/forget-mapping", url.Values{"csrf": {pc.csrf()}})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(resp.Header.Get("Location"), "?ok=forgotten") {
		t.Fatalf("forget: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	page = pc.page(resp.Header.Get("Location"), http.StatusOK)
	wantContains(t, "after forgetting", columnRow(t, page, "G"), `value="total_investment_wan" selected`, "按表头")
	if strings.Contains(page, `id="remembered"`) {
		t.Error("still read by the forgotten mapping")
	}
}

// previewFor uploads a ledger for a month from the 数据导入 form and returns
// the preview's address.
func previewFor(t *testing.T, pc *pageClient, period, name string, data []byte) string {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", pc.csrf())
	mw.WriteField("period", period)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", pc.ts.HTTP.URL+"/imports", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, page := pc.do(req)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload %s: %d %.300s", name, resp.StatusCode, page)
	}
	return resp.Header.Get("Location")
}

// TestAmountText: amounts of 万元 are written exactly, to one yuan, grouped
// by thousands with at least two decimals.
func TestAmountText(t *testing.T) {
	for m, want := range map[models.Money]string{
		0: "0.00", 1: "0.0001", 96505000: "9,650.50", 1234567891234: "123,456,789.1234", -15050000: "-1,505.00",
	} {
		if got := web.AmountText(m); got != want {
			t.Errorf("%d yuan: got %s, want %s", int64(m), got, want)
		}
	}
}
