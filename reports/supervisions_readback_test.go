package reports_test

import (
	"bytes"
	"testing"
	"time"

	"tracker/models"
	"tracker/reports"
)

// TestMonthlyWorkbookWithSupervisionsReadsBack: the importer leaves the
// 督办事项 sheet out (its 责任单位 is the unit that must act, not the
// project's), so the monthly workbook still reads back as its 项目明细.
func TestMonthlyWorkbookWithSupervisionsReadsBack(t *testing.T) {
	in := reports.FixtureInput(6, 0)
	p := in.Projects[0]
	at := time.Date(2024, 6, 3, 9, 0, 0, 0, models.OfficeZone)
	in.Supervisions = []models.Supervision{{ID: 1, Code: p.Code, ProjectName: p.Name, Unit: "其他单位", Deadline: "2024-06-20",
		Steps: []models.SupervisionStep{{Action: models.SuperviseOpen, Status: models.SupervisionOpen, User: "office", At: at, Text: "用地未落实"}}}}
	r := reports.Build(in)
	if len(r.Supervisions) != 1 || !r.Supervisions[0].Overdue {
		t.Fatalf("June's 督办事项 %+v, want the one item, overdue", r.Supervisions)
	}
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatal(err)
	}
	checkLedger(t, readBack(t, buf.Bytes()), in.Month, detailWants(in))
}
