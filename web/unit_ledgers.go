package web

import (
	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// unitLedgers is the 预填台账 box of 数据导入 and 报表: a month and one
// button per unit (an uploader's own unit only), each downloading that
// unit's pre-filled ledger (GET /reports/template.xlsx?unit=&period=).
type unitLedgers struct {
	Period   string // the month offered: the one after the latest reported
	Min, Max string // the months of the years with a list (a month without one has no pre-filled ledger)
	Units    []string
	Own      bool // an uploader's own unit: one button named for it
}

// unitLedgersFor returns the box for the signed-in user, nil when the
// server offers no template or the database has no list.
func (s *Server) unitLedgersFor(c *gin.Context) *unitLedgers {
	years, err := s.Store.Years(c)
	if err != nil || len(years) == 0 || s.downloads.Template == nil {
		return nil
	}
	latest, err := s.Store.LatestPeriod(c, years[0])
	if err != nil {
		return nil
	}
	m := models.MonthOf(years[0], 1)
	if !latest.IsZero() {
		m = min(latest+1, models.MonthOf(years[0], 12))
	}
	v := &unitLedgers{Period: m.String(), Min: models.MonthOf(years[len(years)-1], 1).String(), Max: models.MonthOf(years[0], 12).String()}
	if u := httpx.CurrentUser(c); u.Role == models.RoleUploader {
		if u.District != "" {
			v.Units, v.Own = []string{u.District}, true
		}
		return v
	}
	units, err := s.Store.Units(c)
	if err != nil {
		return nil
	}
	for _, u := range units {
		v.Units = append(v.Units, u.Name)
	}
	return v
}
