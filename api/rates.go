package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

func (s *Server) rates(c *gin.Context) {
	m, err := s.asOfMonth(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	r, err := s.ratesAt(c, m)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, r)
}

// asOfMonth reads ?year= with ?quarter=Q (month 3Q) or ?month=M; without
// either, the latest month reported in the year (December when none).
func (s *Server) asOfMonth(c *gin.Context) (models.Month, error) {
	year, err := s.yearParam(c)
	if err != nil {
		return 0, err
	}
	if year == 0 {
		return 0, models.Errorf(models.ENOTFOUND, "数据库中还没有任何年度的项目清单")
	}
	q, m := c.Query("quarter"), c.Query("month")
	switch {
	case q != "" && m != "":
		return 0, models.Errorf(models.EINVALID, "quarter（季度）和 month（月份）只能指定一个")
	case q != "":
		n, err := intParam(c, "quarter", 0, 1, 4, "季度")
		return models.MonthOf(year, 3*n), err
	case m != "":
		n, err := intParam(c, "month", 0, 1, 12, "月份")
		return models.MonthOf(year, n), err
	}
	latest, err := s.store.LatestPeriod(c, year)
	if err != nil || latest == 0 {
		return models.MonthOf(year, 12), err
	}
	return latest, nil
}

// ratesAt computes the rates of month m's year list as of m.
func (s *Server) ratesAt(c *gin.Context, m models.Month) (models.Rates, error) {
	ps, err := s.store.PortfolioAsOf(c, m)
	if err != nil {
		return models.Rates{}, err
	}
	districts, categories, err := s.groupOrder(c)
	if err != nil {
		return models.Rates{}, err
	}
	return models.ComputeRates(ps, m, s.cfg.Rates, districts, categories), nil
}

func (s *Server) groupOrder(c *gin.Context) ([]string, []string, error) {
	units, err := s.store.Units(c)
	if err != nil {
		return nil, nil, err
	}
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = u.Name
	}
	categories, err := s.store.Categories(c)
	return names, categories, err
}
