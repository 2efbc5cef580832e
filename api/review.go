package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// approveImport applies a unit's submitted upload (admins), as its commit
// would.
func (s *Server) approveImport(c *gin.Context) {
	start, u := time.Now(), httpx.CurrentUser(c)
	id, err := httpx.ImportID(c)
	var imp *models.Import
	if err == nil {
		imp, err = s.Ledgers.Approve(c, id, u)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Metrics.ImportDone(imp, time.Since(start))
	s.Log.Info("import approved", "id", imp.ID, "user", u.Name, "status", imp.Status, "applied", imp.RowsImported)
	s.respondImport(c, imp)
}

// returnImport sends a unit's submitted upload back (admins): JSON
// {"reason": "..."}; nothing is applied.
func (s *Server) returnImport(c *gin.Context) {
	id, err := httpx.ImportID(c)
	var body struct {
		Reason string `json:"reason"`
	}
	if err == nil {
		if err = c.ShouldBindJSON(&body); err != nil && models.ErrorCode(err) != models.EINVALID {
			err = models.Errorf(models.EINVALID, `请求格式不对：需要 JSON，如 {"reason": "第5行本年完成投资有误，请核实后重新上传"}`)
		}
	}
	var imp *models.Import
	if err == nil {
		imp, err = s.Ledgers.Return(c, id, httpx.CurrentUser(c), body.Reason)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Log.Info("import returned", "id", imp.ID, "user", httpx.CurrentUser(c).Name)
	c.JSON(http.StatusOK, imp)
}

// withdrawImport takes a submitted upload or hand edit back before review
// (its sender or the office); nothing is applied.
func (s *Server) withdrawImport(c *gin.Context) {
	id, err := httpx.ImportID(c)
	var imp *models.Import
	if err == nil {
		imp, err = s.Ledgers.Withdraw(c, id, httpx.CurrentUser(c))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Log.Info("import withdrawn", "id", imp.ID, "user", httpx.CurrentUser(c).Name)
	c.JSON(http.StatusOK, imp)
}

// submissions answers where every unit stands with a month's ledger
// (models.Submissions): sent, approved, late, against the deadline.
func (s *Server) submissions(c *gin.Context) {
	m, err := s.AsOfMonth(c)
	var subs []models.Submission
	if err == nil {
		subs, err = s.Store.Submissions(c, m, s.Collection)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, subs)
}
