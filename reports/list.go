package reports

import (
	"fmt"
	"io"
	"time"

	"tracker/models"
)

// sheetProjectList is the one sheet of ProjectList.
const sheetProjectList = "项目清单"

// ProjectListInput is what ProjectList exports.
type ProjectListInput struct {
	Title     string            // row 1, e.g. "2024年市重大项目清单"; "" gives "{Y}年重大项目清单"
	Projects  []models.Project  // exported in this order, each with its Investments for the year
	Month     models.Month      // as-of month: 1-M月累计完成投资 and the lights
	Config    models.RateConfig // thresholds of the lights
	Generated time.Time         // when the list is made; never time.Now() inside
}

// ProjectList writes the projects as a workbook of one sheet, 项目清单, in
// the house table style (title, 单位 line, frozen header with an
// autofilter, A4 landscape): 序号, the project's fields under the headers
// the importer reads (项目代码, 项目名称, 所属区县, 责任单位, 建设性质, 项目类别,
// 项目级别, 总投资（万元）, 年度计划投资（万元）, 1-M月累计完成投资（万元）,
// 计划开工时间, 实际开工时间), then 投资预警 and 开工预警 (models.StatusOf).
//
// The list reads back through importer.Read as the same records: amounts
// are 万元 exact to the yuan (numbers shown with 2 decimals; see wanValue),
// months are date cells, 累计完成 is completed(M) (carried forward when M
// was not reported), and the 单位 line states the period (截至Y年M月底) so
// that the year is found even when Title has none. Month must be valid:
// otherwise ProjectList returns an EINVALID *models.Error and writes
// nothing.
func ProjectList(w io.Writer, in ProjectListInput) error {
	if !in.Month.Valid() {
		return models.Errorf(models.EINVALID, "项目清单的月份“%d”无效", in.Month)
	}
	if in.Title == "" {
		in.Title = fmt.Sprintf("%d年重大项目清单", in.Month.Year())
	}
	t := projectListTable(in)
	return writeBook(w, t, in.Title, "重大项目清单", in.Generated)
}

// projectListTable lays out 项目清单: the registry's headings in full
// (所属区县, 项目类别, …), which the importer reads as the ledger's.
func projectListTable(in ProjectListInput) *table {
	m := in.Month
	rows := madeRows(func(i int) ProjectRow {
		p := &in.Projects[i]
		return ProjectRow{Project: p, Status: models.StatusOf(p, m, in.Config)}
	})
	full := func(c projectCol, f models.Field) projectCol { c.head = heading(f); return c }
	t := &table{
		sheet: sheetProjectList, title: in.Title, filter: true,
		unit: fmt.Sprintf("单位：万元　　数据截至%d年%d月底", m.Year(), m.Num()),
		cols: append([]column{seqColumn()}, bind(rows, colCode, colProject, full(colDistrict, models.FieldDistrict), colUnit,
			colNature, full(colCategory, models.FieldCategory), full(colLevel, models.FieldLevel),
			colTotal, colPlan, colCompleted(m.Num()), colPlannedStart, colActualStart, colInvLight, colStartLight)...),
		n: len(in.Projects),
		notes: []string{fmt.Sprintf("注：共%d个项目。累计完成投资为%d年%s累计完成投资，未报送%d月数据的项目沿用此前最近一次报送的数；预警按%d年%d月计算。编制日期：%d年%d月%d日。",
			len(in.Projects), m.Year(), models.CumulativeLabel(m.Num()), m.Num(), m.Year(), m.Num(), in.Generated.Year(), int(in.Generated.Month()), in.Generated.Day()), progressNote(in.Config, m.Num())},
	}
	legend := &Report{Config: in.Config}
	t.legend = append(legend.investmentLegend(), legend.startLegend()...)
	return t
}
