package api_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
	"tracker/server/servertest"
)

// TestALockedQuarterIsServedAsSent: once Q2 is locked, its workbook is the
// one kept at the lock, byte for byte, even after an admin's correction of
// June; the next quarter's workbook lists the correction as 更正.
func TestALockedQuarterIsServedAsSent(t *testing.T) {
	ts := servertest.New(t)
	admin := ts.Login("admin")
	download := func(q int) []byte {
		req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/v1/reports/quarterly.xlsx?year=2024&quarter=%d", ts.HTTP.URL, q), nil)
		req.Header.Set("Authorization", "Bearer "+admin)
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("Q%d workbook: %v %v", q, resp.StatusCode, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return b
	}
	ts.Do("POST", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 2}, http.StatusOK, nil)
	sent := download(2)
	p := servertest.FirstProject("张店区")
	csv := servertest.ZhangdianCSV(p.Code, p.Name, "98765.43")
	ts.Upload(admin, "6月更正.csv", csv, nil, http.StatusConflict, nil) // refused at preview already
	var imp servertest.ImportResult
	ts.Upload(admin, "6月更正.csv", csv, map[string]string{"correction": "true"}, http.StatusOK, &imp)
	if imp.Status != "committed" {
		t.Fatalf("correction: %+v", imp)
	}
	if again := download(2); !bytes.Equal(again, sent) {
		t.Error("the locked Q2 workbook changed after a correction")
	}
	f, err := excelize.OpenReader(bytes.NewReader(download(3)))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("更正")
	if err != nil {
		t.Fatalf("Q3 has no 更正 sheet: %v (%v)", err, f.GetSheetList())
	}
	found := false
	for _, r := range rows {
		line := strings.Join(r, "|")
		found = found || strings.Contains(line, "第2季度") && strings.Contains(line, p.Code) && strings.Contains(line, "|98,765.43|") &&
			strings.Contains(line, fmt.Sprint(imp.ID))
	}
	if !found {
		t.Errorf("更正 does not list the June correction of %s by import %d: %q", p.Code, imp.ID, rows)
	}
	old, _ := p.CompletedAsOf(models.MonthOf(2024, 6))
	want := fmt.Sprintf("已通报季度的数据此后更正1处：第2季度：%s（%s）1-6月累计完成投资由%s万元更正为98765.43万元（admin，", p.Name, p.Code, old.WanText())
	if text := docText(t, ts.Do("GET", "/api/v1/reports/quarterly.docx?year=2024&quarter=3", admin, nil, http.StatusOK, nil)); !strings.Contains(text, want) {
		t.Errorf("Q3's 通报 does not note the 更正 %q:\n%s", want, text)
	}
	ts.Do("DELETE", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 2}, http.StatusOK, nil)
	if reopened := download(2); bytes.Equal(reopened, sent) {
		t.Error("the reopened Q2 is still the workbook as sent")
	}
}
