package store

import (
	"context"
	"encoding/json"

	"tracker/models"
)

// Edit is a hand correction of one project's figures, as a reviewer of a
// ledger would make it in the pages. Nil fields stay as they are. It is
// recorded as an import of kind "edit", so it shows in the history, can be
// reverted, and every value keeps who changed it and when.
type Edit struct {
	Period          models.Month   `json:"period"` // the month of CompletedYTD, and whose quarter lock applies
	Name            *string        `json:"name"`
	Unit            *string        `json:"unit"`
	Category        *string        `json:"category"`
	Level           *string        `json:"level"`
	Nature          *models.Nature `json:"nature"`
	TotalInvestment *models.Money  `json:"total_investment_wan"`
	AnnualPlan      *models.Money  `json:"annual_plan_wan"`
	CompletedYTD    *models.Money  `json:"completed_ytd_wan"`
	PlannedStart    *models.Month  `json:"planned_start"`
	ActualStart     *models.Month  `json:"actual_start"`
	Note            string         `json:"note"` // why, shown in the history
}

// EditProject applies a hand edit to a project in Period's year list.
func (s *Store) EditProject(ctx context.Context, code string, e Edit, user models.User) (*Import, error) {
	if !e.Period.Valid() {
		return nil, models.Errorf(models.EINVALID, "请指定修改所属的报告期（period，YYYY-MM）")
	}
	p, err := s.Project(ctx, code, e.Period.Year())
	if err != nil {
		return nil, err
	}
	rec, err := e.record(p)
	if err != nil {
		return nil, err
	}
	ledger := &models.Ledger{Format: "edit", Period: e.Period, Sheets: []string{"手工修改"}, RowsTotal: 1, Records: []models.LedgerRecord{rec}}
	raw, _ := json.Marshal(e)
	name := "手工修改 " + code
	imp, err := s.CreateImport(ctx, NewImport{FileName: name, Data: raw, User: user, Ledger: ledger, Kind: KindEdit})
	if err == nil && imp.Status == StatusRejected && len(imp.Problems) > 0 {
		return nil, models.Errorf(models.EFORBIDDEN, "%s", imp.Problems[0].Message)
	}
	return imp, err
}

// record turns the edit into the record a ledger row would give.
func (e Edit) record(p models.Project) (models.LedgerRecord, error) {
	r := models.LedgerRecord{Sheet: "手工修改", Row: 1, Code: p.Code, Name: p.Name, District: p.District}
	set := func(f models.Field, ok bool) {
		if ok {
			r.Has |= f
		}
	}
	if e.Name != nil {
		r.Name = models.NormalizeName(*e.Name)
		if r.Name == "" {
			return r, models.Errorf(models.EINVALID, "项目名称不能为空")
		}
		set(models.FieldName, true)
	}
	for _, t := range []struct {
		v   *string
		dst *string
		f   models.Field
	}{{e.Unit, &r.Unit, models.FieldUnit}, {e.Category, &r.Category, models.FieldCategory}, {e.Level, &r.Level, models.FieldLevel}} {
		if t.v != nil {
			*t.dst = models.TrimText(*t.v)
			set(t.f, true)
		}
	}
	if e.Nature != nil {
		if *e.Nature != models.NatureNew && *e.Nature != models.NatureContinuing {
			return r, models.Errorf(models.EINVALID, "建设性质“%s”无效，应为“新开工”或“续建”", *e.Nature)
		}
		r.Nature = *e.Nature
		set(models.FieldNature, true)
	}
	return r, e.amounts(&r)
}

func (e Edit) amounts(r *models.LedgerRecord) error {
	for _, t := range []struct {
		v    *models.Money
		dst  *models.Money
		f    models.Field
		name string
	}{{e.TotalInvestment, &r.TotalInvestment, models.FieldTotalInvestment, "总投资"},
		{e.AnnualPlan, &r.AnnualPlan, models.FieldAnnualPlan, "年度计划投资"},
		{e.CompletedYTD, &r.CompletedYTD, models.FieldCompletedYTD, "累计完成投资"}} {
		if t.v == nil {
			continue
		}
		if *t.v < 0 {
			return models.Errorf(models.EINVALID, "%s不能为负数", t.name)
		}
		*t.dst, r.Has = *t.v, r.Has|t.f
	}
	for _, t := range []struct {
		v   *models.Month
		dst *models.Month
		f   models.Field
	}{{e.PlannedStart, &r.PlannedStart, models.FieldPlannedStart}, {e.ActualStart, &r.ActualStart, models.FieldActualStart}} {
		if t.v == nil {
			continue
		}
		if *t.v != 0 && !t.v.Valid() {
			return models.Errorf(models.EINVALID, "月份 %v 无效", *t.v)
		}
		*t.dst, r.Has = *t.v, r.Has|t.f
	}
	return nil
}
