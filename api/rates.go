package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// rates answers the rates as of the month asked for, with the previous
// period's (环比: the previous quarter for ?quarter=, else the previous
// month) and the same period's of the year before (同比).
func (s *Server) rates(c *gin.Context) {
	m, err := s.AsOfMonth(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	r, err := s.Reports.Compared(c, m, c.Query("quarter") != "")
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, r)
}
