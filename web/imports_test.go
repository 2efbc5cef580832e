package web_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tracker/models"
	"tracker/server"
	"tracker/server/servertest"
)

// TestUploadPreviewCommitRevertWithoutJavaScript drives 数据导入 with plain
// form posts, as a browser with script off does.
func TestUploadPreviewCommitRevertWithoutJavaScript(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "zhangdian")
	p := servertest.FirstProject("张店区")
	loc := pc.previewed("张店区1-6月.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12345.67"))
	preview := pc.page(loc, http.StatusOK)
	wantContains(t, "preview", preview, p.Name, "预览中", "第4行", "错误", "项目代码", "<del>", "<ins>12,345.67</ins>", "提交审核", "放弃本次导入", "problems.xlsx")
	id := strings.TrimPrefix(loc, "/imports/")

	resp, _ := pc.post(loc+"/commit", url.Values{"csrf": {pc.csrf()}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != loc+"?ok=submitted" {
		t.Fatalf("commit: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	wantContains(t, "submitted", pc.page(loc+"?ok=submitted", http.StatusOK), "已提交审核", "待审核", "审核通过后将发生的变更")
	office := signIn(ts, "admin")
	wantContains(t, "waiting", office.page("/imports", http.StatusOK), `id="waiting"`, "预览并审核", "第"+id+"号")
	resp, _ = office.post(loc+"/approve", url.Values{"csrf": {office.csrf()}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != loc+"?ok=approved" {
		t.Fatalf("approve: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	wantContains(t, "committed", pc.page(loc, http.StatusOK), "已提交", "审核通过", "撤销本次导入")
	wantContains(t, "project", pc.page("/projects/"+p.Code+"?year=2024", http.StatusOK), "第"+id+"号导入", "张店区1-6月.csv")
	wantContains(t, "dashboard", signIn(ts, "admin").page("/dashboard?year=2024&month=6", http.StatusOK), "已报送")
	if resp, body := pc.get("/imports/" + id + "/file"); resp.StatusCode != http.StatusOK || !strings.Contains(body, p.Code) {
		t.Errorf("original file: %d", resp.StatusCode)
	}
	if resp, body := pc.get("/imports/" + id + "/problems.xlsx"); resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "PK") {
		t.Errorf("problems workbook: %d", resp.StatusCode)
	}

	wantContains(t, "confirm", pc.page(loc+"/revert", http.StatusOK), "确认撤销第"+id+"号导入")
	resp, _ = pc.post(loc+"/revert", url.Values{"csrf": {pc.csrf()}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revert: %d", resp.StatusCode)
	}
	wantContains(t, "reverted", pc.page(loc+"?ok=reverted", http.StatusOK), "已撤销")
	resp, body := pc.post(loc+"/revert", url.Values{"csrf": {pc.csrf()}})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "只有已提交的导入可以撤销") {
		t.Errorf("second revert: %d", resp.StatusCode)
	}

	discard := pc.previewed("again.csv", servertest.ZhangdianCSV(p.Code, p.Name, "1.5"))
	if resp, _ := pc.post(discard+"/discard", url.Values{"csrf": {pc.csrf()}}); resp.Header.Get("Location") != "/imports?ok=discarded" {
		t.Errorf("discard: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	pc.page(discard, http.StatusNotFound)
}

func TestUploadErrorsShowOnTheFormOrAsJSON(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "admin")
	resp, body := pc.upload("notes.xlsx", []byte("这不是表格，只是几句话。"), pc.csrf())
	if resp.StatusCode < 400 || resp.StatusCode >= 500 || !strings.Contains(body, `class="alert"`) || !strings.Contains(body, "上传台账") {
		t.Errorf("unreadable file: %d %.300s", resp.StatusCode, body)
	}
	resp, body = pc.upload("empty.csv", nil, pc.csrf())
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "请选择要上传的台账文件") {
		t.Errorf("no file: %d", resp.StatusCode)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", pc.csrf())
	fw, _ := mw.CreateFormFile("file", "a.csv")
	fw.Write(servertest.ZhangdianCSV(servertest.FirstProject("张店区").Code, "x", "1"))
	mw.Close()
	req, _ := http.NewRequest("POST", ts.HTTP.URL+"/imports", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	res, err := pc.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct{ Location string }
	raw, _ := io.ReadAll(res.Body)
	servertest.DecodeJSON(t, raw, &out)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(out.Location, "/imports/") {
		t.Errorf("script upload: %d %s", res.StatusCode, raw)
	}
}

func TestUploaderSeesOnlyItsUnitsImports(t *testing.T) {
	ts := servertest.New(t)
	admin, zd := signIn(ts, "admin"), signIn(ts, "zhangdian")
	other := servertest.FirstProject("淄川区")
	zichuan := "\ufeff淄川区2024年1-6月市重大项目建设情况台账\n项目代码,项目名称,所属区县,1-6月累计完成投资（万元）\n" +
		fmt.Sprintf("%s,%s,淄川区,4321\n", other.Code, other.Name)
	theirs := admin.previewed("淄川区.csv", []byte(zichuan))
	mine := zd.previewed("张店区.csv", servertest.ZhangdianCSV(servertest.FirstProject("张店区").Code, "x", "1"))

	list := zd.page("/imports", http.StatusOK)
	if strings.Contains(list, "淄川区.csv") || !strings.Contains(list, "张店区.csv") {
		t.Errorf("the uploader's history:\n%s", list)
	}
	zd.page(theirs, http.StatusNotFound)
	zd.page(theirs+"/file", http.StatusNotFound)
	zd.page(mine, http.StatusOK)
	if resp, _ := zd.post(theirs+"/commit", url.Values{"csrf": {zd.csrf()}}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an uploader committed another unit's import: %d", resp.StatusCode)
	}
	wantContains(t, "admin's history", admin.page("/imports", http.StatusOK), "淄川区.csv", "张店区.csv")
}

// TestHandEditFromTheProjectPage: with review on (the default) an
// uploader's form says its edit waits for the office and submits it
// (提交审核); the figure stays as it was, the office finds the edit in
// 待审核 and approves it, and only then does the project page show it.
func TestHandEditFromTheProjectPage(t *testing.T) {
	ts := servertest.New(t)
	zd := signIn(ts, "zhangdian")
	mine, theirs := servertest.FirstProject("张店区"), servertest.FirstProject("淄川区")
	page := "/projects/" + mine.Code + "?year=2024&month=6"
	wantContains(t, "own project", zd.page(page, http.StatusOK), "手工修改本项目数据", `name="completed_ytd_wan"`,
		`<p class="hint" id="edit-review">`, "经市重大项目办审核通过才生效", `<button type="submit" class="primary">提交审核</button>`)
	if strings.Contains(zd.page("/projects/"+theirs.Code+"?year=2024", http.StatusOK), "手工修改本项目数据") {
		t.Error("an uploader is offered to edit another unit's project")
	}
	edit := func(code string, form url.Values) (*http.Response, string) {
		form.Set("csrf", zd.csrf())
		return zd.post("/projects/"+code+"/edit", form)
	}
	resp, body := edit(mine.Code, url.Values{"period": {"2024-06"}, "completed_ytd_wan": {"7,654.32"}})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "请填写修改原因") {
		t.Errorf("edit without a reason: %d", resp.StatusCode)
	}
	resp, _ = edit(theirs.Code, url.Values{"period": {"2024-06"}, "completed_ytd_wan": {"1"}, "note": {"试图修改"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("an uploader edited another unit's project: %d", resp.StatusCode)
	}
	june := models.MonthOf(2024, 6)
	before := storedCompleted(t, ts, mine.Code, june)
	resp, body = edit(mine.Code, url.Values{"period": {"2024-06"}, "completed_ytd_wan": {"7,654.32"}, "note": {"区县来函更正"}})
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "?ok=edit_sent") {
		t.Fatalf("edit: %d %s %.300s", resp.StatusCode, loc, body)
	}
	if got := storedCompleted(t, ts, mine.Code, june); got != before {
		t.Errorf("June's figure is %s after the uploader's edit, want %s until the office approves", got.WanString(), before.WanString())
	}
	sent := zd.page(loc, http.StatusOK)
	wantContains(t, "the submitted edit", sent, "已提交审核：这次修改要经市重大项目办审核通过后才生效", `id="review-waiting"`, "审核通过后将发生的变更", "<ins>7,654.32</ins>")
	if strings.Contains(sent, "撤销本次导入") {
		t.Error("a submitted edit offers to be reverted")
	}
	id := strings.TrimSuffix(strings.TrimPrefix(loc, "/imports/"), "?ok=edit_sent")
	waiting := zd.page(page, http.StatusOK)
	if strings.Contains(waiting, "7,654.32") {
		t.Error("the project page shows the edit before approval")
	}
	wantContains(t, "the project page while the edit waits", waiting, `id="history-pending">有1份待审核的报送涉及本项目`, `<a href="/imports/`+id+`">第`+id+`号手工修改</a>`)
	office := signIn(ts, "admin")
	wantContains(t, "待审核", office.page("/imports", http.StatusOK), `<a href="/imports/`+id+`">第`+id+`号</a></td><td>张店区</td><td class="file">手工修改 `+mine.Code+`</td>`)
	wantContains(t, "the office's review", office.page("/imports/"+id, http.StatusOK), "张店区报送的2024年6月手工修改", `id="approve"`)
	resp, _ = office.post("/imports/"+id+"/approve", url.Values{"csrf": {office.csrf()}})
	if resp.StatusCode != http.StatusSeeOther || storedCompleted(t, ts, mine.Code, june) != models.Money(76_543_200) { // 7654.32 万元 in yuan
		t.Errorf("approve: %d, June %s; want 303, 7654.32", resp.StatusCode, storedCompleted(t, ts, mine.Code, june).WanString())
	}
	wantContains(t, "project after approval", zd.page(page, http.StatusOK), "7,654.32", "手工修改 "+mine.Code)
}

// TestHandEditWithReviewOffAppliesAtOnce: with review off the uploader's
// form saves (保存修改) and the edit applies at once, revertible.
func TestHandEditWithReviewOffAppliesAtOnce(t *testing.T) {
	ts := servertest.New(t)
	ts.With(server.Config{Collection: models.Collection{NoReview: true}}, servertest.DiscardLog())
	zd := signIn(ts, "zhangdian")
	mine := servertest.FirstProject("张店区")
	page := "/projects/" + mine.Code + "?year=2024&month=6"
	form := zd.page(page, http.StatusOK)
	wantContains(t, "own project", form, `<button type="submit" class="primary">保存修改</button>`, "可以撤销")
	if strings.Contains(form, `id="edit-review"`) {
		t.Error("with review off the form says the edit waits for review")
	}
	resp, body := zd.post("/projects/"+mine.Code+"/edit", url.Values{"csrf": {zd.csrf()}, "period": {"2024-06"}, "completed_ytd_wan": {"7,654.32"}, "note": {"区县来函更正"}})
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "?ok=edited") {
		t.Fatalf("edit: %d %s %.300s", resp.StatusCode, loc, body)
	}
	wantContains(t, "edit record", zd.page(loc, http.StatusOK), "已保存手工修改", "手工修改", "<ins>7,654.32</ins>", "撤销本次导入")
	wantContains(t, "project after edit", zd.page(page, http.StatusOK), "7,654.32", "手工修改 "+mine.Code)
}

// TestALargeImportsPageShowsItsFirstChangesAndCountsAll: the page of an
// upload changing 2 figures of each of the 530 demo projects lists the
// first 1,000 changes, counts all 1,060, says how many are not shown, and
// the revert page counts them all too.
func TestALargeImportsPageShowsItsFirstChangesAndCountsAll(t *testing.T) {
	ts := servertest.New(t)
	var csv strings.Builder
	csv.WriteString("2024年1-6月市重大项目建设情况台账,,,,\n项目代码,项目名称,所属区县,1-6月累计完成投资（万元）,形象进度\n")
	ps, _ := ts.Store.Portfolio(t.Context(), 2024)
	for i, p := range ps {
		fmt.Fprintf(&csv, "%s,%s,%s,%d.5,主体施工第%d段\n", p.Code, p.Name, p.District, 80000+i, i)
	}
	var imp servertest.ImportResult
	ts.Upload(ts.Login("admin"), "全市1-6月.csv", []byte(csv.String()), map[string]string{"dry_run": "true"}, http.StatusOK, &imp)
	pc := signIn(ts, "admin")
	body := pc.page(fmt.Sprintf("/imports/%d", imp.ID), http.StatusOK)
	want := 2 * len(ps)
	wantContains(t, "the import page", body, fmt.Sprintf("共 %d 处", want), fmt.Sprintf("另有 %d 处变更未显示", want-1000))
	if n := strings.Count(body, "主体施工第"); n > 1000 || n < 400 {
		t.Errorf("the page shows %d progress texts of %d changes", n, want)
	}
	ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/commit", imp.ID), ts.Login("admin"), nil, http.StatusOK, nil)
	body = pc.page(fmt.Sprintf("/imports/%d/revert", imp.ID), http.StatusOK)
	wantContains(t, "the revert page", body, fmt.Sprintf("修改的 %d 处数据", want))
}

// TestResendAReturnedUpload: a returned upload's page offers its uploader
// 重新上传, which opens the form with the period preselected and the
// returned import named; the upload sent from it names the import it
// replaces, before and after it is submitted. The office gets no
// 重新上传, and a committed import cannot be named as replaced.
func TestResendAReturnedUpload(t *testing.T) {
	ts := servertest.New(t)
	pc, office := signIn(ts, "zhangdian"), signIn(ts, "admin")
	p := servertest.FirstProject("张店区")
	first := pc.previewed("张店区1-6月.csv", servertest.ZhangdianCSV(p.Code, p.Name, "5000.25"))
	pc.post(first+"/commit", url.Values{"csrf": {pc.csrf()}})
	id := strings.TrimPrefix(first, "/imports/")
	if resp, _ := office.post(first+"/return", url.Values{"csrf": {office.csrf()}, "reason": {"第4行项目代码有误"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("return: %d", resp.StatusCode)
	}
	resend := "/imports?period=2024-06&amp;replaces=" + id + "#upload"
	wantContains(t, "returned", pc.page(first, http.StatusOK), "已退回", `<a class="button primary" id="resend" href="`+resend+`">重新上传</a>（报告期2024年6月已选好）`)
	if page := office.page(first, http.StatusOK); strings.Contains(page, `id="resend"`) {
		t.Error("the office is offered 重新上传 of a unit's upload")
	}
	form := pc.page("/imports?period=2024-06&replaces="+id, http.StatusOK)
	wantContains(t, "form", form, `<input type="hidden" name="replaces" value="`+id+`">`, `name="period" type="month" value="2024-06"`,
		`重新报送<a href="/imports/`+id+`">第`+id+`号</a>导入（2024年6月，已退回）：退回原因：第4行项目代码有误。`)

	resp, body := pc.uploadWith("张店区1-6月（修改后）.csv", servertest.ZhangdianCSV(p.Code, p.Name, "6000.5"), map[string]string{"period": "2024-06", "replaces": id})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("resend: %d %.300s", resp.StatusCode, body)
	}
	again := resp.Header.Get("Location")
	named := `<p class="notice" id="replaces">重新报送，替代<a href="/imports/` + id + `">第` + id + `号</a>导入（已退回）。</p>`
	wantContains(t, "the new preview", pc.page(again, http.StatusOK), named, "6,000.50")
	pc.post(again+"/commit", url.Values{"csrf": {pc.csrf()}})
	wantContains(t, "the new upload for review", office.page(again, http.StatusOK), "待审核", named)
	againID := strings.TrimPrefix(again, "/imports/")
	if page := pc.page(first, http.StatusOK); strings.Contains(page, `id="replaces"`) ||
		!strings.Contains(page, `<p class="notice" id="resent">已重新报送：<a href="/imports/`+againID+`">第`+againID+`号导入</a>（待审核）。</p>`) {
		t.Error("the returned import names itself as replacing one, or not the upload that sends it again")
	}

	resp, body = pc.uploadWith("again.csv", servertest.ZhangdianCSV(p.Code, p.Name, "1.5"), map[string]string{"replaces": strings.TrimPrefix(again, "/imports/")})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "不是您可以重新报送的已退回台账（状态：待审核）") {
		t.Errorf("replacing an import waiting for review: %d", resp.StatusCode)
	}
}
