package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"tracker/models"
)

// sheetCorrections lists the 更正 since the quarters it follows were
// locked; the workbook has it only when there are any.
const sheetCorrections = "更正"

// correctionsTable lays out 更正: every change made, after a quarter of
// the year was locked (its report sent), to a figure of that quarter, with
// the import that made it. Names and amounts are as the change recorded
// them (万元 for amounts).
func (r *Report) correctionsTable() *table {
	names := map[string]string{}
	for _, d := range r.Details {
		names[d.Project.Code] = d.Project.Name
	}
	t := &table{
		sheet: sheetCorrections, title: fmt.Sprintf("%d年已报送季度的数据更正", r.Year), n: len(r.Corrections),
		unit: "已锁定季度的报表按锁定时的数据报送；此后更正的数据如下（金额单位：万元）",
		cols: []column{{"序号", kInt}, {"更正的季度", kCenter}, {"项目代码", kCenter}, {"项目名称", kText}, {"内容", kCenter},
			{"原值", kText}, {"新值", kText}, {"导入编号", kInt}, {"更正人", kCenter}, {"更正时间", kTime}},
	}
	t.row = func(i int, v []any) {
		c := &r.Corrections[i]
		v[0], v[1], v[2], v[3], v[4] = i+1, fmt.Sprintf("第%d季度", c.Quarter), c.Code, names[c.Code], models.FieldHeading(c.Field)
		v[5], v[6], v[7], v[8] = orDash(c.Old), orDash(c.New), c.ImportID, c.User
		if c.At != nil {
			v[9] = wallClock(c.At.Local())
		}
	}
	return t
}

func orDash(s *string) string {
	if s == nil || *s == "" {
		return "—"
	}
	return *s
}

// writeCorrections adds 更正 at the end of the workbook when there are
// corrections.
func (r *Report) writeCorrections(f *excelize.File, st *styles) error {
	if len(r.Corrections) == 0 {
		return nil
	}
	if _, err := f.NewSheet(sheetCorrections); err != nil {
		return err
	}
	return r.correctionsTable().write(f, st)
}
