package reports

import (
	"fmt"
	"slices"

	"tracker/models"
)

// subsets fills the group rows besides the units and categories: the
// 产业项目/城市建设项目 split, the levels, the city departments by
// responsible department, and the units that have not sent their ledger.
// Each row's figures are models.ComputeGroups of its projects, so they add
// up to the overall figures like the unit rows do.
func (r *Report) subsets(in Input) {
	m, cfg := in.Month, in.Config
	split := models.ComputeGroups(in.Projects, m, cfg, func(p *models.Project) (string, bool) {
		return in.CategoryGroups[p.Category], true
	}, []string{models.GroupIndustry, models.GroupUrban})
	for _, g := range split {
		if g.Projects > 0 || g.Name != models.Unnamed {
			g.InvestmentRank, g.StartRank = 0, 0 // subtotals of the ranked categories, not ranked themselves
			r.CategorySplit = append(r.CategorySplit, GroupRow{Name: g.Name, GroupFigures: g.GroupFigures})
		}
	}
	r.Levels = namedRows(models.ComputeGroups(in.Projects, m, cfg, func(p *models.Project) (string, bool) { return p.Level, true }, in.Levels))
	isDept := func(p *models.Project) bool { return slices.Contains(in.Departments, p.District) }
	r.Departments = namedRows(models.ComputeGroups(in.Projects, m, cfg, func(p *models.Project) (string, bool) { return p.Unit, isDept(p) }, nil))
	total := models.ComputeGroups(in.Projects, m, cfg, func(p *models.Project) (string, bool) { return "合计", isDept(p) }, []string{"合计"})[0]
	total.InvestmentRank, total.StartRank = 0, 0
	r.DepartmentTotal = GroupRow{Name: "合计", GroupFigures: total.GroupFigures}
	for _, name := range in.Unsent {
		if f := r.Rates.District(name); f != nil && f.Projects > 0 {
			r.Unsent = append(r.Unsent, UnsentRow{Name: name, Projects: f.Projects, Unreported: f.Unreported})
		}
	}
}

func namedRows(gs []models.NamedFigures) []GroupRow {
	rows := make([]GroupRow, len(gs))
	for i, g := range gs {
		rows[i] = GroupRow{Name: g.Name, GroupFigures: g.GroupFigures}
	}
	return rows
}

// levelTable is 分级别: one row per project level (省重大, 省重点, 市重大).
func (r *Report) levelTable() *table {
	t := r.groupTable(sheetLevels, "级别", "重大项目分级别推进情况", r.Levels, nil, r.DistrictTotal, false)
	t.notes = append(t.notes, "注：级别为项目清单中的项目级别；未填写级别的项目列为“"+models.Unnamed+"”。")
	return t
}

// departmentTable is 市直部门: the projects of the city departments, one
// row per responsible department (责任单位), not one lumped row; its 合计
// is theirs alone.
func (r *Report) departmentTable() *table {
	t := r.groupTable(sheetDepts, "责任部门", "市直部门重大项目推进情况", r.Departments, nil, r.DepartmentTotal, false)
	t.notes = append(t.notes, "注：市直部门负责的项目按责任单位（主管部门）分列，合计为市直部门全部项目；排名在市直部门之间。")
	return t
}

// unsentTable is 未报送单位: the units with projects on the list that have
// not sent month M's ledger.
func (r *Report) unsentTable() *table {
	type unsent = col[UnsentRow]
	t := &table{
		sheet: sheetUnsent, title: r.Period() + "未报送台账的单位", n: len(r.Unsent),
		unit: fmt.Sprintf("截至编制时未报送%d年%d月台账的单位", r.Year, r.Month),
		cols: append([]column{seqColumn()}, bind(rowsOf(r.Unsent),
			unsent{"单位", kCenter, func(u *UnsentRow) any { return u.Name }},
			unsent{"清单项目数（个）", kInt, func(u *UnsentRow) any { return u.Projects }},
			unsent{fmt.Sprintf("%d月无数据的项目（个）", r.Month), kInt, func(u *UnsentRow) any { return u.Unreported }},
		)...),
		notes: []string{"注：报送指该单位本月的台账已导入系统；未报送单位的项目沿用此前最近一次报送的累计完成投资。清单中没有项目的单位不列入。"},
	}
	return t
}
