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
	f, err := s.projectFilter(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	total, items, err := s.Store.Projects(c, f)
	if err != nil {
		s.Fail(c, err)
		return
	}
	if items == nil {
		items = []models.Project{}
	}
	c.JSON(http.StatusOK, projectList{Total: total, Items: items})
}

func (s *Server) projectFilter(c *gin.Context) (store.ProjectFilter, error) {
	year, err := s.Year(c)
	if err != nil {
		return store.ProjectFilter{}, err
	}
	f := store.ProjectFilter{Year: year, Query: c.Query("q")}
	if year != 0 { // the list as of month=, else as of the latest month reported
		if f.Month, err = s.AsOfMonth(c); err != nil {
			return f, err
		}
	}
	if f.District, err = s.District(c, "district"); err != nil {
		return f, err
	}
	if n := c.Query("nature"); n != "" {
		nature, ok := models.ParseNature(n)
		if !ok {
			return f, models.Errorf(models.EINVALID, "参数 nature：建设性质“%s”无效，应为“新开工”或“续建”", n)
		}
		f.Nature = nature
	}
	if f.Page, err = httpx.IntParam(c, "page", 1, 1, 1<<30, "页码"); err != nil {
		return f, err
	}
	f.PerPage, err = httpx.IntParam(c, "per_page", 50, 1, 1000, "每页条数")
	return f, err
}

func (s *Server) getProject(c *gin.Context) {
	year, err := s.Year(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	m, err := monthOf(c, year)
	var p models.Project
	if err == nil {
		p, err = s.Store.Project(c, models.NormalizeCode(c.Param("code")), year)
	}
	if err == nil && m != 0 {
		ps := []models.Project{p.AsOf(m)}
		err = s.Store.AttachMonthNotes(c, ps, m)
		p = ps[0]
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
