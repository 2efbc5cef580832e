package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"tracker/models"
	"tracker/models/store"
)

type projectList struct {
	Total int64            `json:"total"`
	Items []models.Project `json:"items"`
}

func (s *Server) health(c *gin.Context) {
	if err := s.store.Ping(c); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

func (s *Server) listProjects(c *gin.Context) {
	f, err := s.projectFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	total, items, err := s.store.Projects(c, f)
	if err != nil {
		s.fail(c, err)
		return
	}
	if items == nil {
		items = []models.Project{}
	}
	c.JSON(http.StatusOK, projectList{Total: total, Items: items})
}

func (s *Server) projectFilter(c *gin.Context) (store.ProjectFilter, error) {
	year, err := s.yearParam(c)
	if err != nil {
		return store.ProjectFilter{}, err
	}
	f := store.ProjectFilter{Year: year, District: c.Query("district"), Query: c.Query("q")}
	if n := c.Query("nature"); n != "" {
		nature, ok := models.ParseNature(n)
		if !ok {
			return f, models.Errorf(models.EINVALID, "建设性质“%s”无效，应为“新开工”或“续建”", n)
		}
		f.Nature = nature
	}
	if f.Page, err = intParam(c, "page", 1, 1, 1<<30, "页码"); err != nil {
		return f, err
	}
	f.PerPage, err = intParam(c, "per_page", 50, 1, 1000, "每页条数")
	return f, err
}

func (s *Server) getProject(c *gin.Context) {
	year, err := s.yearParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	p, err := s.store.Project(c, models.NormalizeCode(c.Param("code")), year)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, p)
}

func (s *Server) units(c *gin.Context) {
	units, err := s.store.Units(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": units})
}

// yearParam reads ?year=, defaulting to the newest year with a list.
func (s *Server) yearParam(c *gin.Context) (int, error) {
	if c.Query("year") == "" {
		years, err := s.store.Years(c)
		if err != nil || len(years) == 0 {
			return 0, err
		}
		return years[0], nil
	}
	return intParam(c, "year", 0, 1990, 2100, "年份")
}

// intParam reads an integer query parameter within [lo, hi].
func intParam(c *gin.Context, name string, def, lo, hi int, label string) (int, error) {
	raw := c.Query(name)
	if raw == "" {
		return def, nil
	}
	v, err := strconv.Atoi(raw)
	if err != nil || v < lo || v > hi {
		return 0, models.Errorf(models.EINVALID, "参数 %s（%s）应为 %d 至 %d 之间的整数，收到“%s”", name, label, lo, hi, raw)
	}
	return v, nil
}
