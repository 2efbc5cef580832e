package models

import (
	"sort"
	"strings"
	"unicode"
)

// ProjectQuery is the 项目库's selection from a year's list as of a month:
// the search words and every filter, and the order. The page, its export
// and the API's export select with it, so an export holds exactly the
// rows its page shows, in the same order.
type ProjectQuery struct {
	Words    []string // SearchWords: every word in the code, name, 所属单位 or 责任单位
	District string   // a reporting unit's name
	Nature   Nature
	Category string
	Light    Light  // the worse of the two lights (ProjectStatus.WorseLight)
	Status   string // a key of ProjectStatusFilters; "" for all
	Sort     string // a key of ProjectSorts; "" for the first (项目代码)
	Desc     bool
}

// ProjectLine is one project of a selection with its standing as of the
// month.
type ProjectLine struct {
	P      *Project
	Status ProjectStatus
	Light  Light // Status.WorseLight()
}

// ProjectStatusFilters are the status filters of the 项目库 by key.
var ProjectStatusFilters = map[string]string{
	"overdue": "未按计划开工", "lagging": "滞后项目（黄灯或红灯）", "early": "提前开工", "unreported": "本月未报送",
}

// ProjectSort is one order of the 项目库: a column, ascending; ties in
// code order.
type ProjectSort struct {
	Key, Label string
	less       func(a, b *ProjectLine) bool
}

// ProjectSorts are the 项目库's sortable columns in table order; the first
// is the default.
var ProjectSorts = []ProjectSort{
	{"code", "项目代码", func(a, b *ProjectLine) bool { return false }},
	{"name", "项目名称", func(a, b *ProjectLine) bool { return a.P.Name < b.P.Name }},
	{"district", "所属单位", func(a, b *ProjectLine) bool { return a.P.District < b.P.District }},
	{"total", "总投资", func(a, b *ProjectLine) bool { return a.P.TotalInvestment < b.P.TotalInvestment }},
	{"plan", "年度计划", func(a, b *ProjectLine) bool { return a.P.AnnualPlan < b.P.AnnualPlan }},
	{"completed", "累计完成", func(a, b *ProjectLine) bool { return a.Status.Completed < b.Status.Completed }},
	{"rate", "完成率", func(a, b *ProjectLine) bool { return a.Status.Rate < b.Status.Rate }},
}

// ValidProjectSort reports whether key names one of ProjectSorts ("" is
// the default).
func ValidProjectSort(key string) bool {
	for _, s := range ProjectSorts {
		if s.Key == key {
			return true
		}
	}
	return key == ""
}

// SearchWords splits a search text at spaces (full-width ones too) into
// its words; a project matches when it holds every word.
func SearchWords(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == ',' || r == '，'
	})
}

// MatchesWords reports whether p holds every word in its code, name,
// 所属单位 or 责任单位, ignoring case (a code's word normalised as codes
// are, NormalizeCode).
func MatchesWords(p *Project, words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(w)
		code := NormalizeCode(w)
		if !(code != "" && strings.Contains(strings.ToLower(p.Code), strings.ToLower(code)) ||
			strings.Contains(strings.ToLower(p.Name), lw) || strings.Contains(strings.ToLower(p.District), lw) ||
			strings.Contains(strings.ToLower(p.Unit), lw)) {
			return false
		}
	}
	return true
}

// WorseLight is the worse of the two lights: 红 before 黄, else 绿.
func (s ProjectStatus) WorseLight() Light {
	for _, l := range []Light{LightRed, LightYellow} {
		if s.InvestmentLight == l || s.StartLight == l {
			return l
		}
	}
	return LightGreen
}

// HasStatus reports whether a project with standing s passes the status
// filter key (a key of ProjectStatusFilters; "" passes all).
func (s ProjectStatus) HasStatus(key string) bool {
	switch key {
	case "overdue":
		return s.Start.Overdue()
	case "lagging":
		return s.Lagging()
	case "early":
		return s.Start.Early()
	case "unreported":
		return !s.Reported
	}
	return true
}

// Select returns the projects of ps matching q as of m under cfg, in q's
// order.
func (q ProjectQuery) Select(ps []Project, m Month, cfg RateConfig) []ProjectLine {
	var out []ProjectLine
	for i := range ps {
		p := &ps[i]
		if q.District != "" && p.District != q.District || q.Nature != "" && p.Nature != q.Nature ||
			q.Category != "" && p.Category != q.Category || !MatchesWords(p, q.Words) {
			continue
		}
		st := StatusOf(p, m, cfg)
		l := ProjectLine{P: p, Status: st, Light: st.WorseLight()}
		if q.Light != "" && l.Light != q.Light || !st.HasStatus(q.Status) {
			continue
		}
		out = append(out, l)
	}
	q.sort(out)
	return out
}

func (q ProjectQuery) sort(lines []ProjectLine) {
	by := ProjectSorts[0]
	for _, s := range ProjectSorts {
		if s.Key == q.Sort {
			by = s
		}
	}
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := &lines[i], &lines[j]
		if q.Desc {
			a, b = b, a
		}
		if by.less(a, b) {
			return true
		}
		if by.less(b, a) {
			return false
		}
		return a.P.Code < b.P.Code
	})
}

// Projects returns the projects of lines in order, for an export.
func Projects(lines []ProjectLine) []Project {
	out := make([]Project, len(lines))
	for i, l := range lines {
		out[i] = *l.P
	}
	return out
}
