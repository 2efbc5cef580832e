package web

import (
	"fmt"
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// projectView is one project's page: its plan and start milestone as of a
// month, the chart of its monthly cumulative investment against the plan,
// and each monthly figure with the import that set it.
type projectView struct {
	P         models.Project
	Month     models.Month
	Status    models.ProjectStatus
	StartText string
	Chart     template.HTML
	Info      []pageField // the registry's fields of the project and its year's list shown in 项目信息
	Notes     []pageField // the month's notes shown in 进度 (ScopeMonth)
	NoteHeads []string    // the monthly history's note columns
	Sources   []sourceRow
	Inputs    []formField         // the edit form's fields
	History   []models.AuditEntry // every change uploads and edits applied to it, newest first
	Pending   []models.Import     // the submitted (待审核) uploads and edits that would change it, not yet in force, that the user may see
	List      []models.ListChange // the changes of its place in the year's list effective by Month
	OnList    bool                // on the list at Month
	Counts    bool                // counted in the rates at Month (not 准备类)
	CanEdit   bool                // the user may correct this unit's figures by hand
	Reviewed  bool                // the user's edit waits for the office's review
	Periods   []models.Month
	Form      editState // the edit form as typed, when it comes back with a message
	// Supervision is the 督办 section: the project's items and the forms.
	Supervision svPanel
}

func (s *Server) projectPage(c *gin.Context) {
	m, err := s.AsOfMonth(c)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	v, err := s.projectData(c, models.NormalizeCode(c.Param("code")), m)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	s.render(c, http.StatusOK, "project", view{Title: v.P.Name, Nav: "projects", Data: v})
}

// projectData gathers one project's page as of month m.
func (s *Server) projectData(c *gin.Context, code string, m models.Month) (projectView, error) {
	p, err := s.Store.Project(c, code, m.Year())
	if err == nil {
		ps := []models.Project{p.AsOf(m)}
		err = s.Store.AttachMonthNotes(c, ps, m)
		p = ps[0]
	}
	if err != nil {
		return projectView{}, err
	}
	v := projectView{P: p, Month: m, Status: models.StatusOf(&p, m, s.Rates), Chart: investmentChart(&p)}
	v.StartText = startText(&p, v.Status.Start, m)
	v.CanEdit = httpx.CurrentUser(c).CanWriteDistrict(p.District)
	v.Reviewed = s.Collection.Reviewed(httpx.CurrentUser(c), models.ImportEdit)
	for n := 1; n <= 12; n++ {
		v.Periods = append(v.Periods, models.MonthOf(m.Year(), n))
	}
	v.Info, v.Notes, v.NoteHeads = pageFields(&p.Facts, models.ScopeProject, models.ScopeYear), pageFields(&p.Facts, models.ScopeMonth), noteHeads()
	v.Inputs = formFields(&p)
	srcs, err := s.Store.InvestmentSources(c, p.Code, m)
	if err != nil {
		return v, err
	}
	v.Sources = sourceRows(srcs)
	v.OnList, v.Counts = p.OnListAt(m), p.CountsAt(m)
	if v.List, err = s.Store.ListChanges(c, m.Year(), p.Code); err != nil {
		return v, err
	}
	v.List = changesBy(v.List, m)
	if v.History, err = s.Store.Audit(c, models.AuditFilter{Code: p.Code, Limit: 300, ImportsOnly: true, Applied: true}); err != nil {
		return v, err
	}
	if v.Pending, err = s.Ledgers.Pending(c, p.Code, httpx.CurrentUser(c)); err != nil {
		return v, err
	}
	v.Supervision, err = s.supervisionPanel(c, &p)
	return v, err
}

// changesBy keeps the list changes effective by month m: the page as of
// m shows the list as it stood then.
func changesBy(cs []models.ListChange, m models.Month) []models.ListChange {
	var out []models.ListChange
	for _, c := range cs {
		if c.Effective <= m {
			out = append(out, c)
		}
	}
	return out
}

// startText says where a project stands against its start milestone as of
// month m, in the office's words.
func startText(p *models.Project, st models.StartStatus, m models.Month) string {
	switch {
	case p.Nature != models.NatureNew:
		return "续建项目，不计入开工率"
	case st.Started && !st.Planned:
		return "提前开工"
	case st.Started && !p.PlannedStart.IsZero() && p.ActualStart > p.PlannedStart:
		return fmt.Sprintf("已开工（比计划晚%d个月）", p.ActualStart.MonthsSince(p.PlannedStart))
	case st.Started:
		return "按期开工"
	case st.Planned:
		return fmt.Sprintf("未按计划开工，已逾期%d个月", st.MonthsOverdue)
	}
	return fmt.Sprintf("尚未到计划开工时间（截至%s）", monthText(m))
}
