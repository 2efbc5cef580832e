package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tracker/server/servertest"
)

// TestUnitLedgerButtons: 报表 and 数据导入 offer the office a button per
// unit and an uploader its own unit's only; the button's form downloads
// that unit's pre-filled ledger for the month chosen.
func TestUnitLedgerButtons(t *testing.T) {
	ts := servertest.New(t)
	admin, uploader := signIn(ts, "admin"), signIn(ts, "zhangdian")
	button := func(unit string) string { return `<button type="submit" name="unit" value="` + unit + `"` }
	for _, path := range []string{"/reports", "/imports"} {
		page := admin.page(path, http.StatusOK)
		wantContains(t, path, page, "预填台账", `action="/reports/template.xlsx"`, `name="period" type="month" value="2024-`, button("张店区"), button("文昌湖区"), button("市直部门"))
		mine := uploader.page(path, http.StatusOK)
		wantContains(t, path+" (uploader)", mine, button("张店区"))
		if strings.Contains(mine, button("淄川区")) {
			t.Errorf("%s offers the 张店区 uploader 淄川区's ledger", path)
		}
	}
	resp, body := uploader.get("/reports/template.xlsx?" + url.Values{"period": {"2024-06"}, "unit": {"张店区"}}.Encode())
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Disposition"), url.PathEscape("预填台账_张店区_2024-06.xlsx")) || !strings.HasPrefix(body, "PK") {
		t.Errorf("download: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
}
