package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// projectQuery is the 项目库 search: every field is a query parameter, so a
// filtered, sorted page is a link that can be bookmarked or sent on. The
// selection itself is models.ProjectQuery, which the export applies too.
type projectQuery struct {
	models.ProjectQuery
	Q     string // the search text as typed
	Page  int
	Month models.Month
}

type projectsView struct {
	Query projectQuery
	Lines []models.ProjectLine
	Total int
	pager
	Units      []models.Unit
	Categories []string
	Years      []int
	Months     []int
	Sorts      []sortLink
	Statuses   map[string]string
	ExportURL  string // the list as a workbook, when the server offers it
}

type sortLink struct {
	Key, Label, URL, Arrow string
}

const perPage = 50

func (s *Server) projectsPage(c *gin.Context) {
	m, err := s.AsOfMonth(c)
	if err != nil {
		s.listFail(c, err, "项目库", "projects")
		return
	}
	q, err := s.parseProjectQuery(c, m)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	ps, err := s.Store.PortfolioAsOf(c, m)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	v := &projectsView{Query: q, Months: monthNumbers(), Statuses: models.ProjectStatusFilters}
	if s.downloads.Projects != nil {
		v.ExportURL = q.exportURL()
	}
	lines := q.Select(ps, m, s.Rates)
	v.Total = len(lines)
	v.paginate(lines)
	v.sortLinks()
	if v.Units, err = s.Store.Units(c); err == nil {
		v.Categories, err = s.Store.Categories(c)
	}
	if err == nil {
		v.Years, err = s.Store.Years(c)
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	s.render(c, http.StatusOK, "projects", view{Title: "项目库", Nav: "projects", Data: v})
}

func (s *Server) parseProjectQuery(c *gin.Context, m models.Month) (projectQuery, error) {
	sel, err := s.ProjectQuery(c)
	q := projectQuery{ProjectQuery: sel, Q: strings.TrimSpace(c.Query("q")), Month: m}
	q.Page, _ = strconv.Atoi(c.Query("page"))
	if q.Page < 1 {
		q.Page = 1
	}
	return q, err
}

func (v *projectsView) paginate(lines []models.ProjectLine) {
	var from, to int
	v.pager, v.Query.Page, from, to = paged(v.Query.Page, len(lines), func(k int) string { return v.Query.url("page", strconv.Itoa(k)) })
	v.Lines = lines[from:to]
}

func (v *projectsView) sortLinks() {
	for i, s := range models.ProjectSorts {
		l := sortLink{Key: s.Key, Label: s.Label}
		current := v.Query.Sort == s.Key || v.Query.Sort == "" && i == 0
		desc := "0"
		if current && !v.Query.Desc {
			desc, l.Arrow = "1", "▲"
		} else if current {
			l.Arrow = "▼"
		}
		q := v.Query
		q.Sort, q.Desc, q.Page = s.Key, desc == "1", 1
		l.URL = q.url("", "")
		v.Sorts = append(v.Sorts, l)
	}
}

// url is the list's address with q's filters and one parameter replaced.
func (q projectQuery) url(key, value string) string {
	vals := q.values()
	if q.Page > 1 {
		vals.Set("page", strconv.Itoa(q.Page))
	}
	if key != "" {
		vals.Set(key, value)
	}
	return "/projects?" + vals.Encode()
}

// values are q's search, filters, order and month as query parameters.
func (q projectQuery) values() url.Values {
	vals := url.Values{}
	set := func(k, v string) {
		if v != "" {
			vals.Set(k, v)
		}
	}
	set("q", q.Q)
	set("district", q.District)
	set("nature", string(q.Nature))
	set("category", q.Category)
	set("light", string(q.Light))
	set("status", q.Status)
	set("sort", q.Sort)
	if q.Desc {
		vals.Set("desc", "1")
	}
	vals.Set("year", strconv.Itoa(q.Month.Year()))
	vals.Set("month", strconv.Itoa(q.Month.Num()))
	return vals
}

// exportURL is the workbook of the list with every filter, the search and
// the order of the page (all its pages).
func (q projectQuery) exportURL() string { return "/projects.xlsx?" + q.values().Encode() }
