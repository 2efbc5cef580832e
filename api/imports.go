package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/ledgers"
	"tracker/models"
)

// postImport reads an uploaded ledger and records it: previewed with
// dry_run=true, else committed at once.
func (s *Server) postImport(c *gin.Context) {
	start, u := time.Now(), httpx.CurrentUser(c)
	name, file, err := s.Upload(c)
	defer file.Close()
	up := ledgers.Upload{FileName: name, User: u, DryRun: c.PostForm("dry_run") == "true", Summary: true}
	if err == nil {
		up.File = file
		err = httpx.UploadOptions(c, &up)
	}
	var imp *models.Import
	if err == nil {
		imp, err = s.Ledgers.Import(c, up)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Metrics.ImportDone(imp, time.Since(start))
	s.Log.Info("import", "id", imp.ID, "user", u.Name, "status", imp.Status, "rows", imp.RowsTotal,
		"applied", imp.RowsImported, "created", imp.Created, "updated", imp.Updated)
	s.respondImport(c, imp)
}

// listImports lists the imports the caller may see, newest first: page
// (from 1) of per_page (1–1000, default 200) with the total.
func (s *Server) listImports(c *gin.Context) {
	period, err := httpx.OptionalMonth(c.Query("period"))
	var district string
	if err == nil {
		district, err = s.District(c, "district")
	}
	page, perPage := 1, 200
	if err == nil {
		page, err = httpx.IntParam(c, "page", 1, 1, 1<<30, "页码")
	}
	if err == nil {
		perPage, err = httpx.IntParam(c, "per_page", 200, 1, 1000, "每页条数")
	}
	var imps []*models.Import
	var total int
	if err == nil {
		f := models.ImportFilter{District: district, Period: period}
		imps, total, err = s.Ledgers.HistoryPage(c, f, httpx.CurrentUser(c), page, perPage)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"total": total, "items": imps})
}

func (s *Server) getImport(c *gin.Context) {
	imp, err := s.ImportHead(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.respondImport(c, imp)
}

// commitImport applies a previewed import, reading its kept file again.
func (s *Server) commitImport(c *gin.Context) {
	start, u := time.Now(), httpx.CurrentUser(c)
	id, err := httpx.ImportID(c)
	var imp *models.Import
	if err == nil {
		imp, err = s.Ledgers.Commit(c, id, u)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Metrics.ImportDone(imp, time.Since(start))
	s.Log.Info("import committed", "id", imp.ID, "user", u.Name, "status", imp.Status, "rows", imp.RowsTotal,
		"applied", imp.RowsImported, "created", imp.Created, "updated", imp.Updated)
	s.respondImport(c, imp)
}

func (s *Server) revertImport(c *gin.Context) {
	id, err := httpx.ImportID(c)
	var imp *models.Import
	if err == nil {
		imp, err = s.Ledgers.Revert(c, id, httpx.CurrentUser(c))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Log.Info("import reverted", "id", imp.ID, "user", httpx.CurrentUser(c).Name)
	s.respondImport(c, imp)
}

// discardImport deletes a preview with its file and computed changes
// (204): it changed nothing, so nothing remains to undo. Only a preview
// can be discarded (409 otherwise), by its uploader or an admin.
func (s *Server) discardImport(c *gin.Context) {
	id, err := httpx.ImportID(c)
	if err == nil {
		err = s.Ledgers.Discard(c, id, httpx.CurrentUser(c))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Log.Info("import discarded", "id", id, "user", httpx.CurrentUser(c).Name)
	c.Status(http.StatusNoContent)
}

// ImportFile sends an import's uploaded file byte for byte.
func (s *Server) ImportFile(c *gin.Context) {
	id, err := httpx.ImportID(c)
	var name string
	var data []byte
	if err == nil {
		name, data, err = s.Ledgers.File(c, id, httpx.CurrentUser(c))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	httpx.Original(c, name, data)
}
