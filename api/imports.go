package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/importer"
	"tracker/models"
	"tracker/models/store"
)

// postImport reads an uploaded ledger and records it: previewed with
// dry_run=true, else committed at once.
func (s *Server) postImport(c *gin.Context) {
	start, u := time.Now(), httpx.CurrentUser(c)
	name, data, err := s.Upload(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	ledger, err := s.ReadLedger(c, name, data, c.PostForm("period"), u)
	if err != nil {
		s.Fail(c, err)
		return
	}
	imp, err := s.Store.CreateImport(c, store.NewImport{FileName: name, Data: data, User: u, Ledger: ledger, DryRun: c.PostForm("dry_run") == "true"})
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Metrics.ImportDone(imp, time.Since(start))
	s.Log.Info("import", "id", imp.ID, "user", u.Name, "status", imp.Status, "rows", imp.RowsTotal,
		"applied", imp.RowsImported, "created", imp.Created, "updated", imp.Updated)
	c.JSON(http.StatusOK, imp)
}

func (s *Server) listImports(c *gin.Context) {
	f := store.ImportFilter{District: c.Query("district"), Limit: 200}
	if p := c.Query("period"); p != "" {
		m, err := models.ParseMonth(p)
		if err != nil {
			s.Fail(c, err)
			return
		}
		f.Period = m
	}
	imps, err := s.Store.Imports(c, f)
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": imps})
}

func (s *Server) getImport(c *gin.Context) {
	imp, err := s.Import(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, imp)
}

// commitImport applies a previewed import, reading its kept file again.
func (s *Server) commitImport(c *gin.Context) {
	start := time.Now()
	imp, err := s.Import(c)
	if err == nil {
		err = httpx.MayChange(httpx.CurrentUser(c), imp)
	}
	var data []byte
	if err == nil {
		_, data, err = s.Store.ImportFile(c, imp.ID)
	}
	var ledger *importer.Ledger
	if err == nil {
		ledger, err = s.ReadLedger(c, imp.FileName, data, imp.Period.String(), httpx.CurrentUser(c))
	}
	if err == nil {
		imp, err = s.Store.CommitImport(c, imp.ID, ledger, httpx.CurrentUser(c))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Metrics.ImportDone(imp, time.Since(start))
	s.Log.Info("import committed", "id", imp.ID, "user", httpx.CurrentUser(c).Name, "status", imp.Status, "rows", imp.RowsTotal,
		"applied", imp.RowsImported, "created", imp.Created, "updated", imp.Updated)
	c.JSON(http.StatusOK, imp)
}

func (s *Server) revertImport(c *gin.Context) {
	imp, err := s.Import(c)
	if err == nil {
		err = httpx.MayChange(httpx.CurrentUser(c), imp)
	}
	if err == nil {
		imp, err = s.Store.RevertImport(c, imp.ID, httpx.CurrentUser(c))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Log.Info("import reverted", "id", imp.ID, "user", httpx.CurrentUser(c).Name)
	c.JSON(http.StatusOK, imp)
}

// ImportFile sends an import's uploaded file byte for byte.
func (s *Server) ImportFile(c *gin.Context) {
	id, err := httpx.ImportID(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	name, data, err := s.Store.ImportFile(c, id)
	if err != nil {
		s.Fail(c, err)
		return
	}
	httpx.Attachment(c, name, "application/octet-stream", data)
}

// submissions lists which units have sent a ledger for a month.
func (s *Server) submissions(c *gin.Context) {
	m, err := s.AsOfMonth(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	subs, err := s.Store.Submissions(c, m)
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"year": m.Year(), "month": m.Num(), "items": subs})
}
