package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/importer"
	"tracker/models"
	"tracker/models/store"
)

// template sends the ledger template.
func (s *Server) template(c *gin.Context) {
	data, err := importer.Template("v1")
	if err != nil {
		s.fail(c, err)
		return
	}
	attachment(c, "重大项目建设情况台账模板.xlsx", xlsxType, data)
}

// problemsWorkbook sends the rows of an import that had problems, in their
// original columns, with a 问题说明 column.
func (s *Server) problemsWorkbook(c *gin.Context) {
	imp, err := s.importParam(c)
	var data []byte
	if err == nil {
		_, data, err = s.store.ImportFile(c, imp.ID)
	}
	if err == nil && imp.Kind == store.KindEdit {
		err = models.Errorf(models.ENOTFOUND, "第%d号记录是手工修改，没有上传文件", imp.ID)
	}
	if err == nil {
		data, err = importer.ProblemsWorkbook(data, importer.Options{FileName: imp.FileName, Period: imp.Period}, imp.Problems)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	attachment(c, "问题清单_"+imp.FileName+".xlsx", xlsxType, data)
}

// editProject applies a hand edit (JSON store.Edit) to one project.
func (s *Server) editProject(c *gin.Context) {
	var e store.Edit
	if err := c.ShouldBindJSON(&e); err != nil {
		s.fail(c, models.Errorf(models.EINVALID, "请求格式不对：需要 JSON，字段如 {\"period\": \"2024-06\", \"completed_ytd_wan\": 1234.5}"))
		return
	}
	imp, err := s.store.EditProject(c, models.NormalizeCode(c.Param("code")), e, currentUser(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, imp)
}

// audit lists the changes of uploads and edits (admins only).
func (s *Server) audit(c *gin.Context) {
	entries, err := s.auditEntries(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": entries})
}

// auditEntries reads the audit filters from the query and runs them.
func (s *Server) auditEntries(c *gin.Context) ([]store.AuditEntry, error) {
	f := store.AuditFilter{Code: models.NormalizeCode(c.Query("code")), User: c.Query("user"), District: c.Query("district")}
	var err error
	if f.From, err = dateParam(c, "from"); err == nil {
		f.To, err = dateParam(c, "to")
	}
	if err == nil {
		f.Limit, err = intParam(c, "limit", 1000, 1, 100000, "条数")
	}
	var entries []store.AuditEntry
	if err == nil {
		entries, err = s.store.Audit(c, f)
	}
	if entries == nil {
		entries = []store.AuditEntry{}
	}
	return entries, err
}

func dateParam(c *gin.Context, name string) (time.Time, error) {
	raw := c.Query(name)
	if raw == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", raw)
	if err != nil {
		return t, models.Errorf(models.EINVALID, "参数 %s 应为日期 YYYY-MM-DD，收到“%s”", name, raw)
	}
	return t, nil
}

type lockRequest struct {
	Year    int `json:"year"`
	Quarter int `json:"quarter"`
}

func (s *Server) listLocks(c *gin.Context) {
	locks, err := s.store.Locks(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": locks})
}

// lockQuarter (POST) locks and unlockQuarter (DELETE) reopens a quarter.
func (s *Server) lockQuarter(c *gin.Context) {
	var req lockRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		s.fail(c, models.Errorf(models.EINVALID, "请求格式不对：需要 JSON {\"year\": 2024, \"quarter\": 2}"))
		return
	}
	var err error
	if c.Request.Method == http.MethodDelete {
		err = s.store.UnlockQuarter(c, req.Year, req.Quarter)
	} else {
		err = s.store.LockQuarter(c, req.Year, req.Quarter, currentUser(c))
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.listLocks(c)
}
