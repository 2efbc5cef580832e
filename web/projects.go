package web

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// projectQuery is the 项目库 search: every field is a query parameter, so a
// filtered, sorted page is a link that can be bookmarked or sent on.
type projectQuery struct {
	Q        string
	District string
	Nature   string
	Category string
	Light    string // 红, 黄 or 绿: the worse of a project's two lights
	Status   string // overdue, lagging, early or unreported
	Sort     string
	Desc     bool
	Page     int
	Month    models.Month
}

// projectLine is one project of the list with its status as of the month.
type projectLine struct {
	P      *models.Project
	Status models.ProjectStatus
	Light  models.Light
}

type projectsView struct {
	Query      projectQuery
	Lines      []projectLine
	Total      int
	Pages      []pageLink
	Units      []models.Unit
	Categories []string
	Years      []int
	Months     []int
	Sorts      []sortLink
	Statuses   map[string]string
	Prev, Next string
	ExportURL  string // the list as a workbook, when the server offers it
}

type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool // pages are left out before this one
}

type sortLink struct {
	Key, Label, URL, Arrow string
}

const perPage = 50

var projectStatuses = map[string]string{
	"overdue": "未按计划开工", "lagging": "滞后项目（黄灯或红灯）", "early": "提前开工", "unreported": "本月未报送",
}

// projectSorts are the sortable columns in table order.
var projectSorts = []struct {
	key, label string
	less       func(a, b *projectLine) bool
}{
	{"code", "项目代码", func(a, b *projectLine) bool { return a.P.Code < b.P.Code }},
	{"name", "项目名称", func(a, b *projectLine) bool { return a.P.Name < b.P.Name }},
	{"district", "所属单位", func(a, b *projectLine) bool { return a.P.District < b.P.District }},
	{"total", "总投资", func(a, b *projectLine) bool { return a.P.TotalInvestment < b.P.TotalInvestment }},
	{"plan", "年度计划", func(a, b *projectLine) bool { return a.P.AnnualPlan < b.P.AnnualPlan }},
	{"completed", "累计完成", func(a, b *projectLine) bool { return a.Status.Completed < b.Status.Completed }},
	{"rate", "完成率", func(a, b *projectLine) bool { return a.Status.Rate < b.Status.Rate }},
}

func (s *Server) projectsPage(c *gin.Context) {
	m, err := s.AsOfMonth(c)
	if err != nil {
		s.listFail(c, err, "项目库", "projects")
		return
	}
	q := parseProjectQuery(c, m)
	ps, err := s.Store.PortfolioAsOf(c, m)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	v := &projectsView{Query: q, Months: monthNumbers(), Statuses: projectStatuses}
	if s.downloads.Projects != nil {
		v.ExportURL = q.exportURL()
	}
	lines := s.filterProjects(ps, q)
	sortLines(lines, q.Sort, q.Desc)
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

func parseProjectQuery(c *gin.Context, m models.Month) projectQuery {
	q := projectQuery{Q: strings.TrimSpace(c.Query("q")), District: c.Query("district"), Nature: c.Query("nature"),
		Category: c.Query("category"), Light: c.Query("light"), Status: c.Query("status"), Sort: c.Query("sort"),
		Desc: c.Query("desc") == "1", Month: m}
	q.Page, _ = strconv.Atoi(c.Query("page"))
	if q.Page < 1 {
		q.Page = 1
	}
	return q
}

// filterProjects keeps the projects matching every filter of q.
func (s *Server) filterProjects(ps []models.Project, q projectQuery) []projectLine {
	name, code := models.NormalizeName(q.Q), models.NormalizeCode(q.Q)
	var out []projectLine
	for i := range ps {
		p := &ps[i]
		st := models.StatusOf(p, q.Month, s.Rates)
		l := projectLine{P: p, Status: st, Light: worseLight(st)}
		switch {
		case q.Q != "" && !strings.Contains(p.Name, name) && !strings.Contains(p.Code, code),
			q.District != "" && p.District != q.District,
			q.Nature != "" && string(p.Nature) != q.Nature,
			q.Category != "" && p.Category != q.Category,
			q.Light != "" && string(l.Light) != q.Light,
			!hasStatus(l, q.Status):
			continue
		}
		out = append(out, l)
	}
	return out
}

func hasStatus(l projectLine, status string) bool {
	switch status {
	case "overdue":
		return l.Status.Start.Planned && !l.Status.Start.Started
	case "lagging":
		return l.Status.Lagging()
	case "early":
		return l.Status.Start.Started && !l.Status.Start.Planned
	case "unreported":
		return !l.Status.Reported
	}
	return true
}

func worseLight(st models.ProjectStatus) models.Light {
	for _, l := range []models.Light{models.LightRed, models.LightYellow} {
		if st.InvestmentLight == l || st.StartLight == l {
			return l
		}
	}
	return models.LightGreen
}

func sortLines(lines []projectLine, key string, desc bool) {
	less := projectSorts[0].less
	for _, s := range projectSorts {
		if s.key == key {
			less = s.less
		}
	}
	sort.SliceStable(lines, func(i, j int) bool {
		if desc {
			return less(&lines[j], &lines[i])
		}
		return less(&lines[i], &lines[j])
	})
}

func (v *projectsView) paginate(lines []projectLine) {
	pages := (len(lines) + perPage - 1) / perPage
	if v.Query.Page > pages {
		v.Query.Page = max(pages, 1)
	}
	from := (v.Query.Page - 1) * perPage
	v.Lines = lines[from:min(from+perPage, len(lines))]
	for n := 1; n <= pages; n++ {
		if n == 1 || n == pages || n >= v.Query.Page-3 && n <= v.Query.Page+3 {
			gap := len(v.Pages) > 0 && v.Pages[len(v.Pages)-1].N != n-1
			v.Pages = append(v.Pages, pageLink{N: n, URL: v.Query.url("page", strconv.Itoa(n)), Current: n == v.Query.Page, Gap: gap})
		}
	}
	if v.Query.Page > 1 {
		v.Prev = v.Query.url("page", strconv.Itoa(v.Query.Page-1))
	}
	if v.Query.Page < pages {
		v.Next = v.Query.url("page", strconv.Itoa(v.Query.Page+1))
	}
}

func (v *projectsView) sortLinks() {
	for _, s := range projectSorts {
		l := sortLink{Key: s.key, Label: s.label}
		current := v.Query.Sort == s.key || v.Query.Sort == "" && s.key == "code"
		desc := "0"
		if current && !v.Query.Desc {
			desc, l.Arrow = "1", "▲"
		} else if current {
			l.Arrow = "▼"
		}
		q := v.Query
		q.Sort, q.Desc, q.Page = s.key, desc == "1", 1
		l.URL = q.url("", "")
		v.Sorts = append(v.Sorts, l)
	}
}

// url is the list's address with q's filters and one parameter replaced.
func (q projectQuery) url(key, value string) string {
	vals := url.Values{}
	set := func(k, v string) {
		if v != "" {
			vals.Set(k, v)
		}
	}
	set("q", q.Q)
	set("district", q.District)
	set("nature", q.Nature)
	set("category", q.Category)
	set("light", q.Light)
	set("status", q.Status)
	set("sort", q.Sort)
	if q.Desc {
		vals.Set("desc", "1")
	}
	vals.Set("year", strconv.Itoa(q.Month.Year()))
	vals.Set("month", strconv.Itoa(q.Month.Num()))
	if q.Page > 1 {
		vals.Set("page", strconv.Itoa(q.Page))
	}
	if key != "" {
		vals.Set(key, value)
	}
	return "/projects?" + vals.Encode()
}

// exportURL is the workbook of the list with the filters the export knows
// (unit, nature and search; the light and status filters are page-only).
func (q projectQuery) exportURL() string {
	vals := url.Values{"year": {strconv.Itoa(q.Month.Year())}, "month": {strconv.Itoa(q.Month.Num())}}
	for k, v := range map[string]string{"district": q.District, "nature": q.Nature, "q": q.Q} {
		if v != "" {
			vals.Set(k, v)
		}
	}
	return "/projects.xlsx?" + vals.Encode()
}
