package api

import (
	"net/http"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/importer"
	"tracker/models"
)

// Template sends the ledger template.
func (s *Server) Template(c *gin.Context) {
	data, err := importer.Template("v1")
	if err != nil {
		s.Fail(c, err)
		return
	}
	httpx.Attachment(c, "重大项目建设情况台账模板.xlsx", httpx.XLSXType, data)
}

// ProblemsWorkbook sends the rows of an import that had problems, in their
// original columns, with a 问题说明 column.
func (s *Server) ProblemsWorkbook(c *gin.Context) {
	imp, err := s.Import(c)
	var data []byte
	if err == nil {
		_, data, err = s.Store.ImportFile(c, imp.ID)
	}
	if err == nil && imp.Kind == models.ImportEdit {
		err = models.Errorf(models.ENOTFOUND, "第%d号记录是手工修改，没有上传文件", imp.ID)
	}
	if err == nil {
		data, err = importer.ProblemsWorkbook(data, importer.Options{FileName: imp.FileName, Period: imp.Period}, imp.Problems)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	httpx.Attachment(c, ProblemsFileName(imp.FileName), httpx.XLSXType, data)
}

// ProblemsFileName names an upload's problems workbook: 问题清单_ and the
// upload's name without its extension, as .xlsx (台账.csv → 问题清单_台账.xlsx).
func ProblemsFileName(upload string) string {
	return "问题清单_" + strings.TrimSuffix(upload, filepath.Ext(upload)) + ".xlsx"
}

// editProject applies a hand edit (JSON models.Edit) to one project.
func (s *Server) editProject(c *gin.Context) {
	var e models.Edit
	if err := c.ShouldBindJSON(&e); err != nil {
		if models.ErrorCode(err) != models.EINVALID {
			err = models.Errorf(models.EINVALID, "请求格式不对：需要 JSON，字段如 {\"period\": \"2024-06\", \"completed_ytd_wan\": 1234.5}")
		}
		s.Fail(c, err)
		return
	}
	imp, err := s.Store.EditProject(c, models.NormalizeCode(c.Param("code")), e, httpx.CurrentUser(c))
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, imp)
}

// audit lists the changes of uploads and edits (admins only).
func (s *Server) audit(c *gin.Context) {
	entries, err := s.auditEntries(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": entries})
}

// auditEntries reads the audit filters from the query and runs them.
func (s *Server) auditEntries(c *gin.Context) ([]models.AuditEntry, error) {
	f := models.AuditFilter{Code: models.NormalizeCode(c.Query("code")), User: c.Query("user")}
	var err error
	if f.District, err = s.District(c, "district"); err != nil {
		return nil, err
	}
	if f.From, err = httpx.DateParam(c, "from"); err == nil {
		f.To, err = httpx.DateParam(c, "to")
	}
	if err == nil {
		f.Limit, err = httpx.IntParam(c, "limit", 1000, 1, 100000, "条数")
	}
	var entries []models.AuditEntry
	if err == nil {
		entries, err = s.Store.Audit(c, f)
	}
	if entries == nil {
		entries = []models.AuditEntry{}
	}
	return entries, err
}

type lockRequest struct {
	Year    int `json:"year"`
	Quarter int `json:"quarter"`
}

func (s *Server) listLocks(c *gin.Context) {
	locks, err := s.Store.Locks(c)
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": locks})
}

// lockQuarter (POST) locks and unlockQuarter (DELETE) reopens a quarter.
func (s *Server) lockQuarter(c *gin.Context) {
	var req lockRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		s.Fail(c, models.Errorf(models.EINVALID, "请求格式不对：需要 JSON {\"year\": 2024, \"quarter\": 2}"))
		return
	}
	var err error
	if c.Request.Method == http.MethodDelete {
		err = s.Store.UnlockQuarter(c, req.Year, req.Quarter)
	} else {
		err = s.Reports.Lock(c, req.Year, req.Quarter, httpx.CurrentUser(c))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.listLocks(c)
}
