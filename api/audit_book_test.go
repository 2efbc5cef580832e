package api_test

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tracker/server/servertest"
)

// TestAuditWorkbookReadsAsThePages: the trail as a workbook holds times on
// the office's clock (UTC+8, as the pages show them, whatever the server's
// zone), 万元 amounts as number cells, the report month as a date cell and
// each change's 修改原因: a hand edit's note, a return's reason, a list
// change's reason, the returned upload marked 已退回（未生效） (applied
// false in the API: it changed no figure); excelize and openpyxl read the same exact values, and
// the API's trail has the same reasons.
func TestAuditWorkbookReadsAsThePages(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		p := servertest.FirstProject("张店区")
		up, admin := ts.Login("zhangdian"), ts.Login("admin")
		ts.Store.SetClock(func() time.Time { return time.Date(2024, 7, 1, 1, 5, 30, 0, time.UTC) })
		var edit, sent, change servertest.ImportResult
		ts.Do("PATCH", "/api/v1/projects/"+p.Code, admin, map[string]any{"period": "2024-06", "completed_ytd_wan": 4321.5, "note": "=与区县核实后更正"}, http.StatusOK, &edit)
		ts.Upload(up, "张店区1-6月.csv", servertest.ZhangdianCSV(p.Code, p.Name, "5000.25"), nil, http.StatusOK, &sent)
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/return", sent.ID), admin, map[string]string{"reason": "第4行项目代码有误"}, http.StatusOK, nil)
		ts.Do("POST", "/api/v1/lists/2024/changes", admin, map[string]string{"code": p.Code, "action": "remove", "effective": "2024-09", "reason": "项目终止"}, http.StatusOK, &change)

		var trail struct {
			Items []struct {
				ImportID int64 `json:"import_id"`
				Reason   string
				Applied  bool
			}
		}
		ts.Do("GET", "/api/v1/audit?code="+p.Code, admin, nil, http.StatusOK, &trail)
		if got, want := fmt.Sprint(trail.Items), fmt.Sprintf("[{%d 项目终止 true} {%d 退回原因：第4行项目代码有误 false} {%d =与区县核实后更正 true}]", change.ID, sent.ID, edit.ID); got != want {
			t.Errorf("trail %s, want %s", got, want)
		}

		data := ts.Do("GET", "/api/v1/audit.xlsx?code="+p.Code, admin, nil, http.StatusOK, nil)
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows("修改记录")
		if got := rows[1][0]; got != "共3条　　导出时间：2024-07-01 09:05" {
			t.Errorf("unit line %q, want the export time on the office's clock", got)
		}
		if got := strings.Join(rows[2], "|"); got != "序号|时间|用户|类型|文件名|状态|导入编号|项目代码|字段|报告期|原值|新值|修改原因|撤销人" {
			t.Fatalf("header %s", got)
		}
		var got []string
		for _, r := range rows[3:] {
			got = append(got, strings.Join(r, "|"))
		}
		want := []string{
			fmt.Sprintf("1|2024-07-01 09:05:30|admin|清单调整|清单调整 %s|已提交|%d|%s|调出清单月份|||2024年9月|项目终止", p.Code, change.ID, p.Code),
			fmt.Sprintf("2|2024-07-01 09:05:30|zhangdian|上传台账|张店区1-6月.csv|已退回（未生效）|%d|%s|累计完成投资（万元）|2024年6月|4,321.50|5,000.25|退回原因：第4行项目代码有误", sent.ID, p.Code),
			fmt.Sprintf("3|2024-07-01 09:05:30|admin|手工修改||已提交|%d|%s|累计完成投资（万元）|2024年6月|8,184.48|4,321.50|=与区县核实后更正", edit.ID, p.Code),
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("rows\n got %q\nwant %q", got, want)
		}
		for ref, typ := range map[string]excelize.CellType{"B4": excelize.CellTypeNumber, "J5": excelize.CellTypeNumber, "K5": excelize.CellTypeNumber,
			"L5": excelize.CellTypeNumber, "G5": excelize.CellTypeNumber, "M6": excelize.CellTypeInlineString, "L4": excelize.CellTypeNumber} {
			if got, _ := f.GetCellType("修改记录", ref); got != typ && !(typ == excelize.CellTypeNumber && got == excelize.CellTypeUnset) {
				t.Errorf("%s has type %v, want %v", ref, got, typ)
			}
		}

		python := python3WithOpenpyxl(t)
		path := filepath.Join(t.TempDir(), "audit.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		script := `import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["修改记录"]
for r in ws.iter_rows(min_row=4, max_row=6, min_col=2, max_col=13):
    print("|".join(repr(c.value) for c in (r[0], r[8], r[9], r[10], r[11])))
print(ws["K5"].number_format, ws["J5"].number_format, ws["B4"].number_format)`
		out, err := exec.Command(python, "-c", script, path).CombinedOutput()
		if err != nil {
			t.Fatalf("openpyxl: %v\n%s", err, out)
		}
		wantPy := "datetime.datetime(2024, 7, 1, 9, 5, 30)|None|None|datetime.datetime(2024, 9, 1, 0, 0)|'项目终止'\n" +
			"datetime.datetime(2024, 7, 1, 9, 5, 30)|datetime.datetime(2024, 6, 1, 0, 0)|4321.5|5000.25|'退回原因：第4行项目代码有误'\n" +
			"datetime.datetime(2024, 7, 1, 9, 5, 30)|datetime.datetime(2024, 6, 1, 0, 0)|8184.48|4321.5|'=与区县核实后更正'\n" +
			`#,##0.00 yyyy"年"m"月" yyyy-mm-dd hh:mm:ss`
		if got := strings.TrimSpace(string(out)); got != wantPy {
			t.Errorf("openpyxl reads\n%s\nwant\n%s", got, wantPy)
		}
	})
}
