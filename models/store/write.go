package store

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tracker/models"
)

// columnOf maps a change's field to its table and column.
var columnOf = map[string][2]string{
	fieldName: {"projects", "name"}, fieldDistrict: {"projects", "district"}, fieldUnit: {"projects", "unit"},
	fieldCategory: {"projects", "category"}, fieldLevel: {"projects", "level"},
	fieldTotal: {"projects", "total_investment"}, fieldActual: {"projects", "actual_start"},
	fieldNature: {"plan_entries", "nature"}, fieldPlan: {"plan_entries", "annual_plan"},
	fieldPlanned: {"plan_entries", "planned_start"},
}

// writer applies changes inside one transaction.
type writer struct {
	tx       *gorm.DB
	importID int64
	period   models.Month
}

// applyAll makes a plan's changes with a handful of bulk statements: new
// projects and plan entries first (figures refer to them), then single
// values, then the month's figures.
func (w *writer) applyAll(pl *plan) error {
	var projects, plans, figures [][]any
	now, id := nowUTC(), w.importID
	for _, c := range pl.changes {
		switch c.Field {
		case fieldProject:
			r := pl.newRecords[c.Code]
			projects = append(projects, []any{r.Code, r.Name, r.District, r.Unit, r.Category, r.Level,
				int64(r.TotalInvestment), int(r.ActualStart), now, id})
			plans = append(plans, []any{w.period.Year(), r.Code, string(r.Nature), int64(r.AnnualPlan), int(r.PlannedStart)})
			if r.Has&models.FieldCompletedYTD != 0 {
				figures = append(figures, w.figure(r.Code, int64(r.CompletedYTD)))
			}
		case fieldPlanEntry:
			plans = append(plans, []any{w.period.Year(), c.Code, *c.New, int64(0), 0})
		case fieldCompleted:
			m, err := models.ParseDecimal(*c.New, models.Wan)
			if err != nil {
				return err
			}
			figures = append(figures, w.figure(c.Code, int64(m)))
		}
	}
	if err := insertRows(w.tx, "projects", []string{"code", "name", "district", "unit", "category", "level",
		"total_investment", "actual_start", "updated_at", "created_by_import"}, projects, ""); err != nil {
		return err
	}
	if err := insertRows(w.tx, "plan_entries", []string{"year", "code", "nature", "annual_plan", "planned_start"}, plans, ""); err != nil {
		return err
	}
	for _, c := range pl.changes {
		if _, ok := columnOf[c.Field]; ok {
			if err := w.setColumn(c.Code, c.Field, c.New); err != nil {
				return err
			}
		}
	}
	return insertRows(w.tx, "investments", figureColumns, figures,
		"ON CONFLICT (code, period) DO UPDATE SET completed_ytd = excluded.completed_ytd, source = excluded.source, import_id = excluded.import_id")
}

var figureColumns = []string{"code", "period", "year", "completed_ytd", "source", "import_id"}

func (w *writer) figure(code string, v int64) []any {
	return []any{code, int(w.period), w.period.Year(), v, fmt.Sprintf("导入#%d", w.importID), w.importID}
}

// setColumn sets a project or plan-entry column from a change's text value.
func (w *writer) setColumn(code, field string, v *string) error {
	col, ok := columnOf[field]
	if !ok {
		return fmt.Errorf("unknown change field %q", field)
	}
	value, err := columnValue(field, v)
	if err != nil {
		return err
	}
	q := w.tx.Table(col[0]).Where("code = ?", code)
	if col[0] == "plan_entries" {
		q = q.Where("year = ?", w.period.Year())
	} else {
		q = q.Set("updated_at", nowUTC())
	}
	return q.UpdateColumn(col[1], value).Error
}

// columnValue turns a change's text back into the column's value.
func columnValue(field string, v *string) (any, error) {
	switch field {
	case fieldTotal, fieldPlan:
		if v == nil {
			return int64(0), nil
		}
		m, err := models.ParseDecimal(*v, models.Wan)
		return int64(m), err
	case fieldActual, fieldPlanned:
		if v == nil {
			return 0, nil
		}
		m, err := models.ParseMonth(*v)
		return int(m), err
	}
	if v == nil {
		return "", nil
	}
	return *v, nil
}

// setCompleted writes the month's cumulative figure with its provenance,
// or deletes it when v is nil.
func (w *writer) setCompleted(code string, v *string, importID *int64, source string) error {
	if v == nil {
		return w.tx.Where("code = ? AND period = ?", code, int(w.period)).Delete(&investmentRow{}).Error
	}
	m, err := models.ParseDecimal(*v, models.Wan)
	if err != nil {
		return err
	}
	row := investmentRow{Code: code, Period: int(w.period), Year: w.period.Year(), CompletedYTD: int64(m), Source: source, ImportID: importID}
	return w.tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "code"}, {Name: "period"}},
		DoUpdates: clause.AssignmentColumns([]string{"completed_ytd", "source", "import_id"}),
	}).Create(&row).Error
}

// saveChanges records the changes of an import, replacing earlier ones (a
// preview's changes are recomputed at commit).
func (w *writer) saveChanges(changes []Change) error {
	if err := w.tx.Where("import_id = ?", w.importID).Delete(&changeRow{}).Error; err != nil {
		return err
	}
	rows := make([][]any, len(changes))
	for i, c := range changes {
		var oldSource *string
		if c.Field == fieldCompleted && c.Old != nil {
			src := c.oldSource
			oldSource = &src
		}
		rows[i] = []any{w.importID, i + 1, c.Code, c.Field, c.Old, c.New, c.oldImportID, oldSource}
	}
	return insertRows(w.tx, "import_changes", []string{"import_id", "seq", "code", "field", "old_value", "new_value",
		"old_import_id", "old_source"}, rows, "")
}

func districtList(m map[string]bool) string {
	var out []string
	for d := range m {
		if d != "" {
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

func nowUTC() time.Time { return time.Now().UTC() }
