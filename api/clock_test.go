package api_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"tracker/server/servertest"
)

// TestSubmissionsReadTheStoresClock: GET /api/v1/submissions judges 逾期
// by the store's clock, the one every timestamp comes from, not the
// system's. June 2024's deadline is 2024-07-05 (the 5th of the next month):
// on 2024-07-05 (office time) no unit of the demo, which has sent nothing,
// is late yet; on 2024-07-06 all twelve are.
func TestSubmissionsReadTheStoresClock(t *testing.T) {
	ts := servertest.New(t)
	admin := ts.Login("admin")
	for _, c := range []struct {
		at   time.Time
		late int
	}{
		{time.Date(2024, 7, 5, 15, 59, 0, 0, time.UTC), 0}, // 23:59 in 淄博
		{time.Date(2024, 7, 5, 16, 0, 0, 0, time.UTC), 12}, // 00:00 on the 6th
	} {
		at := c.at
		ts.Store.SetClock(func() time.Time { return at })
		var subs []submissionJSON
		ts.Do("GET", "/api/v1/submissions?year=2024&month=6", admin, nil, http.StatusOK, &subs)
		late := 0
		for _, s := range subs {
			if s.Late {
				late++
			}
			if s.Deadline != "2024-07-05" {
				t.Errorf("%s: deadline %s, want 2024-07-05", s.Unit, s.Deadline)
			}
		}
		if len(subs) != 12 || late != c.late {
			t.Errorf("at %s: %d of %d units late, want %d of 12", at, late, len(subs), c.late)
		}
	}
}

// TestFilesAreDatedByTheStoresClockInChinaTime: every file the service
// makes is dated on the store's clock, as the office reads a date (China
// time): at 2024-07-09 17:30 UTC it is 2024-07-10 01:30 in 淄博, and the
// project list, the audit workbook, the quarterly workbook, the 通报 and
// the list started by a rollover all say 7月10日, not the system's day
// nor UTC's 7月9日.
func TestFilesAreDatedByTheStoresClockInChinaTime(t *testing.T) {
	ts := servertest.New(t)
	admin := ts.Login("admin")
	at := time.Date(2024, 7, 9, 17, 30, 0, 0, time.UTC)
	ts.Store.SetClock(func() time.Time { return at })
	const day = "编制日期：2024年7月10日"
	for what, c := range map[string]struct{ path, want string }{
		"the project list":       {"/api/v1/projects.xlsx?year=2024&month=6", day},
		"the audit workbook":     {"/api/v1/audit.xlsx", "导出时间：2024-07-10 01:30"},
		"the quarterly workbook": {"/api/v1/reports/quarterly.xlsx?year=2024&quarter=2", day},
	} {
		if got := workbookText(t, ts.Do("GET", c.path, admin, nil, http.StatusOK, nil)); !strings.Contains(got, c.want) {
			t.Errorf("%s does not say %s", what, c.want)
		}
	}
	docx := ts.Do("GET", "/api/v1/reports/quarterly.docx?year=2024&quarter=2", admin, nil, http.StatusOK, nil)
	z, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			doc, _ := io.ReadAll(rc)
			rc.Close()
			if !strings.Contains(string(doc), "2024年7月10日") || strings.Contains(string(doc), "2024年7月9日") {
				t.Error("the 通报 is not dated 2024年7月10日")
			}
		}
	}
	var roll servertest.ImportResult
	ts.Do("POST", "/api/v1/lists/2024/rollover", admin, nil, http.StatusOK, &roll)
	file := ts.Do("GET", fmt.Sprintf("/api/v1/imports/%d/file", roll.ID), admin, nil, http.StatusOK, nil)
	if got := workbookText(t, file); !strings.Contains(got, day) {
		t.Errorf("the rollover's list does not say %s", day)
	}
}
