package web

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
	"tracker/models/store"
)

// svItem is a 督办 item as a page shows it, with the steps the signed-in
// user may take on it (models.MaySupervise and the item's status).
type svItem struct {
	models.Supervision
	CanReply, CanClose, CanReopen bool
	Typed                         string // what the user typed, when the step came back with a message
}

// svPanel is the 督办 section of a project page: its items and, for the
// office, the form to open one, prefilled from the project's latest
// 存在问题/需协调事项, its own unit and a deadline two weeks from today.
type svPanel struct {
	Items   []svItem
	CanOpen bool
	Units   []string
	Open    svOpenForm
	Today   string
}

// svOpenForm is the 交办 form's values.
type svOpenForm struct {
	Unit, Deadline, Description string
}

// svDefaultDays is how far the 交办 form puts the deadline from today.
const svDefaultDays = 14

// supervisionPanel gathers the 督办 section of project p's page.
func (s *Server) supervisionPanel(c *gin.Context, p *models.Project) (svPanel, error) {
	u := httpx.CurrentUser(c)
	panel := svPanel{Today: s.Store.Today(), CanOpen: models.MaySupervise(u, models.SuperviseOpen, p.District)}
	list, err := s.Store.Supervisions(c, models.SupervisionFilter{Code: p.Code})
	if err != nil {
		return panel, err
	}
	panel.Items = svItems(u, list)
	if !panel.CanOpen {
		return panel, nil
	}
	units, err := s.Store.Units(c)
	if err != nil {
		return panel, err
	}
	for _, un := range units {
		panel.Units = append(panel.Units, un.Name)
	}
	today, _ := time.Parse("2006-01-02", panel.Today)
	panel.Open = svOpenForm{Unit: p.District, Deadline: today.AddDate(0, 0, svDefaultDays).Format("2006-01-02"), Description: p.Problems}
	return panel, nil
}

// svItems wraps items with the steps u may take.
func svItems(u models.User, list []models.Supervision) []svItem {
	out := make([]svItem, len(list))
	for i, sv := range list {
		closed := sv.Status == models.SupervisionClosed
		out[i] = svItem{Supervision: sv,
			CanReply:  !closed && models.MaySupervise(u, models.SuperviseReply, sv.Unit),
			CanClose:  !closed && models.MaySupervise(u, models.SuperviseClose, sv.Unit),
			CanReopen: closed && models.MaySupervise(u, models.SuperviseReopen, sv.Unit)}
	}
	return out
}

// postSupervision opens a 督办 item from the project page's form (admins)
// and goes back to the project's 督办 section; a refusal shows the page
// again with the message and the form as typed.
func (s *Server) postSupervision(c *gin.Context) {
	code := models.NormalizeCode(c.PostForm("code"))
	form := svOpenForm{Unit: c.PostForm("unit"), Deadline: c.PostForm("deadline"), Description: c.PostForm("description")}
	sv, err := s.Store.OpenSupervision(c, store.NewSupervision{Code: code, Unit: form.Unit, Deadline: form.Deadline, Description: form.Description}, httpx.CurrentUser(c))
	if err != nil {
		s.projectAgain(c, code, err, func(p *svPanel) { p.Open = form })
		return
	}
	s.Log.Info("supervision opened", "id", sv.ID, "code", sv.Code, "unit", sv.Unit, "user", httpx.CurrentUser(c).Name)
	c.Redirect(http.StatusSeeOther, svBack(sv, "sv_opened"))
}

// superviseStepPage takes a step (回复, 办结, 重新交办) from the project
// page's forms, like postSupervision.
func (s *Server) superviseStepPage(a models.SupervisionAction) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, err := httpx.SupervisionID(c)
		var sv *models.Supervision
		if err == nil {
			sv, err = s.Store.Supervision(c, id)
		}
		if err != nil {
			s.FailPage(c, err)
			return
		}
		text := c.PostForm("text")
		done, err := s.Store.SuperviseStep(c, id, a, text, httpx.CurrentUser(c))
		if err != nil {
			s.projectAgain(c, sv.Code, err, func(p *svPanel) {
				for i := range p.Items {
					if p.Items[i].ID == id {
						p.Items[i].Typed = text
					}
				}
			})
			return
		}
		s.Log.Info("supervision step", "id", id, "action", a, "status", done.Status, "user", httpx.CurrentUser(c).Name)
		c.Redirect(http.StatusSeeOther, svBack(done, "sv_"+string(a)))
	}
}

// svBack is the project page's 督办 item sv, with notice ok.
func svBack(sv *models.Supervision, ok string) string {
	return fmt.Sprintf("/projects/%s?ok=%s#sv-%d", url.PathEscape(sv.Code), ok, sv.ID)
}

// projectAgain shows project code's page again with err's status and
// message, the 督办 section adjusted by keep (the form as typed); an
// unknown project is the error page.
func (s *Server) projectAgain(c *gin.Context, code string, err error, keep func(*svPanel)) {
	m, merr := s.AsOfMonth(c)
	var v projectView
	if merr == nil {
		v, merr = s.projectData(c, code, m)
	}
	if merr != nil {
		s.FailPage(c, err)
		return
	}
	keep(&v.Supervision)
	s.render(c, httpx.Status(err), "project", view{Title: v.P.Name, Nav: "projects", Error: models.ErrorMessage(err), Data: v})
}

// supervisionsView is 督办事项: the items of one view (未办结, 逾期, 已办结
// or 全部) and unit, with the counts of every view.
type supervisionsView struct {
	Show  string // pending (default), overdue, closed, all
	Shows [][2]string
	Unit  string
	Units []string
	Items []svItem // the page's (perPage a page, as 项目库)
	Shown int      // how many the view has on all pages
	pager
	Today    string
	Open     int // 待回复
	Replied  int // 已回复
	Overdue  int
	Closed   int
	Everyone int
}

// svShows are the views of 督办事项 with their names.
var svShows = [][2]string{{"pending", "未办结"}, {"overdue", "逾期"}, {"closed", "已办结"}, {"all", "全部"}}

func (s *Server) supervisionsPage(c *gin.Context) {
	v := supervisionsView{Show: strings.TrimSpace(c.Query("show")), Shows: svShows, Today: s.Store.Today()}
	if v.Show == "" {
		v.Show = "pending"
	}
	var err error
	if !validShow(v.Show) {
		err = models.Errorf(models.EINVALID, "参数 show 应为 pending（未办结）、overdue（逾期）、closed（已办结）或 all（全部）")
	}
	if err == nil {
		v.Unit, err = s.District(c, "unit")
	}
	var all []models.Supervision
	if err == nil {
		all, err = s.Store.Supervisions(c, models.SupervisionFilter{Unit: v.Unit})
	}
	var units []models.Unit
	if err == nil {
		units, err = s.Store.Units(c)
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	for _, u := range units {
		v.Units = append(v.Units, u.Name)
	}
	v.count(all)
	shown := showOnly(all, v.Show)
	page, _ := strconv.Atoi(c.Query("page"))
	var from, to int
	v.pager, _, from, to = paged(page, len(shown), v.url)
	v.Shown, v.Items = len(shown), svItems(httpx.CurrentUser(c), shown[from:to])
	s.render(c, http.StatusOK, "supervisions", view{Title: "督办事项", Nav: "supervisions", Data: v})
}

// url is page k of the view's list.
func (v *supervisionsView) url(k int) string {
	q := url.Values{"show": {v.Show}, "page": {strconv.Itoa(k)}}
	if v.Unit != "" {
		q.Set("unit", v.Unit)
	}
	return "/supervisions?" + q.Encode()
}

func validShow(show string) bool {
	for _, s := range svShows {
		if s[0] == show {
			return true
		}
	}
	return false
}

// count counts the items of each view.
func (v *supervisionsView) count(all []models.Supervision) {
	v.Everyone = len(all)
	for _, sv := range all {
		switch sv.Status {
		case models.SupervisionOpen:
			v.Open++
		case models.SupervisionReplied:
			v.Replied++
		case models.SupervisionClosed:
			v.Closed++
		}
		if sv.Overdue {
			v.Overdue++
		}
	}
}

// showOnly keeps the items of a view.
func showOnly(all []models.Supervision, show string) []models.Supervision {
	var out []models.Supervision
	for _, sv := range all {
		closed := sv.Status == models.SupervisionClosed
		if show == "all" || show == "pending" && !closed || show == "overdue" && sv.Overdue || show == "closed" && closed {
			out = append(out, sv)
		}
	}
	return out
}

// svSummary is the dashboard's 督办 panel as of its month: the items not
// closed, those overdue among them, and the first svPanelRows of the
// overdue (the earliest deadlines; 督办事项 has them all).
type svSummary struct {
	Pending  int
	Overdue  int
	Earliest []models.Supervision
	// AsOf says when the panel stands, "截至2024年7月底" for June's once
	// July is over; "" while it is not (the items as they are now).
	AsOf string
}

// svPanelRows is how many overdue items the dashboard lists.
const svPanelRows = 10

// supervisionSummary gathers the dashboard's 督办 panel of month m: the
// items as they stood at the end of m's collection (the month after m,
// when m's ledger comes in and its problems are taken up; July's items
// show on June's dashboard), or as they are now while it runs, by
// models.SupervisionsOfMonth; so an item opened later never changes m's
// dashboard.
func (s *Server) supervisionSummary(c *gin.Context, m models.Month) (svSummary, error) {
	all, err := s.Store.Supervisions(c, models.SupervisionFilter{})
	var sum svSummary
	var overdue []models.Supervision
	now, cycle := s.Store.Now(), collectionMonth(m)
	for _, sv := range models.SupervisionsOfMonth(all, cycle, now) {
		if sv.Status == models.SupervisionClosed {
			continue
		}
		sum.Pending++
		if sv.Overdue {
			overdue = append(overdue, sv)
		}
	}
	sort.SliceStable(overdue, func(i, j int) bool {
		a, b := overdue[i], overdue[j]
		return a.Deadline < b.Deadline || a.Deadline == b.Deadline && a.ID < b.ID
	})
	sum.Overdue, sum.Earliest = len(overdue), overdue[:min(len(overdue), svPanelRows)]
	if now.After(models.MonthEnd(cycle)) {
		sum.AsOf = fmt.Sprintf("截至%d年%d月底", cycle.Year(), cycle.Num())
	}
	return sum, err
}

// collectionMonth is the month in which month m's ledger is collected:
// the next one.
func collectionMonth(m models.Month) models.Month {
	if m.Num() == 12 {
		return models.MonthOf(m.Year()+1, 1)
	}
	return models.MonthOf(m.Year(), m.Num()+1)
}
