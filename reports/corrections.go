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

// CorrectionLines are the 更正 in words, oldest first, for the 通报
// (DOMAIN.md: the next report notes what changed in which past month, and
// by whom): "第2季度：张店区某项目（2403-…）1-6月累计完成投资由1000.00万元
// 更正为98765.43万元（admin，2024年7月10日）".
func (r *Report) CorrectionLines() []string {
	names := map[string]string{}
	for _, d := range r.Details {
		names[d.Project.Code] = d.Project.Name
	}
	out := make([]string, len(r.Corrections))
	for i, c := range r.Corrections {
		what := models.FieldLabel(c.Field)
		if f, _ := models.FieldNamed(c.Field); f == models.FieldCompletedYTD && c.Period.Valid() {
			what = models.CumulativeLabel(c.Period.Num()) + what // 1-6月累计完成投资
		} else if models.ScopeOfChange(c.Field) == models.ScopeMonth && c.Period.Valid() {
			what = fmt.Sprintf("%d月", c.Period.Num()) + what // 6月形象进度
		}
		by := c.User
		if c.At != nil {
			at := c.At.In(models.OfficeZone)
			by += fmt.Sprintf("，%d年%d月%d日", at.Year(), int(at.Month()), at.Day())
		}
		out[i] = fmt.Sprintf("第%d季度：%s（%s）%s由%s更正为%s（%s）", c.Quarter, names[c.Code], c.Code, what,
			correctionText(c.Field, c.Old), correctionText(c.Field, c.New), by)
	}
	return out
}

// correctionText is a corrected value in words: an amount in 万元 with 2
// decimals, a month as 2024年6月, "空" for none.
func correctionText(field string, s *string) string {
	if s == nil || *s == "" {
		return "空"
	}
	switch v := changeValue(field, *s).(type) {
	case models.Money:
		return v.WanText() + "万元"
	case models.Month:
		return fmt.Sprintf("%d年%d月", v.Year(), v.Num())
	}
	return *s
}
