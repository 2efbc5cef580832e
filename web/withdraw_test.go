package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tracker/server/servertest"
)

// TestUploaderWithdrawsFromTheImportPage: the uploader's page of a waiting
// upload offers 撤回本次报送 (the office's offers 审核 instead); the form
// withdraws it: the page says 已撤回 and who withdrew it, the button is
// gone and the office's 待审核 list no longer names it.
func TestUploaderWithdrawsFromTheImportPage(t *testing.T) {
	ts := servertest.New(t)
	p := servertest.FirstProject("张店区")
	var sent servertest.ImportResult
	ts.Upload(ts.Login("zhangdian"), "张店区1-6月.csv", servertest.ZhangdianCSV(p.Code, p.Name, "5000.25"), nil, http.StatusOK, &sent)
	up, admin := signIn(ts, "zhangdian"), signIn(ts, "admin")
	page := fmt.Sprintf("/imports/%d", sent.ID)
	button := `<button type="submit" id="withdraw">撤回本次报送</button>`
	wantContains(t, "uploader's page", up.page(page, http.StatusOK), button, fmt.Sprintf(`action="/imports/%d/withdraw"`, sent.ID))
	if body := admin.page(page, http.StatusOK); strings.Contains(body, button) || !strings.Contains(body, `id="approve"`) {
		t.Error("the office's page offers 撤回 or no 审核")
	}
	wantContains(t, "待审核 before", admin.page("/imports", http.StatusOK), fmt.Sprintf(`<a href="/imports/%d">第%d号</a></td><td>张店区</td>`, sent.ID, sent.ID))

	resp, _ := up.post(page+"/withdraw", url.Values{"csrf": {up.csrf()}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != page+"?ok=withdrawn" {
		t.Fatalf("withdraw: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	body := up.page(page+"?ok=withdrawn", http.StatusOK)
	wantContains(t, "withdrawn page", body, `id="import-status">已撤回</span>`, "已撤回：本次报送不再等待审核，数据没有任何变化；如需报送，请重新上传。",
		`<p class="notice" id="withdrawn">zhangdian已于`, "撤回前计算的变更（未计入）",
		`如需报送，<a class="button" id="upload-again" href="/imports?period=2024-06#upload">重新上传</a>（报告期2024年6月已选好）`)
	wantContains(t, "the form it leads to", up.page("/imports?period=2024-06", http.StatusOK), `name="period" type="month" value="2024-06"`)
	if body := up.page("/imports?period=June", http.StatusOK); !strings.Contains(body, `name="period" type="month" value=""`) {
		t.Error("a period that is no month is not ignored")
	}
	if strings.Contains(admin.page(page, http.StatusOK), `id="upload-again"`) {
		t.Error("the office is offered to upload the unit's ledger again")
	}
	if strings.Contains(body, button) {
		t.Error("the withdrawn upload still offers 撤回")
	}
	if strings.Contains(admin.page("/imports", http.StatusOK), fmt.Sprintf(`<a href="/imports/%d">第%d号</a></td><td>张店区</td>`, sent.ID, sent.ID)) {
		t.Error("the office's 待审核 list still names the withdrawn upload")
	}
	resp, body = up.post(page+"/withdraw", url.Values{"csrf": {up.csrf()}})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "只有待审核的导入可以撤回") {
		t.Errorf("withdrawing twice: %d", resp.StatusCode)
	}
}
