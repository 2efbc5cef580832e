package store

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"

	"tracker/models"
)

// writer applies changes inside one transaction.
type writer struct {
	tx       *gorm.DB
	importID int64
	period   models.Month
	now      time.Time
}

// applyAll makes a plan's changes with a handful of bulk statements: new
// projects and plan entries first (figures refer to them), then single
// values, then the month's fields, one bulk upsert per field. Rows are
// built batch by batch, so a 200,000-row import never holds all its rows
// as statement arguments.
func (w *writer) applyAll(pl *models.Plan) error {
	var created, entries []int // indexes into pl.Changes
	monthly := map[models.Field][]monthValue{}
	for i, c := range pl.Changes {
		switch scope := models.ScopeOfChange(c.Field); {
		case c.Field == models.ChangeProject:
			created = append(created, i)
			w.createdMonthValues(c.Created, monthly)
		case c.Field == models.ChangePlanEntry:
			entries = append(entries, i)
		case scope == models.ScopeMonth:
			f, _ := models.FieldNamed(c.Field)
			monthly[f] = append(monthly[f], monthValue{code: c.Code, text: c.New})
		}
	}
	if err := w.createProjects(pl, created, entries); err != nil {
		return err
	}
	for _, c := range pl.Changes {
		if s := models.ScopeOfChange(c.Field); c.Field != models.ChangeProject && c.Field != models.ChangePlanEntry && s != models.ScopeMonth {
			if err := w.setColumn(c.Code, c.Field, c.New); err != nil {
				return err
			}
		}
	}
	return w.setMonthValues(monthly)
}

// monthValue is one month's value of a field to write, as change text.
type monthValue struct {
	code string
	text *string
}

// createdMonthValues adds the month's fields a created project's record
// states.
func (w *writer) createdMonthValues(r *models.LedgerRecord, monthly map[models.Field][]monthValue) {
	for _, d := range r.Has.Defs() {
		if d.Scope == models.ScopeMonth {
			monthly[d.Field] = append(monthly[d.Field], monthValue{code: r.Code, text: d.Text(&r.Facts)})
		}
	}
}

// createProjects inserts the created projects with their plan entries,
// and the plan entries of known projects new to the year's list.
func (w *writer) createProjects(pl *models.Plan, created, entries []int) error {
	pdefs, ydefs := defsOf(models.ScopeProject), defsOf(models.ScopeYear)
	cols := append(append([]string{"code"}, columnNames(pdefs)...), "updated_at", "created_by_import")
	err := insertRows(w.tx, "projects", cols, len(created), func(k int, a []any) []any {
		r := pl.Changes[created[k]].Created
		return append(columnValues(append(a, r.Code), &r.Facts, pdefs), w.now, w.importID)
	}, "")
	if err != nil {
		return err
	}
	year := w.period.Year()
	return insertRows(w.tx, "plan_entries", append([]string{"year", "code"}, columnNames(ydefs)...),
		len(created)+len(entries), func(k int, a []any) []any {
			if k < len(created) {
				r := pl.Changes[created[k]].Created
				return columnValues(append(a, year, r.Code), &r.Facts, ydefs)
			}
			c := pl.Changes[entries[k-len(created)]]
			f := models.Facts{Nature: models.Nature(*c.New)}
			return columnValues(append(a, year, c.Code), &f, ydefs)
		}, "")
}

func columnNames(defs []models.FieldDef) []string {
	out := make([]string, len(defs))
	for i, d := range defs {
		out[i] = d.Column
	}
	return out
}

func columnValues(a []any, f *models.Facts, defs []models.FieldDef) []any {
	for _, d := range defs {
		a = append(a, d.ColumnValue(f))
	}
	return a
}

// setMonthValues writes the month's values field by field, with this
// import as the source of the rows it creates and of the cumulative
// figures it sets. Fields are written in registry order.
func (w *writer) setMonthValues(monthly map[models.Field][]monthValue) error {
	source, period, year := fmt.Sprintf("导入#%d", w.importID), int(w.period), w.period.Year()
	for _, d := range defsOf(models.ScopeMonth) {
		vals := monthly[d.Field]
		var bad error
		err := insertRows(w.tx, "investments", []string{"code", "period", "year", d.Column, "source", "import_id"},
			len(vals), func(k int, a []any) []any {
				v, err := d.ColumnValueOf(vals[k].text)
				if err != nil {
					bad = err
				}
				return append(a, vals[k].code, period, year, v, source, w.importID)
			}, "ON CONFLICT (code, period) DO UPDATE SET "+monthUpdate(d))
		if err == nil {
			err = bad
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// monthUpdate is the SET list of a month field's upsert: the figure also
// takes the import as its provenance.
func monthUpdate(d models.FieldDef) string {
	set := d.Column + " = excluded." + d.Column
	if d.Field == models.FieldCompletedYTD {
		set += ", source = excluded.source, import_id = excluded.import_id"
	}
	return set
}

// setColumn sets a project or plan-entry column from a change's text value.
func (w *writer) setColumn(code, field string, v *string) error {
	f, ok := models.FieldNamed(field)
	d, isField := f.Def()
	if !ok || !isField || d.Scope == models.ScopeMonth {
		return fmt.Errorf("unknown change field %q", field)
	}
	value, err := d.ColumnValueOf(v)
	if err != nil {
		return err
	}
	q := w.tx.Table(d.Scope.Table()).Where("code = ?", code)
	if d.Scope == models.ScopeYear {
		q = q.Where("year = ?", w.period.Year())
	} else {
		q = q.Set("updated_at", w.now)
	}
	return q.UpdateColumn(d.Column, value).Error
}

// restoreMonth puts a month field back to its value before a change: the
// old value (for the figure with its old provenance), or NULL when there
// was none; a row left with no value at all is deleted.
func (w *writer) restoreMonth(c models.Change) error {
	f, _ := models.FieldNamed(c.Field)
	d, _ := f.Def()
	q := w.tx.Table("investments").Where("code = ? AND period = ?", c.Code, int(w.period))
	if c.Old == nil {
		if err := q.UpdateColumn(d.Column, nil).Error; err != nil {
			return err
		}
		return w.tx.Exec(`DELETE FROM investments WHERE code = ? AND period = ? AND `+allNull(), c.Code, int(w.period)).Error
	}
	v, err := d.ColumnValueOf(c.Old)
	if err != nil {
		return err
	}
	set := map[string]any{d.Column: v}
	if f == models.FieldCompletedYTD {
		set["source"], set["import_id"] = c.OldSource, c.OldImportID
	}
	return q.UpdateColumns(set).Error
}

// allNull is the condition of a month's row that holds no value.
func allNull() string {
	var conds []string
	for _, d := range defsOf(models.ScopeMonth) {
		conds = append(conds, d.Column+" IS NULL")
	}
	return strings.Join(conds, " AND ")
}

// saveChanges records the changes of an import, replacing earlier ones (a
// preview's changes are recomputed at commit).
func (w *writer) saveChanges(changes []models.Change) error {
	if err := w.tx.Where("import_id = ?", w.importID).Delete(&changeRow{}).Error; err != nil {
		return err
	}
	return insertRows(w.tx, "import_changes", []string{"import_id", "seq", "code", "field", "old_value", "new_value",
		"old_import_id", "old_source", "created_record"}, len(changes), func(i int, a []any) []any {
		c := changes[i]
		var oldSource *string
		if c.Field == fieldCompleted && c.Old != nil {
			src := c.OldSource
			oldSource = &src
		}
		return append(a, w.importID, i+1, c.Code, c.Field, c.Old, c.New, c.OldImportID, oldSource, createdRecord(c))
	}, "")
}

// createdRecord keeps the whole record of a created project with its
// change, so that a preview can show every field it would get.
func createdRecord(c models.Change) *string {
	if c.Field != models.ChangeProject || c.Created == nil {
		return nil
	}
	s := string(models.AppendRecordJSON(make([]byte, 0, 1024), c.Created))
	return &s
}

// fieldCompleted is the change field of the cumulative figure, whose
// provenance changes record.
const fieldCompleted = "completed_ytd_wan"

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
