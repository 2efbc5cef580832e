package api

import (
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"tracker/importer"
	"tracker/models"
	"tracker/models/store"
)

// postImport reads an uploaded ledger and records it: previewed with
// dry_run=true, else committed at once.
func (s *Server) postImport(c *gin.Context) {
	start, u := time.Now(), currentUser(c)
	name, data, err := s.upload(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ledger, err := s.readLedger(c, name, data, c.PostForm("period"), u)
	if err != nil {
		s.fail(c, err)
		return
	}
	imp, err := s.store.CreateImport(c, store.NewImport{FileName: name, Data: data, User: u, Ledger: ledger, DryRun: c.PostForm("dry_run") == "true"})
	if err != nil {
		s.fail(c, err)
		return
	}
	s.metrics.importDone(imp, time.Since(start))
	s.log.Info("import", "id", imp.ID, "user", u.Name, "status", imp.Status, "rows", imp.RowsTotal,
		"applied", imp.RowsImported, "created", imp.Created, "updated", imp.Updated)
	c.JSON(http.StatusOK, imp)
}

// upload reads the multipart file within the size limit.
func (s *Server) upload(c *gin.Context) (string, []byte, error) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxUploadBytes+1<<20)
	fh, err := c.FormFile("file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || err == nil && fh.Size > s.cfg.MaxUploadBytes:
		return "", nil, models.Errorf(models.ETOOLARGE, "文件超过 %d MB 的上传上限，请拆分后再上传", s.cfg.MaxUploadBytes>>20)
	case err != nil:
		return "", nil, models.Errorf(models.EINVALID, "请用 multipart/form-data 上传，文件字段名为 file")
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, s.cfg.MaxUploadBytes+1))
	if err != nil {
		return "", nil, err
	}
	return cleanFileName(fh.Filename), data, nil
}

// cleanFileName keeps the base name of an upload, for display only: it is
// never used as a path.
func cleanFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	for utf8.RuneCountInString(name) > 120 {
		_, size := utf8.DecodeLastRuneInString(strings.TrimSuffix(name, filepath.Ext(name)))
		name = name[:len(strings.TrimSuffix(name, filepath.Ext(name)))-size] + filepath.Ext(name)
	}
	if name == "." || name == "/" || name == "" {
		return "未命名文件"
	}
	return name
}

// readLedger runs the importer with the store's units and, for a district
// uploader, that uploader's unit.
func (s *Server) readLedger(c *gin.Context, name string, data []byte, period string, u models.User) (*importer.Ledger, error) {
	opts := importer.Options{FileName: name}
	if period != "" {
		m, err := models.ParseMonth(period)
		if err != nil {
			return nil, err
		}
		opts.Period = m
	}
	units, err := s.store.Units(c)
	if err != nil {
		return nil, err
	}
	opts.Units = units
	if u.Role == models.RoleUploader {
		opts.District = u.District
	}
	return readWithin(s.cfg.ReadTimeout, name, func() (*importer.Ledger, error) { return importer.Read(data, opts) })
}

// readWithin runs read, giving up after d: the request answers then, and
// the reading, bounded by the importer's limits, ends on its own.
func readWithin(d time.Duration, name string, read func() (*importer.Ledger, error)) (*importer.Ledger, error) {
	type result struct {
		ledger *importer.Ledger
		err    error
	}
	done := make(chan result, 1)
	go func() {
		l, err := read()
		done <- result{l, err}
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.ledger, r.err
	case <-timer.C:
		return nil, models.Errorf(models.EUNPROCESSABLE, "文件“%s”读取超过%d秒仍未完成，请拆分成较小的文件后再上传", name, int(d.Seconds()))
	}
}

func (s *Server) listImports(c *gin.Context) {
	f := store.ImportFilter{District: c.Query("district"), Limit: 200}
	if p := c.Query("period"); p != "" {
		m, err := models.ParseMonth(p)
		if err != nil {
			s.fail(c, err)
			return
		}
		f.Period = m
	}
	imps, err := s.store.Imports(c, f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": imps})
}

func (s *Server) getImport(c *gin.Context) {
	imp, err := s.importParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, imp)
}

// commitImport applies a previewed import, reading its kept file again.
func (s *Server) commitImport(c *gin.Context) {
	start := time.Now()
	imp, err := s.importParam(c)
	if err == nil {
		err = s.mayChange(c, imp)
	}
	var data []byte
	if err == nil {
		_, data, err = s.store.ImportFile(c, imp.ID)
	}
	var ledger *importer.Ledger
	if err == nil {
		ledger, err = s.readLedger(c, imp.FileName, data, imp.Period.String(), currentUser(c))
	}
	if err == nil {
		imp, err = s.store.CommitImport(c, imp.ID, ledger, currentUser(c))
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.metrics.importDone(imp, time.Since(start))
	s.log.Info("import committed", "id", imp.ID, "user", currentUser(c).Name, "status", imp.Status, "rows", imp.RowsTotal,
		"applied", imp.RowsImported, "created", imp.Created, "updated", imp.Updated)
	c.JSON(http.StatusOK, imp)
}

func (s *Server) revertImport(c *gin.Context) {
	imp, err := s.importParam(c)
	if err == nil {
		err = s.mayChange(c, imp)
	}
	if err == nil {
		imp, err = s.store.RevertImport(c, imp.ID, currentUser(c))
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.log.Info("import reverted", "id", imp.ID, "user", currentUser(c).Name)
	c.JSON(http.StatusOK, imp)
}

// mayChange allows admins any import and uploaders the imports they sent
// that touch only their own unit.
func (s *Server) mayChange(c *gin.Context, imp *store.Import) error {
	u := currentUser(c)
	if u.IsAdmin() {
		return nil
	}
	denied := models.Errorf(models.EFORBIDDEN, "您只能提交或撤销本单位（%s）自己上传的导入", u.District)
	if u.Role != models.RoleUploader || imp.User != u.Name {
		return denied
	}
	for _, d := range imp.Districts {
		if !u.CanWriteDistrict(d) {
			return denied
		}
	}
	return nil
}

func (s *Server) importFile(c *gin.Context) {
	id, err := idParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	name, data, err := s.store.ImportFile(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	attachment(c, name, "application/octet-stream", data)
}

func (s *Server) importParam(c *gin.Context) (*store.Import, error) {
	id, err := idParam(c)
	if err != nil {
		return nil, err
	}
	return s.store.Import(c, id)
}

func idParam(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, models.Errorf(models.EINVALID, "导入编号“%s”无效", c.Param("id"))
	}
	return id, nil
}

// submissions lists which units have sent a ledger for a month.
func (s *Server) submissions(c *gin.Context) {
	m, err := s.asOfMonth(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	subs, err := s.store.Submissions(c, m)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"year": m.Year(), "month": m.Num(), "items": subs})
}
