package reports

import (
	"fmt"
	"time"

	"tracker/models"
)

// Input is what a report is built from. Month must be a valid month of the
// projects' year (the caller validates it); for a quarterly report it is
// MonthOf(year, 3*Quarter).
type Input struct {
	Projects   []models.Project  // the year's list, each with its Investments for the year
	Month      models.Month      // as-of month (a quarter Q means month 3Q)
	Config     models.RateConfig // thresholds of the lights and the start denominator
	Districts  []string          // unit order (names of models.DefaultUnits or the store's list)
	Categories []string          // category order
	Generated  time.Time         // when the report is made, printed on 总体情况; never time.Now() inside
	Quarter    int               // 1..4, or 0 for a monthly 调度 report
	// Corrections are the 更正 to list: changes made since an earlier
	// quarter of the year was locked to its figures (the store's).
	Corrections []models.Correction
	// Previous and LastYear are the rates 环比 and 同比 compare with (the
	// previous quarter or month, the same month of the year before; see
	// models.Compared), nil when there is none: the columns of a
	// comparison without a base are left out.
	Previous, LastYear *models.Rates
	// Levels is the level order of 分级别 (省重大, 省重点, 市重大: the
	// store's list); CategoryGroups maps a category to its group (产业项目
	// or 城市建设项目) for the split on 分类别; Departments are the units
	// that are city departments (市直部门), whose projects 市直部门 lists by
	// responsible department (Project.Unit).
	Levels         []string
	CategoryGroups map[string]string
	Departments    []string
	// Unsent names the units that have not sent month M's ledger, in unit
	// order (未报送单位); units without a project on the list at M are
	// left out by Build.
	Unsent []string
	// Supervisions are every 督办 item with its steps; a monthly report's
	// 督办事项 holds those of its month as they stood at its end
	// (models.SupervisionsOfMonth). A quarterly report ignores them.
	Supervisions []models.Supervision
}

// Report holds every value of a report, ready to render: the figures of
// models.ComputeRates unchanged, the headline sentences, the group rows with
// ranks and the project lists with their statuses. Rounding to what is shown
// (亿元 2 decimals, rates 0.1%, gaps 0.1 point) happens only when rendering.
type Report struct {
	Year      int
	Month     int // 1..12, the as-of month
	Quarter   int // 1..4, or 0 for a monthly report
	Generated time.Time
	Config    models.RateConfig

	Rates models.Rates // models.ComputeRates for the input, as /api/v1/rates returns it
	// Previous and LastYear are Input's: the bases of 环比 and 同比, nil
	// when there is none.
	Previous, LastYear *models.Rates

	Headline []string // the sentences of 总体情况, in the office's style
	Lagging  LagCounts

	Districts     []GroupRow // one per unit in Input.Districts order, units without projects included
	DistrictTotal GroupRow   // 合计: the overall Figures
	Categories    []GroupRow // one per category in Input.Categories order
	CategoryTotal GroupRow
	// CategorySplit are the 产业项目 and 城市建设项目 rows of 分类别 (and a
	// 未填写 row for categories in neither group, when there are any).
	CategorySplit []GroupRow
	Levels        []GroupRow // 分级别, in Input.Levels order
	Departments   []GroupRow // 市直部门: one row per responsible department
	// DepartmentTotal is 市直部门's 合计: all the departments' projects.
	DepartmentTotal GroupRow
	Unsent          []UnsentRow

	Overdue     []ProjectRow // 未按计划开工: 新开工, planned by M and not started by M
	LaggingRows []ProjectRow // 滞后项目: yellow or red on either axis
	Early       []ProjectRow // 提前开工: actual start ≤ M < planned start
	Details     []ProjectRow // every project of the list
	Corrections []models.Correction
	// Supervisions are 督办事项 (monthly reports): the month's items as they
	// stood at its end, by unit, deadline and number.
	Supervisions []models.Supervision
}

// LagCounts counts 滞后项目 (a yellow or red light on either axis) and each
// axis on its own; a project lagging on both axes counts once in Total.
type LagCounts struct {
	Total      int
	Investment int // investment light yellow or red
	Start      int // start light yellow or red
}

// GroupRow is one row of 分区县, 分类别 and the other group sheets: the
// group's figures and ranks from models.ComputeRates (InvestmentRank and
// StartRank: models.RankGroups, 1 = best, 0 = not ranked) and the same
// group's figures in the periods 环比 and 同比 compare with (nil when that
// period, or the group in it, has none).
type GroupRow struct {
	Name string
	models.GroupFigures
	Previous, LastYear *models.Figures
}

// SincePrevious returns 环比 of the row: its figures against the
// previous period's; false when there is none.
func (g GroupRow) SincePrevious() (models.Comparison, bool) {
	return models.CompareWith(g.Figures, g.Previous)
}

// SinceLastYear returns 同比 of the row: its figures against the same
// period of the year before; false when there is none.
func (g GroupRow) SinceLastYear() (models.Comparison, bool) {
	return models.CompareWith(g.Figures, g.LastYear)
}

// UnsentRow is a unit that has not sent month M's ledger: its projects on
// the list at M and how many of them have no figure for M.
type UnsentRow struct {
	Name       string
	Projects   int
	Unreported int
}

// ProjectRow is one project with its standing as of the report month.
type ProjectRow struct {
	Project *models.Project // points into Input.Projects; never modified
	Status  models.ProjectStatus
}

// FileName returns the quarterly workbook's name, "重大项目季度报告_{Y}Q{Q}.xlsx"
// as the contract says: FileName(2024, 2) is "重大项目季度报告_2024Q2.xlsx".
func FileName(year, quarter int) string {
	return fmt.Sprintf("重大项目季度报告_%dQ%d.xlsx", year, quarter)
}

// MonthlyFileName returns the monthly 调度 workbook's name,
// "重大项目月度调度_{Y}M{MM}.xlsx" with a two-digit month so that the files
// of a year sort in order: MonthlyFileName(2024, 5) is
// "重大项目月度调度_2024M05.xlsx".
func MonthlyFileName(year, month int) string {
	return fmt.Sprintf("重大项目月度调度_%dM%02d.xlsx", year, month)
}

// FileName returns the name the report's workbook should be saved under:
// FileName(year, quarter) for a quarterly report, MonthlyFileName otherwise.
func (r *Report) FileName() string {
	if r.Quarter > 0 {
		return FileName(r.Year, r.Quarter)
	}
	return MonthlyFileName(r.Year, r.Month)
}
