package api_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
	"tracker/server"
	"tracker/server/servertest"
)

// TestRolloverListUsesTheConfiguredLights: the list a rollover writes (the
// import's kept file) explains its lights by the server's configured
// thresholds and basis, not the defaults: with 黄 from 5 and 红 from 20
// points, 红 from 2 months overdue and the calendar basis, its legend and
// note say so; a server on the defaults says 10, 30 and 3.
func TestRolloverListUsesTheConfiguredLights(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		admin := ts.Login("admin")
		var roll servertest.ImportResult
		ts.Do("POST", "/api/v1/lists/2024/rollover", admin, nil, http.StatusOK, &roll)
		text := workbookText(t, ts.Do("GET", fmt.Sprintf("/api/v1/imports/%d/file", roll.ID), admin, nil, http.StatusOK, nil))
		wantIn(t, "the default rollover's list", text, "开工预警红灯：新开工项目逾期3个月及以上未开工",
			"投资预警黄灯：项目完成率低于项目序时进度超过10个百分点、不超过30个百分点", "新开工项目自计划开工月")
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/discard", roll.ID), admin, nil, http.StatusNoContent, nil)

		ts.With(server.Config{Rates: models.RateConfig{StartDenominator: "to_date", InvestmentYellowPP: 5, InvestmentRedPP: 20,
			StartRedMonths: 2, LightBasis: models.BasisCalendar}}, servertest.DiscardLog())
		admin = ts.Login("admin")
		ts.Do("POST", "/api/v1/lists/2024/rollover", admin, nil, http.StatusOK, &roll)
		text = workbookText(t, ts.Do("GET", fmt.Sprintf("/api/v1/imports/%d/file", roll.ID), admin, nil, http.StatusOK, nil))
		wantIn(t, "the configured rollover's list", text, "开工预警红灯：新开工项目逾期2个月及以上未开工",
			"投资预警黄灯：项目完成率低于项目序时进度超过5个百分点、不超过20个百分点", "注：项目序时进度均按1÷12计")
	})
}

// workbookText is every row of every sheet of a workbook, cells joined by |.
func workbookText(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var all strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			all.WriteString(strings.Join(r, "|") + "\n")
		}
	}
	return all.String()
}

func wantIn(t *testing.T, what, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("%s does not say %q", what, p)
		}
	}
}
