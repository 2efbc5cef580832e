package models

// Category groups: Zibo's lists split their projects into 产业项目 and
// 城市建设项目 (DOMAIN.md, "Categories").
const (
	GroupIndustry = "产业项目"
	GroupUrban    = "城市建设项目"
)

// DefaultCategoryGroups maps each default category to its group; they
// seed the store, where the office can change them (the groups are data,
// like the categories).
func DefaultCategoryGroups() map[string]string {
	return map[string]string{
		"工业": GroupIndustry, "现代服务业": GroupIndustry,
		"能源及基础设施": GroupUrban, "乡村振兴及社会民生": GroupUrban,
	}
}

// Unnamed is the group of projects whose field is blank (no level, no
// responsible department, a category in no group).
const Unnamed = "未填写"

// NamedFigures are the figures of one group of projects by any key (a
// level, a responsible department, a category group), ranked among its
// kind like GroupFigures.
type NamedFigures struct {
	Name string
	GroupFigures
}

// ComputeGroups computes the figures of the projects that count at m,
// grouped by key (a project for which key returns false is left out; a
// blank key is Unnamed), in order and then by name, with named groups
// without projects listed with zeros, and ranks them (RankGroups). Each
// group's figures are exactly what ComputeRates would give for its
// projects alone.
func ComputeGroups(projects []Project, m Month, cfg RateConfig, key func(*Project) (string, bool), order []string) []NamedFigures {
	by := map[string]*Figures{}
	for i := range projects {
		p := &projects[i]
		k, ok := key(p)
		if !ok || !p.CountsAt(m) {
			continue
		}
		if k == "" {
			k = Unnamed
		}
		group(by, k).add(figuresOf(p, m, cfg))
	}
	var names []string
	gs := groups(by, order, m.Num(), func(g *GroupFigures, k string) { names = append(names, k) })
	RankGroups(gs)
	out := make([]NamedFigures, len(gs))
	for i, g := range gs {
		out[i] = NamedFigures{Name: names[i], GroupFigures: g}
	}
	return out
}
