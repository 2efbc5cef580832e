package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func (s *Server) rates(c *gin.Context) {
	m, err := s.AsOfMonth(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	_, r, err := s.PortfolioAt(c, m)
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, r)
}
