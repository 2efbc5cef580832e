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
// values, then the month's figures. Rows are built batch by batch, so a
// 200,000-row import never holds all its rows as statement arguments.
func (w *writer) applyAll(pl *plan) error {
	var created, entries []int // indexes into pl.changes
	var figures []figure
	for i, c := range pl.changes {
		switch c.Field {
		case fieldProject:
			created = append(created, i)
			if r := c.created; r.Has&models.FieldCompletedYTD != 0 {
				figures = append(figures, figure{c.Code, int64(r.CompletedYTD)})
			}
		case fieldPlanEntry:
			entries = append(entries, i)
		case fieldCompleted:
			m, err := models.ParseDecimal(*c.New, models.Wan)
			if err != nil {
				return err
			}
			figures = append(figures, figure{c.Code, int64(m)})
		}
	}
	if err := w.createProjects(pl, created, entries); err != nil {
		return err
	}
	for _, c := range pl.changes {
		if _, ok := columnOf[c.Field]; ok {
			if err := w.setColumn(c.Code, c.Field, c.New); err != nil {
				return err
			}
		}
	}
	return w.setFigures(figures)
}

// figure is one month's cumulative figure to write.
type figure struct {
	code string
	v    int64
}

// createProjects inserts the created projects with their plan entries,
// and the plan entries of known projects new to the year's list.
func (w *writer) createProjects(pl *plan, created, entries []int) error {
	now, id, year := nowUTC(), w.importID, w.period.Year()
	err := insertRows(w.tx, "projects", []string{"code", "name", "district", "unit", "category", "level",
		"total_investment", "actual_start", "updated_at", "created_by_import"}, len(created), func(k int, a []any) []any {
		r := pl.changes[created[k]].created
		return append(a, r.Code, r.Name, r.District, r.Unit, r.Category, r.Level, int64(r.TotalInvestment), int(r.ActualStart), now, id)
	}, "")
	if err != nil {
		return err
	}
	return insertRows(w.tx, "plan_entries", []string{"year", "code", "nature", "annual_plan", "planned_start"},
		len(created)+len(entries), func(k int, a []any) []any {
			if k < len(created) {
				r := pl.changes[created[k]].created
				return append(a, year, r.Code, string(r.Nature), int64(r.AnnualPlan), int(r.PlannedStart))
			}
			c := pl.changes[entries[k-len(created)]]
			return append(a, year, c.Code, *c.New, int64(0), 0)
		}, "")
}

// setFigures writes the month's figures with this import as their source.
func (w *writer) setFigures(figures []figure) error {
	source, id, period, year := fmt.Sprintf("导入#%d", w.importID), w.importID, int(w.period), w.period.Year()
	return insertRows(w.tx, "investments", []string{"code", "period", "year", "completed_ytd", "source", "import_id"},
		len(figures), func(k int, a []any) []any {
			return append(a, figures[k].code, period, year, figures[k].v, source, id)
		}, "ON CONFLICT (code, period) DO UPDATE SET completed_ytd = excluded.completed_ytd, source = excluded.source, import_id = excluded.import_id")
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
	return insertRows(w.tx, "import_changes", []string{"import_id", "seq", "code", "field", "old_value", "new_value",
		"old_import_id", "old_source"}, len(changes), func(i int, a []any) []any {
		c := changes[i]
		var oldSource *string
		if c.Field == fieldCompleted && c.Old != nil {
			src := c.oldSource
			oldSource = &src
		}
		return append(a, w.importID, i+1, c.Code, c.Field, c.Old, c.New, c.oldImportID, oldSource)
	}, "")
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
