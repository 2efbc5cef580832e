package store

import (
	"gorm.io/gorm"

	"tracker/models"
)

// Field names of changes, as the API shows them.
const (
	fieldProject   = "project"    // a whole project created
	fieldPlanEntry = "plan_entry" // the project's entry in a year's list created
	fieldName      = "name"
	fieldDistrict  = "district"
	fieldUnit      = "unit"
	fieldCategory  = "category"
	fieldLevel     = "level"
	fieldTotal     = "total_investment_wan"
	fieldActual    = "actual_start"
	fieldNature    = "nature"
	fieldPlan      = "annual_plan_wan"
	fieldPlanned   = "planned_start"
	fieldCompleted = "completed_ytd_wan"
)

// state is what the database holds for the projects one import touches:
// their rows, their entries in the import's year, their figures for the
// import's month and the latest figure before it in the same year.
type state struct {
	projects map[string]*projectRow
	plans    map[string]*planRow
	invs     map[string]*investmentRow
	previous map[string]int64
}

// loadState reads the state of codes for year and period in chunks that
// stay under every database's parameter limit.
func loadState(tx *gorm.DB, codes []string, period models.Month) (*state, error) {
	st := &state{projects: map[string]*projectRow{}, plans: map[string]*planRow{},
		invs: map[string]*investmentRow{}, previous: map[string]int64{}}
	for start := 0; start < len(codes); start += 5000 {
		chunk := codes[start:min(start+5000, len(codes))]
		if err := st.loadChunk(tx, chunk, period); err != nil {
			return nil, err
		}
	}
	return st, nil
}

func (st *state) loadChunk(tx *gorm.DB, codes []string, period models.Month) error {
	var ps []projectRow
	if err := tx.Where("code IN ?", codes).Find(&ps).Error; err != nil {
		return err
	}
	for i := range ps {
		st.projects[ps[i].Code] = &ps[i]
	}
	var plans []planRow
	if err := tx.Where("year = ? AND code IN ?", period.Year(), codes).Find(&plans).Error; err != nil {
		return err
	}
	for i := range plans {
		st.plans[plans[i].Code] = &plans[i]
	}
	var invs []investmentRow
	err := tx.Where("year = ? AND period <= ? AND code IN ?", period.Year(), int(period), codes).Order("period").Find(&invs).Error
	if err != nil {
		return err
	}
	for i := range invs {
		if inv := &invs[i]; inv.Period == int(period) {
			st.invs[inv.Code] = inv
		} else {
			st.previous[inv.Code] = inv.CompletedYTD
		}
	}
	return nil
}

// value returns the stored value of a change's field as its text form, nil
// when it does not exist.
func (st *state) value(code, field string) *string {
	p := st.projects[code]
	if p == nil {
		return nil
	}
	switch field {
	case fieldProject, fieldName:
		return text(p.Name)
	case fieldDistrict:
		return text(p.District)
	case fieldUnit:
		return text(p.Unit)
	case fieldCategory:
		return text(p.Category)
	case fieldLevel:
		return text(p.Level)
	case fieldTotal:
		return money(p.TotalInvestment)
	case fieldActual:
		return month(p.ActualStart)
	}
	return st.yearValue(code, field)
}

func (st *state) yearValue(code, field string) *string {
	if field == fieldCompleted {
		if inv := st.invs[code]; inv != nil {
			return money(inv.CompletedYTD)
		}
		return nil
	}
	e := st.plans[code]
	if e == nil {
		return nil
	}
	switch field {
	case fieldPlanEntry, fieldNature:
		return text(e.Nature)
	case fieldPlan:
		return money(e.AnnualPlan)
	case fieldPlanned:
		return month(e.PlannedStart)
	}
	return nil
}

func text(s string) *string { return &s }

func money(v int64) *string { return text(models.Money(v).WanString()) }

func month(m int) *string {
	if m == 0 {
		return nil
	}
	return text(models.Month(m).String())
}

func sameValue(a, b *string) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}
