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
// the import that made it. Names are as the change recorded them, amounts
// 万元 number cells, months date cells, times on the office's clock.
func (r *Report) correctionsTable() *table {
	names := map[string]string{}
	for _, d := range r.Details {
		names[d.Project.Code] = d.Project.Name
	}
	type corr = col[models.Correction]
	return &table{
		sheet: sheetCorrections, title: fmt.Sprintf("%d年已报送季度的数据更正", r.Year), n: len(r.Corrections),
		unit: "已锁定季度的报表按锁定时的数据报送；此后更正的数据如下（金额单位：万元）",
		cols: append([]column{seqColumn()}, bind(rowsOf(r.Corrections),
			corr{"更正的季度", kCenter, func(c *models.Correction) any { return fmt.Sprintf("第%d季度", c.Quarter) }},
			corr{models.FieldCode.ZhName(), kCenter, func(c *models.Correction) any { return c.Code }},
			corr{nameHead, kText, func(c *models.Correction) any { return names[c.Code] }},
			corr{"内容", kCenter, func(c *models.Correction) any { return models.FieldHeading(c.Field) }},
			corr{"原值", kText, func(c *models.Correction) any { return correctionValue(c.Field, c.Old) }},
			corr{"新值", kText, func(c *models.Correction) any { return correctionValue(c.Field, c.New) }},
			corr{"导入编号", kInt, func(c *models.Correction) any { return c.ImportID }},
			corr{"更正人", kCenter, func(c *models.Correction) any { return c.User }},
			corr{"更正时间", kTime, func(c *models.Correction) any {
				if c.At == nil {
					return nil
				}
				return wallClock(c.At.In(models.OfficeZone))
			}},
		)...),
	}
}

// correctionValue is a corrected value as its cell holds it: an amount a
// 万元 number, a month a date (see changeValue), "—" for none.
func correctionValue(field string, s *string) any {
	if s == nil || *s == "" {
		return "—"
	}
	return changeValue(field, *s)
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
