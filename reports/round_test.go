package reports

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
)

// TestAHalfRoundsUpInEveryCell: a project 201万元 of 400万元 in June is
// 50.25% (0.50249999999999994 as a double), 0.25 points over 序时进度: the
// workbook shows 50.3% and +0.3 on 总体情况, 分区县 and 项目明细, and the
// headline says so (it showed 50.2% and +0.2, where the pages said 50.3%).
func TestAHalfRoundsUpInEveryCell(t *testing.T) {
	in := testInput(6, 2)
	p := fixtureProject{"张店区", "工业", models.NatureContinuing, "张店区半数项目", 1000, 400, 0, 0, map[int]float64{6: 201}}.project(1)
	in.Projects = []models.Project{p}
	f, _ := openReport(t, in)
	for _, c := range []struct {
		sheet, ref string
		want       float64
	}{
		{sheetSummary, "B9", 0.503}, {sheetSummary, "D9", 0.3}, {sheetSummary, "B17", 0.503},
	} {
		if got := num(t, f, c.sheet, c.ref); got != c.want {
			t.Errorf("%s!%s = %v, want %v", c.sheet, c.ref, got, c.want)
		}
	}
	if h := text(f, sheetSummary, "A4"); !strings.Contains(h, "占年度计划的50.3%，超序时进度0.3个百分点") {
		t.Errorf("headline %q", h)
	}
	for _, sheet := range []string{"分区县", "项目明细"} {
		rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		found := false
		for _, row := range rows {
			if strings.Contains(strings.Join(row, "|"), "张店") {
				found = found || strings.Contains(strings.Join(row, "|"), "|0.503|")
			}
		}
		if !found {
			t.Errorf("%s has no 张店区 row with 0.503", sheet)
		}
	}
	if got := PctText(models.Ratio(201, 400)); got != "50.3%" {
		t.Errorf("PctText = %q", got)
	}
	if got := PPText((models.Ratio(201, 400) - 0.5) * 100); got != "+0.3" {
		t.Errorf("PPText = %q", got)
	}
}
