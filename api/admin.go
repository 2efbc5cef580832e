package api

import (
	"net/http"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/importer"
	"tracker/models"
)

// Template sends the generic ledger template, or with ?unit=U&period=YYYY-MM
// the unit's pre-filled ledger for that month (unit by name or code).
func (s *Server) Template(c *gin.Context) {
	name, data := "重大项目建设情况台账模板.xlsx", []byte(nil)
	var err error
	if c.Query("unit") == "" && c.Query("period") == "" {
		data, err = importer.Template("v1")
	} else {
		name, data, err = s.unitTemplate(c)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	httpx.Attachment(c, name, httpx.XLSXType, data)
}

// unitTemplate makes the pre-filled ledger ?unit= and ?period= ask for.
func (s *Server) unitTemplate(c *gin.Context) (string, []byte, error) {
	unit, err := s.District(c, "unit")
	if err == nil && unit == "" {
		err = models.Errorf(models.EINVALID, "预填台账需要参数 unit（上报单位的名称或代码）")
	}
	if err != nil {
		return "", nil, err
	}
	m, err := models.ParseMonth(c.Query("period"))
	if err != nil || c.Query("period") == "" {
		return "", nil, models.Errorf(models.EINVALID, "参数 period（报告月份）应为 YYYY-MM，如 2024-06，收到“%s”", c.Query("period"))
	}
	years, err := s.Store.Years(c)
	if err != nil {
		return "", nil, err
	}
	if !slices.Contains(years, m.Year()) {
		return "", nil, models.Errorf(models.ENOTFOUND, "%d年没有项目清单，无法生成预填台账", m.Year())
	}
	ps, err := s.Store.UnitLedger(c, unit, m)
	if err == nil && len(ps) == 0 {
		err = models.Errorf(models.ENOTFOUND, "%s在%d年%d月的清单上没有项目，无法生成预填台账", unit, m.Year(), m.Num())
	}
	if err != nil {
		return "", nil, err
	}
	data, err := importer.UnitTemplate(importer.UnitLedger{Unit: unit, Period: m, Projects: ps})
	return UnitTemplateFileName(unit, m), data, err
}

// UnitTemplateFileName names a unit's pre-filled ledger:
// 预填台账_张店区_2024-06.xlsx.
func UnitTemplateFileName(unit string, m models.Month) string {
	return "预填台账_" + unit + "_" + m.String() + ".xlsx"
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
	imp, err := s.Ledgers.Edit(c, models.NormalizeCode(c.Param("code")), e, httpx.CurrentUser(c))
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
