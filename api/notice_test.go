package api_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tracker/server/servertest"
)

// download GETs an API path with a bearer token and returns the status,
// the headers and the body.
func download(t *testing.T, ts *servertest.Server, token, path string) (int, http.Header, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", ts.HTTP.URL+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

// docText returns the text of word/document.xml's w:t elements.
func docText(t *testing.T, data []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			var out strings.Builder
			for _, m := range strings.Split(string(b), `<w:t xml:space="preserve">`)[1:] {
				out.WriteString(m[:strings.Index(m, "</w:t>")])
			}
			return out.String()
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// TestNoticeDownload: the 通报 of a quarter and of a month under their
// contract names, as a Word document, for every role that may download
// the workbook and for no one else; a bad period is a 400 in Chinese.
func TestNoticeDownload(t *testing.T) {
	ts := servertest.New(t)
	for _, who := range []string{"admin", "reviewer", "zhangdian"} {
		token := ts.Login(who)
		status, h, body := download(t, ts, token, "/api/v1/reports/quarterly.docx?year=2024&quarter=4")
		if status != http.StatusOK {
			t.Fatalf("%s: Q4 通报 status %d: %s", who, status, body)
		}
		if ct := h.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
			t.Errorf("Content-Type %q", ct)
		}
		if cd, want := h.Get("Content-Disposition"), "filename*=UTF-8''"+url.PathEscape("重大项目建设情况通报_2024Q4.docx"); !strings.Contains(cd, want) {
			t.Errorf("Content-Disposition %q, want %q", cd, want)
		}
		text := docText(t, body)
		for _, want := range []string{"关于2024年1-12月全市重大项目", "1181.00亿元", "104.1%", "计划开工项目296个，已开工296个"} {
			if !strings.Contains(text, want) {
				t.Errorf("the Q4 通报 does not say %q", want)
			}
		}
		if xs, _, _ := download(t, ts, token, "/api/v1/reports/quarterly.xlsx?year=2024&quarter=4"); xs != status {
			t.Errorf("%s: workbook %d, 通报 %d", who, xs, status)
		}
	}
	token := ts.Login("reviewer")
	status, h, body := download(t, ts, token, "/api/v1/reports/quarterly.docx?year=2024&month=5")
	if cd := h.Get("Content-Disposition"); status != http.StatusOK || !strings.Contains(cd, url.PathEscape("重大项目建设情况通报_2024M05.docx")) ||
		!strings.Contains(docText(t, body), "关于2024年1-5月全市重大项目") {
		t.Errorf("May 通报: %d %q", status, cd)
	}
	if status, _, _ := download(t, ts, "", "/api/v1/reports/quarterly.docx?year=2024&quarter=4"); status != http.StatusUnauthorized {
		t.Errorf("without a token: %d", status)
	}
	if status, _, body := download(t, ts, token, "/api/v1/reports/quarterly.docx?year=2022&quarter=4"); status != http.StatusNotFound || !servertest.HasChinese(string(body)) {
		t.Errorf("a year without a list: %d %s", status, body)
	}
	for _, q := range []string{"quarter=5", "month=13", "quarter=x"} {
		status, _, body := download(t, ts, token, "/api/v1/reports/quarterly.docx?year=2024&"+q)
		if status != http.StatusBadRequest || !servertest.HasChinese(string(body)) {
			t.Errorf("%s: %d %s", q, status, body)
		}
	}
}

// TestALockedQuarterServesItsNoticeAsSent: once Q2 is locked, its 通报 is
// the one kept at the lock, byte for byte, after a correction of June has
// changed the live figures (the same request for June as a month shows
// them); reopened, it is made anew.
func TestALockedQuarterServesItsNoticeAsSent(t *testing.T) {
	ts := servertest.New(t)
	admin := ts.Login("admin")
	get := func(path string) []byte {
		status, _, body := download(t, ts, admin, path)
		if status != http.StatusOK {
			t.Fatalf("%s: %d %s", path, status, body)
		}
		return body
	}
	const q2 = "/api/v1/reports/quarterly.docx?year=2024&quarter=2"
	before := docText(t, get(q2))
	ts.Do("POST", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 2}, http.StatusOK, nil)
	sent := get(q2)
	if docText(t, sent) != before {
		t.Error("the 通报 kept at the lock differs from the one just before it")
	}
	kept, ok, err := ts.Store.LockedReport(t.Context(), 2024, 2, "docx")
	if err != nil || !ok || !bytes.Equal(kept.Data, sent) || kept.FileName != "重大项目建设情况通报_2024Q2.docx" {
		t.Fatalf("locked_reports holds no docx equal to the download (%v %v %q)", ok, err, kept.FileName)
	}
	p := servertest.FirstProject("张店区")
	var imp servertest.ImportResult
	ts.Upload(admin, "6月更正.csv", servertest.ZhangdianCSV(p.Code, p.Name, "98765.43"), map[string]string{"correction": "true"}, http.StatusOK, &imp)
	if imp.Status != "committed" {
		t.Fatalf("correction: %+v", imp)
	}
	completed := func(text string) string { // "1-6月累计完成投资612.35亿元" → "612.35"
		_, rest, _ := strings.Cut(text, "1-6月累计完成投资")
		amount, _, _ := strings.Cut(rest, "亿元")
		return amount
	}
	if was, live := completed(before), completed(docText(t, get("/api/v1/reports/quarterly.docx?year=2024&month=6"))); was == "" || live == was {
		t.Fatalf("June's live 通报 says %q亿元, as before the correction (%q): the test proves nothing", live, was)
	}
	for i := 0; i < 2; i++ {
		if again := get(q2); !bytes.Equal(again, sent) {
			t.Errorf("download %d of the locked Q2 通报 differs from the one kept at the lock", i+1)
		}
	}
	ts.Do("DELETE", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 2}, http.StatusOK, nil)
	if reopened := docText(t, get(q2)); completed(reopened) == completed(before) {
		t.Error("the reopened Q2 still gives the 通报 as sent")
	}
	if _, ok, _ := ts.Store.LockedReport(t.Context(), 2024, 2, "docx"); ok {
		t.Error("the kept 通报 outlived the lock")
	}
}
