package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
	"tracker/models/store"
)

type projectList struct {
	Total int64            `json:"total"`
	Items []models.Project `json:"items"`
}

func (s *Server) health(c *gin.Context) {
	if err := s.Store.Ping(c); err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

func (s *Server) listProjects(c *gin.Context) {
	f, q, err := s.projectFilter(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	var total int64
	var items []models.Project
	if q.Light == "" && q.Status == "" && q.Sort == "" {
		total, items, err = s.Store.Projects(c, f)
	} else { // the lights and the order are the 项目库's, as of the month
		var ps []models.Project
		f.Query = "" // the words as the page matches them (models.MatchesWords)
		if ps, err = s.Store.AllProjects(c, f); err == nil {
			lines := q.Select(ps, f.Month, s.Rates)
			total = int64(len(lines))
			from := min(len(lines), (f.Page-1)*f.PerPage)
			items = models.Projects(lines[from:min(len(lines), from+f.PerPage)])
		}
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	if items == nil {
		items = []models.Project{}
	}
	c.JSON(http.StatusOK, projectList{Total: total, Items: items})
}

// projectFilter reads the list's parameters: the 项目库's query
// (httpx.ProjectQuery) and its store filter (year, month, unit, nature,
// category, search words; page and per_page). The lights, status and sort
// only the query applies, as of the month.
func (s *Server) projectFilter(c *gin.Context) (store.ProjectFilter, models.ProjectQuery, error) {
	year, err := s.Year(c)
	if err != nil {
		return store.ProjectFilter{}, models.ProjectQuery{}, err
	}
	q, err := s.ProjectQuery(c)
	if err != nil {
		return store.ProjectFilter{}, q, err
	}
	f := store.ProjectFilter{Year: year, Query: c.Query("q"), District: q.District, Nature: q.Nature, Category: q.Category}
	if year != 0 { // the list as of month=, else as of the latest month reported
		if f.Month, err = s.AsOfMonth(c); err != nil {
			return f, q, err
		}
	}
	if f.Page, err = httpx.IntParam(c, "page", 1, 1, 1<<30, "页码"); err != nil {
		return f, q, err
	}
	f.PerPage, err = httpx.IntParam(c, "per_page", 50, 1, 1000, "每页条数")
	return f, q, err
}

func (s *Server) getProject(c *gin.Context) {
	year, err := s.Year(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	m, err := monthOf(c, year)
	var p models.Project
	switch code := models.NormalizeCode(c.Param("code")); {
	case err != nil:
	case m != 0:
		p, err = s.Store.ProjectAsOf(c, code, m)
	default:
		p, err = s.Store.Project(c, code, year)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, p)
}

// monthOf reads the optional month= of a year (1..12) as a month; zero
// when absent.
func monthOf(c *gin.Context, year int) (models.Month, error) {
	if c.Query("month") == "" {
		return 0, nil
	}
	n, err := httpx.IntParam(c, "month", 0, 1, 12, "月份")
	return models.MonthOf(year, n), err
}

func (s *Server) units(c *gin.Context) {
	units, err := s.Store.Units(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": units})
}
