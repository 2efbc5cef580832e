package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// reportsView is 报表: the quarterly and monthly workbooks to download and
// the ledger template, when the server has one.
type reportsView struct {
	Years       []int
	Year        int
	Latest      models.Month
	Quarter     int
	Months      []int
	HasTemplate bool
}

// reportsPage offers the downloads as plain GET forms: they work without
// script, and the workbook comes from the same handler as the API's.
func (s *Server) reportsPage(c *gin.Context) {
	years, err := s.store.Years(c)
	if err != nil {
		s.pageFail(c, err)
		return
	}
	v := reportsView{Years: years, Months: monthNumbers(), HasTemplate: s.apiHandler("GET", "/api/v1/template.xlsx") != nil}
	if len(years) > 0 {
		v.Year = years[0]
		if v.Latest, err = s.store.LatestPeriod(c, v.Year); err != nil {
			s.pageFail(c, err)
			return
		}
		v.Quarter = max(1, v.Latest.Num()/3)
	}
	s.render(c, http.StatusOK, "reports", view{Title: "报表", Nav: "reports", Data: v})
}
