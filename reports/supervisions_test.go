package reports

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"tracker/models"
)

// juneItems are 督办 items around June 2024: one closed in May, one
// closed in June, one replied in July, one opened on 30 June and one in
// July.
func juneItems() []models.Supervision {
	cst := func(mo time.Month, d, h int) time.Time { return time.Date(2024, mo, d, h, 0, 0, 0, models.OfficeZone) }
	admin := models.User{Name: "office", Role: models.RoleAdmin}
	type step struct {
		u    models.User
		a    models.SupervisionAction
		text string
		at   time.Time
	}
	item := func(id int64, code, name, unit, deadline string, steps ...step) models.Supervision {
		sv := models.Supervision{ID: id, Code: code, ProjectName: name, Unit: unit, Deadline: deadline}
		for _, s := range steps {
			if _, err := sv.Step(s.u, s.a, s.text, s.at); err != nil {
				panic(err)
			}
		}
		return sv
	}
	zd := models.User{Name: "zd", Role: models.RoleUploader, District: "张店区"}
	zc := models.User{Name: "zc", Role: models.RoleUploader, District: "淄川区"}
	return []models.Supervision{
		item(1, "C-1", "甲项目", "张店区", "2024-05-20", step{admin, models.SuperviseOpen, "五月的问题", cst(5, 2, 9)}, step{admin, models.SuperviseClose, "", cst(5, 30, 9)}),
		item(2, "C-2", "乙项目", "淄川区", "2024-06-25", step{admin, models.SuperviseOpen, "资金未到位", cst(6, 1, 9)}, step{zc, models.SuperviseReply, "七月才回复", cst(7, 2, 9)}),
		item(3, "C-3", "丙项目", "张店区", "2024-06-20", step{admin, models.SuperviseOpen, "用地预审未批复", cst(5, 10, 9)},
			step{zd, models.SuperviseReply, "已报市自然资源局", cst(6, 5, 9)}, step{admin, models.SuperviseClose, "已批复", cst(6, 25, 9)}),
		item(4, "C-4", "丁项目", "张店区", "2024-06-30", step{admin, models.SuperviseOpen, "=施工许可待办", cst(6, 30, 23)}),
		item(5, "C-5", "戊项目", "张店区", "2024-07-31", step{admin, models.SuperviseOpen, "七月交办", cst(7, 1, 9)}),
	}
}

func TestMonthlyWorkbookHasTheSupervisionSheet(t *testing.T) {
	in := testInput(6, 0)
	in.Generated = time.Date(2024, 7, 5, 9, 30, 0, 0, models.OfficeZone)
	in.Supervisions = juneItems()
	f, _ := openReport(t, in)
	want := []string{"总体情况", "分区县", "分类别", "分级别", "市直部门", "未开工项目", "投资滞后项目", "提前开工", "未报送单位", "督办事项", "项目明细"}
	if got := f.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Errorf("sheets %v, want %v", got, want)
	}
	if got := text(f, sheetSupervision, "A2"); got != "截至2024年6月底：共3项，未办结2项，其中逾期1项" {
		t.Errorf("unit line %q", got)
	}
	rows, _ := f.GetRows(sheetSupervision)
	wantRows := [][]string{
		{"序号", "项目代码", "项目名称", "责任单位", "督办内容", "办理期限", "状态", "是否逾期", "最新回复", "交办时间"},
		{"1", "C-3", "丙项目", "张店区", "用地预审未批复", "2024-06-20", "已办结", "", "已报市自然资源局", "2024-05-10 09:00:00"},
		{"2", "C-4", "丁项目", "张店区", "=施工许可待办", "2024-06-30", "待回复", "", "", "2024-06-30 23:00:00"},
		{"3", "C-2", "乙项目", "淄川区", "资金未到位", "2024-06-25", "待回复", "逾期", "", "2024-06-01 09:00:00"},
	}
	for i, w := range wantRows {
		got := rows[2+i]
		for len(got) < len(w) {
			got = append(got, "")
		}
		if !reflect.DeepEqual(got[:len(w)], w) {
			t.Errorf("row %d: %q, want %q", 3+i, got, w)
		}
	}
	if len(rows) > 6 && len(rows[6]) > 0 && strings.HasPrefix(rows[6][0], "4") {
		t.Errorf("a fourth item: %q", rows[6])
	}
	if fs, _ := f.GetCellFormula(sheetSupervision, "E5"); fs != "" {
		t.Errorf("a description beginning with = became the formula %q", fs)
	}
	// The quarterly workbook has no 督办事项.
	in.Quarter, in.Month = 2, mo(6)
	q, _ := openReport(t, in)
	if idx, _ := q.GetSheetIndex(sheetSupervision); idx >= 0 {
		t.Errorf("the quarterly workbook has a 督办事项 sheet")
	}
}

func TestSupervisionSheetAsOfEarlierMonths(t *testing.T) {
	in := testInput(5, 0)
	in.Supervisions = juneItems()
	f, _ := openReport(t, in)
	if got := text(f, sheetSupervision, "A2"); got != "截至2024年5月底：共2项，未办结1项，其中逾期0项" {
		t.Errorf("May's unit line %q", got)
	}
	// 甲 was closed in May; 丙 stood open with no reply at May's end.
	if got := text(f, sheetSupervision, "C4") + "|" + text(f, sheetSupervision, "G4") + "|" + text(f, sheetSupervision, "C5") + "|" +
		text(f, sheetSupervision, "G5") + "|" + text(f, sheetSupervision, "I5") + "|" + text(f, sheetSupervision, "C6"); got != "甲项目|已办结|丙项目|待回复||" {
		t.Errorf("May's rows %q, want 甲项目|已办结|丙项目|待回复||", got)
	}
	in = testInput(4, 0)
	in.Supervisions = juneItems()
	f, _ = openReport(t, in)
	if got := text(f, sheetSupervision, "A4"); got != "无" {
		t.Errorf("April has no item; A4 = %q, want 无", got)
	}
}
