package api

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
	"tracker/reporting"
	"tracker/reports"
)

// QuarterlyReport sends the quarterly workbook (?quarter=Q; a locked
// quarter's as it was sent) or the monthly 调度 workbook (?month=M) as of
// that month.
func (s *Server) QuarterlyReport(c *gin.Context) {
	s.sendReport(c, httpx.XLSXType, s.Reports.Quarterly, s.Reports.Monthly)
}

// QuarterlyNotice sends the 通报 (a .docx) from the same figures: of the
// quarter (?quarter=Q; a locked quarter's as it was sent) or as of the
// month (?month=M).
func (s *Server) QuarterlyNotice(c *gin.Context) {
	s.sendReport(c, httpx.DOCXType, s.Reports.QuarterlyNotice, s.Reports.MonthlyNotice)
}

func (s *Server) sendReport(c *gin.Context, contentType string,
	quarterly func(context.Context, int, int) (reporting.Workbook, error),
	monthly func(context.Context, models.Month) (reporting.Workbook, error)) {
	start := time.Now()
	m, err := s.AsOfMonth(c)
	var wb reporting.Workbook
	switch {
	case err != nil:
	case c.Query("quarter") != "":
		wb, err = quarterly(c, m.Year(), m.Num()/3)
	default:
		wb, err = monthly(c, m)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Metrics.ReportDone(time.Since(start))
	httpx.Attachment(c, wb.FileName, contentType, wb.Data)
}

// ProjectsWorkbook exports the projects the 项目库 shows for the same
// parameters (every filter, the search words and the order; all pages) as
// a workbook that reads back through the importer.
func (s *Server) ProjectsWorkbook(c *gin.Context) {
	f, q, err := s.projectFilter(c)
	var m models.Month
	if err == nil {
		m, err = s.AsOfMonth(c)
	}
	var ps []models.Project
	if err == nil {
		f.Month, f.Query = m, "" // the words as the page matches them (models.MatchesWords)
		ps, err = s.Store.AllProjects(c, f)
	}
	var buf bytes.Buffer
	if err == nil {
		ps = models.Projects(q.Select(ps, m, s.Rates))
		err = reports.ProjectList(&buf, reports.ProjectListInput{Projects: ps, Month: m, Config: s.Rates, Generated: s.Store.Now().In(models.OfficeZone)})
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	httpx.Attachment(c, fmt.Sprintf("重大项目清单_%d.xlsx", m.Year()), httpx.XLSXType, buf.Bytes())
}

// AuditWorkbook exports the audit trail with the same filters as /audit.
func (s *Server) AuditWorkbook(c *gin.Context) {
	entries, err := s.auditEntries(c)
	var buf bytes.Buffer
	if err == nil {
		rows := make([]reports.AuditRow, len(entries))
		for i, e := range entries {
			rows[i] = auditRow(e)
		}
		err = reports.AuditWorkbook(&buf, "重大项目数据修改记录", rows, s.Store.Now().In(models.OfficeZone))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	httpx.Attachment(c, "重大项目修改记录.xlsx", httpx.XLSXType, buf.Bytes())
}

// auditRow is one entry of the trail as the workbook shows it: times on
// the office's clock (models.OfficeZone), as the pages show them, and the
// entry's 修改原因 (models.AuditEntry.Reason); a withdrawn upload names
// who withdrew it under 撤销人.
func auditRow(e models.AuditEntry) reports.AuditRow {
	r := reports.AuditRow{User: e.User, Kind: string(e.Kind), FileName: e.FileName, Status: e.Status.TrailLabel(), Code: e.Code,
		Field: e.Field, Period: e.Period, Old: textOf(e.Old), New: textOf(e.New), Reason: e.Reason, ImportID: e.ImportID, RevertedBy: e.RevertedBy}
	if e.Status == models.StatusWithdrawn {
		r.RevertedBy = e.WithdrawnBy
	}
	if e.At != nil {
		r.At = e.At.In(models.OfficeZone)
	}
	if e.Kind == models.ImportEdit {
		r.FileName = ""
	}
	if e.Kind == models.AuditSupervision {
		r.Status, r.Field = models.SupervisionStatus(textOf(e.New)).Label(), "督办"+e.Action.Label()
		r.Old = models.SupervisionStatus(textOf(e.Old)).Label()
		r.New = r.Status
		if e.Action == models.SuperviseOpen && e.Note != "" {
			r.New += "：" + e.Note // the 督办内容; a later step's words are its 修改原因 (Reason)
		}
	}
	return r
}

// textOf is the text of an optional value, "" for none.
func textOf(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
