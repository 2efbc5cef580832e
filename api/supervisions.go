package api

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
	"tracker/models/store"
)

// supervisionList is the answer of GET /api/v1/supervisions: one page of
// the items, and how many the query selects in all (as the project list).
type supervisionList struct {
	Today string               `json:"today"` // the office day overdue is judged on
	Total int64                `json:"total"`
	Items []models.Supervision `json:"items"`
}

// listSupervisions lists a page (page, per_page: from 1, 1–1000, default
// 50, as GET /api/v1/projects) of the 督办 items the query selects
// (SupervisionFilter).
func (s *Server) listSupervisions(c *gin.Context) {
	f, err := s.SupervisionFilter(c)
	page, perPage := 1, 50
	if err == nil {
		page, err = httpx.IntParam(c, "page", 1, 1, 1<<30, "页码")
	}
	if err == nil {
		perPage, err = httpx.IntParam(c, "per_page", 50, 1, 1000, "每页条数")
	}
	var total int64
	var items []models.Supervision
	if err == nil {
		total, items, err = s.Store.SupervisionPage(c, f, page, perPage)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, supervisionList{Today: s.Store.Today(), Total: total, Items: items})
}

// getSupervision answers one 督办 item with its steps.
func (s *Server) getSupervision(c *gin.Context) {
	id, err := httpx.SupervisionID(c)
	var sv *models.Supervision
	if err == nil {
		sv, err = s.Store.Supervision(c, id)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, sv)
}

// openSupervision opens a 督办 item (admins): JSON {"code", "unit",
// "deadline", "description"}; 201 with the item.
func (s *Server) openSupervision(c *gin.Context) {
	var body struct {
		Code        string `json:"code"`
		Unit        string `json:"unit"`
		Deadline    string `json:"deadline"`
		Description string `json:"description"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		s.Fail(c, models.Errorf(models.EINVALID, `请求格式不对：需要 JSON，如 {"code": "…", "unit": "张店区", "deadline": "2024-07-15", "description": "…"}`))
		return
	}
	n := store.NewSupervision{Code: models.NormalizeCode(body.Code), Unit: body.Unit, Deadline: body.Deadline, Description: body.Description}
	sv, err := s.Store.OpenSupervision(c, n, httpx.CurrentUser(c))
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Log.Info("supervision opened", "id", sv.ID, "code", sv.Code, "unit", sv.Unit, "user", httpx.CurrentUser(c).Name)
	c.JSON(http.StatusCreated, sv)
}

// superviseStep answers POST /supervisions/:id/{reply,close,reopen}: JSON
// {"text": "..."} (an empty body is no text); 200 with the item.
func (s *Server) superviseStep(a models.SupervisionAction) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, err := httpx.SupervisionID(c)
		var body struct {
			Text string `json:"text"`
		}
		if err == nil {
			if err = c.ShouldBindJSON(&body); err == io.EOF {
				err = nil
			} else if err != nil {
				err = models.Errorf(models.EINVALID, `请求格式不对：需要 JSON，如 {"text": "已协调市自然资源局，预计7月20日前批复"}`)
			}
		}
		var sv *models.Supervision
		if err == nil {
			sv, err = s.Store.SuperviseStep(c, id, a, body.Text, httpx.CurrentUser(c))
		}
		if err != nil {
			s.Fail(c, err)
			return
		}
		s.Log.Info("supervision step", "id", sv.ID, "action", a, "status", sv.Status, "user", httpx.CurrentUser(c).Name)
		c.JSON(http.StatusOK, sv)
	}
}
