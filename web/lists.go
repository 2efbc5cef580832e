package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// listView is 年度清单: the year's list as it stands in the chosen month,
// its changes during the year, and the form to change it (admins).
type listView struct {
	Year     int
	Month    models.Month
	Years    []int
	Items    []models.ListItem
	OnList   int // at Month
	Prepare  int // 准备类 not yet 实施类 at Month
	Changes  []models.ListChange
	Names    map[string]string
	Units    map[string]string // each project's unit, for who may open a change's record
	Actions  []models.ListAction
	Months   []models.Month
	CanEdit  bool
	Error    string
	Form     map[string]string
	Filtered string // "" all, "on", "off", "prepare"
	// Items holds one page (perPage, as 项目库) of the Shown projects the
	// filter keeps; pager links the others.
	Shown int
	pager
}

// NextYear is the year a rollover of this list starts.
func (v *listView) NextYear() int { return v.Year + 1 }

// url is page k of the list as filtered.
func (v *listView) url(k int) string {
	q := url.Values{"year": {strconv.Itoa(v.Year)}, "month": {strconv.Itoa(v.Month.Num())}, "page": {strconv.Itoa(k)}}
	if v.Filtered != "" {
		q.Set("show", v.Filtered)
	}
	return "/lists?" + q.Encode()
}

func (s *Server) listPage(c *gin.Context) {
	s.renderList(c, http.StatusOK, "", nil)
}

// renderList shows the list page, with an error and the form as filled in
// after a refused change.
func (s *Server) renderList(c *gin.Context, status int, errMsg string, form map[string]string) {
	m, err := s.AsOfMonth(c)
	if err != nil {
		s.listFail(c, err, "年度清单", "lists")
		return
	}
	v := &listView{Year: m.Year(), Month: m, CanEdit: httpx.CurrentUser(c).IsAdmin(), Error: errMsg, Form: form,
		Actions: []models.ListAction{models.ListAdd, models.ListRemove, models.ListImplement}, Filtered: c.Query("show")}
	for n := 1; n <= 12; n++ {
		v.Months = append(v.Months, models.MonthOf(m.Year(), n))
	}
	if err = s.fillList(c, v); err != nil {
		s.FailPage(c, err)
		return
	}
	page, _ := strconv.Atoi(c.Query("page"))
	var from, to int
	v.pager, _, from, to = paged(page, len(v.Items), v.url)
	v.Shown, v.Items = len(v.Items), v.Items[from:to]
	s.render(c, status, "lists", view{Title: fmt.Sprintf("%d年清单", m.Year()), Nav: "lists", Data: v})
}

func (s *Server) fillList(c *gin.Context, v *listView) error {
	ps, err := s.Store.Portfolio(c, v.Year)
	if err != nil {
		return err
	}
	if v.Changes, err = s.Store.ListChanges(c, v.Year, ""); err != nil {
		return err
	}
	if v.Years, err = s.Store.Years(c); err != nil {
		return err
	}
	v.Names, v.Units = map[string]string{}, map[string]string{}
	for i := range ps {
		p := &ps[i]
		v.Names[p.Code], v.Units[p.Code] = p.Name, p.District
		on, counts := p.OnListAt(v.Month), p.CountsAt(v.Month)
		v.OnList += b2i(on)
		v.Prepare += b2i(on && !counts)
		if keepItem(v.Filtered, on, counts) {
			v.Items = append(v.Items, models.ListItemOf(p))
		}
	}
	return nil
}

// keepItem applies the page's filter: all, on the list, off it, 准备类.
func keepItem(filter string, on, counts bool) bool {
	switch filter {
	case "on":
		return on
	case "off":
		return !on
	case "prepare":
		return on && !counts
	}
	return true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// postListChange makes one change of the list from the form; a refused
// change shows the page again with the form as filled in.
func (s *Server) postListChange(c *gin.Context) {
	form := map[string]string{}
	for _, k := range []string{"year", "code", "action", "effective", "reason"} {
		form[k] = strings.TrimSpace(c.PostForm(k))
	}
	m, err := models.ParseMonth(form["effective"])
	var imp *models.Import
	if err == nil {
		action, _ := models.ParseListAction(form["action"])
		ch := models.ListChange{Code: models.NormalizeCode(form["code"]), Action: action, Effective: m, Reason: form["reason"]}
		imp, err = s.Store.ChangeList(c, m.Year(), ch, httpx.CurrentUser(c))
	}
	if err != nil {
		c.Request.URL.RawQuery = "year=" + form["year"]
		s.renderList(c, httpx.Status(err), models.ErrorMessage(err), form)
		return
	}
	s.Log.Info("list changed", "id", imp.ID, "user", httpx.CurrentUser(c).Name, "code", form["code"], "action", form["action"])
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/lists?year=%d&month=%d&ok=list_changed", m.Year(), m.Num()))
}

// acceptAdditionsPage accepts the checked rows of a preview as 增补 and
// shows the preview planned again.
func (s *Server) acceptAdditionsPage(c *gin.Context) {
	id, err := httpx.ImportID(c)
	if err == nil {
		_, err = s.Ledgers.Accept(c, id, httpx.CurrentUser(c), models.ParseCodes(strings.Join(c.PostFormArray("code"), ",")), c.PostForm("reason"))
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, importURL(id, "accepted"))
}

// rolloverPage starts next year's list from this one's and shows its
// preview.
func (s *Server) rolloverPage(c *gin.Context) {
	year, err := strconv.Atoi(c.PostForm("year"))
	var imp *models.Import
	if err != nil {
		err = models.Errorf(models.EINVALID, "请选择要结转的年度")
	} else {
		imp, err = s.Ledgers.Rollover(c, year, httpx.CurrentUser(c))
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, importURL(imp.ID, ""))
}
