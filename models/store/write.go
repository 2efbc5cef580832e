package store

import (
	"context"
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
	seq      int // the import's changes recorded so far (appendChanges)
}

// applyAll makes a plan's changes with a handful of bulk statements: new
// projects and plan entries first (figures refer to them), then the
// changed columns of known projects and plan entries (one multi-row
// UPDATE per set of changed fields), then the month's rows (one multi-row
// upsert per set of fields, each row written once whatever number of its
// fields changed). Rows are built batch by batch, so a 200,000-row import
// never holds all its rows as statement arguments.
func (w *writer) applyAll(pl *models.Plan) error { return w.apply(pl.Changes) }

// apply makes changes, as applyAll a plan's (or a part's).
func (w *writer) apply(changes []models.Change) error {
	rows, err := rowsOf(changes)
	if err != nil {
		return err
	}
	return w.applyRows(rows)
}

// changeRows is what apply writes for a set of changes, worked out from
// the changes alone, without the database: an import works it out on its
// planning goroutine, beside the writing of the part before (planParts).
type changeRows struct {
	changes          []models.Change
	created, entries []int         // indexes into changes
	groups           [3][]rowGroup // by scope: the rows of known projects, plan entries and months to write
}

// rowsOf groups changes into the rows to write.
func rowsOf(changes []models.Change) (*changeRows, error) {
	out := &changeRows{changes: changes}
	cols := &rowSets{} // by code: the project's, year's and month's columns to write
	for i, c := range changes {
		switch {
		case c.Field == models.ChangeProject:
			out.created = append(out.created, i)
			r := c.Created
			for _, d := range (r.Has & fieldsOf(models.ScopeMonth)).Defs() {
				cols.set(models.ScopeMonth, r.Code, d, d.ColumnValue(&r.Facts))
			}
		case c.Field == models.ChangePlanEntry:
			out.entries = append(out.entries, i)
		default:
			f, ok := models.FieldNamed(c.Field)
			d, isField := f.Def()
			if !ok || !isField {
				return nil, fmt.Errorf("unknown change field %q", c.Field)
			}
			v, err := d.ColumnValueOf(c.New)
			if err != nil {
				return nil, err
			}
			cols.set(d.Scope, c.Code, d, v)
		}
	}
	for _, scope := range []models.Scope{models.ScopeProject, models.ScopeYear, models.ScopeMonth} {
		out.groups[scope] = cols.groups(scope)
	}
	return out, nil
}

// applyRows writes the rows of changes.
func (w *writer) applyRows(r *changeRows) error {
	if err := w.createProjects(r.changes, r.created, r.entries); err != nil {
		return err
	}
	for _, scope := range []models.Scope{models.ScopeProject, models.ScopeYear} {
		for _, g := range r.groups[scope] {
			if err := w.updateColumns(scope, g); err != nil {
				return err
			}
		}
	}
	for _, g := range r.groups[models.ScopeMonth] {
		if err := w.upsertMonth(g); err != nil {
			return err
		}
	}
	return nil
}

// rowSets gathers, per scope and code, the column values to write, in the
// order the codes first come (the plan's, which is code order).
type rowSets struct {
	byCode [3]map[string]*rowSet
	order  [3][]*rowSet
}

// rowSet is one row's columns to write: the fields set and their values
// by registry index.
type rowSet struct {
	code   string
	fields models.Field
	values map[models.Field]any
}

func (r *rowSets) set(scope models.Scope, code string, d models.FieldDef, v any) {
	if r.byCode[scope] == nil {
		r.byCode[scope] = map[string]*rowSet{}
	}
	row := r.byCode[scope][code]
	if row == nil {
		row = &rowSet{code: code, values: make(map[models.Field]any, 4)}
		r.byCode[scope][code] = row
		r.order[scope] = append(r.order[scope], row)
	}
	row.fields |= d.Field
	row.values[d.Field] = v // a later change of the same field wins, as it would written in turn
}

// rowGroup is rows that set the same fields, written by one statement.
type rowGroup struct {
	fields models.Field
	rows   []*rowSet
}

// groups returns a scope's rows grouped by the fields they set, groups in
// the order of their first row.
func (r *rowSets) groups(scope models.Scope) []rowGroup {
	var out []rowGroup
	at := map[models.Field]int{}
	for _, row := range r.order[scope] {
		i, ok := at[row.fields]
		if !ok {
			i = len(out)
			at[row.fields] = i
			out = append(out, rowGroup{fields: row.fields})
		}
		out[i].rows = append(out[i].rows, row)
	}
	return out
}

// updateColumns sets the changed columns of known projects or plan
// entries: UPDATE … FROM (VALUES …), many rows a statement (SQLite and
// PostgreSQL both name the VALUES columns column1, column2, …). The values
// are cast to their column's type, which PostgreSQL cannot infer from a
// VALUES list.
func (w *writer) updateColumns(scope models.Scope, g rowGroup) error {
	defs := g.fields.Defs()
	table := scope.Table()
	set := make([]string, len(defs))
	one := make([]string, len(defs)+1)
	one[0] = "CAST(? AS TEXT)"
	for i, d := range defs {
		set[i] = fmt.Sprintf("%s = v.column%d", d.Column, i+2)
		one[i+1] = "CAST(? AS " + sqlType(d) + ")"
	}
	var lead, trail []any
	where := table + ".code = v.column1"
	if scope == models.ScopeYear {
		where += " AND " + table + ".year = ?"
		trail = []any{w.period.Year()}
	} else {
		set = append(set, "updated_at = ?")
		lead = []any{w.now}
	}
	if w.tx.Dialector.Name() != "postgres" {
		return w.updateEach(table, defs, lead, trail, g)
	}
	if copied, err := w.updateCopied(scope, defs, g); copied || err != nil {
		return err
	}
	head := "UPDATE " + table + " SET " + strings.Join(set, ", ") + " FROM (VALUES "
	return batchRows(w.tx, table, head, "("+strings.Join(one, ", ")+")", ") AS v WHERE "+where, lead, trail, len(g.rows),
		func(k int, a []any) []any {
			row := g.rows[k]
			a = append(a, row.code)
			for _, d := range defs {
				a = append(a, row.values[d.Field])
			}
			return a
		})
}

// updateCopied is updateColumns on PostgreSQL with COPY: the rows'
// values go into a temporary table of the columns' own types, then one
// UPDATE … FROM it sets them (see pgWriteTx).
func (w *writer) updateCopied(scope models.Scope, defs []models.FieldDef, g rowGroup) (bool, error) {
	table := scope.Table()
	set := make([]string, len(defs))
	for i, d := range defs {
		set[i] = d.Column + " = v." + d.Column
	}
	args := []any{w.period.Year()}
	where := table + ".code = v.code AND " + table + ".year = ?"
	if scope != models.ScopeYear {
		set, args, where = append(set, "updated_at = ?"), []any{w.now}, table+".code = v.code"
	}
	cols := append([]string{"code"}, columnNames(defs)...)
	return copyThrough(w.tx, table, cols, len(g.rows), func(k int, a []any) []any {
		row := g.rows[k]
		a = append(a, row.code)
		for _, d := range defs {
			a = append(a, row.values[d.Field])
		}
		return a
	}, func(tmp string) error {
		return w.tx.Exec("UPDATE "+table+" SET "+strings.Join(set, ", ")+" FROM "+tmp+" v WHERE "+where, args...).Error
	})
}

// updateEach is updateColumns on SQLite: one prepared single-row UPDATE
// executed for each row, in code order. (SQLite's planner, without
// statistics, may scan the whole table for each UPDATE … FROM; a keyed
// single-row update costs a few microseconds in process.)
func (w *writer) updateEach(table string, defs []models.FieldDef, lead, trail []any, g rowGroup) error {
	set := make([]string, len(defs))
	for i, d := range defs {
		set[i] = d.Column + " = ?"
	}
	for _, v := range lead { // the time of writing, one for every row: a literal (see insertFixed)
		set = append(set, "updated_at = "+sqliteLiteral(v))
	}
	q := "UPDATE " + table + " SET " + strings.Join(set, ", ") + " WHERE code = ?"
	for _, v := range trail { // the year
		q += " AND year = " + sqliteLiteral(v)
	}
	ctx := w.tx.Statement.Context
	if ctx == nil {
		ctx = context.Background()
	}
	st, err := w.tx.Statement.ConnPool.PrepareContext(ctx, q)
	if err != nil {
		return err
	}
	defer st.Close()
	args := make([]any, 0, len(defs)+1)
	for _, row := range g.rows {
		args = args[:0]
		for _, d := range defs {
			args = append(args, row.values[d.Field])
		}
		if _, err := st.ExecContext(ctx, append(args, row.code)...); err != nil {
			return fmt.Errorf("write %s: %w", table, err)
		}
	}
	return nil
}

// sqlType is the type a field's column values are cast to.
func sqlType(d models.FieldDef) string {
	switch d.Kind {
	case models.ValueMoney:
		return "BIGINT"
	case models.ValueMonth:
		return "INTEGER"
	}
	return "TEXT"
}

// upsertMonth writes the month's rows of one set of fields, with this
// import as the source of the rows it creates and of the cumulative
// figures it sets.
func (w *writer) upsertMonth(g rowGroup) error {
	defs := g.fields.Defs()
	source, period, year := fmt.Sprintf("导入#%d", w.importID), int(w.period), w.period.Year()
	update := make([]string, len(defs))
	for i, d := range defs {
		update[i] = monthUpdate(d)
	}
	cols := append([]string{"code"}, columnNames(defs)...)
	fixedCols := []fixed{{"period", period}, {"year", year}, {"source", source}, {"import_id", w.importID}}
	return insertFixed(w.tx, "investments", cols, fixedCols, len(g.rows), func(k int, a []any) []any {
		row := g.rows[k]
		a = append(a, row.code)
		for _, d := range defs {
			a = append(a, row.values[d.Field])
		}
		return a
	}, "ON CONFLICT (code, period) DO UPDATE SET "+strings.Join(update, ", "))
}

// createProjects inserts the created projects with their plan entries,
// and the plan entries of known projects new to the year's list.
func (w *writer) createProjects(changes []models.Change, created, entries []int) error {
	pdefs, ydefs := defsOf(models.ScopeProject), defsOf(models.ScopeYear)
	cols := append([]string{"code"}, columnNames(pdefs)...)
	err := insertFixed(w.tx, "projects", cols, []fixed{{"updated_at", w.now}, {"created_by_import", w.importID}}, len(created), func(k int, a []any) []any {
		r := changes[created[k]].Created
		return columnValues(append(a, r.Code), &r.Facts, pdefs)
	}, "")
	if err != nil {
		return err
	}
	year := w.period.Year()
	return insertFixed(w.tx, "plan_entries", append([]string{"code"}, columnNames(ydefs)...), []fixed{{"year", year}},
		len(created)+len(entries), func(k int, a []any) []any {
			if k < len(created) {
				r := changes[created[k]].Created
				return columnValues(append(a, r.Code), &r.Facts, ydefs)
			}
			c := changes[entries[k-len(created)]]
			f := models.Facts{Nature: models.Nature(*c.New)}
			return columnValues(append(a, c.Code), &f, ydefs)
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
	if err := w.clearChanges(); err != nil {
		return err
	}
	return w.appendChanges(changes, createdRecords(changes))
}

// clearChanges deletes the import's recorded changes.
func (w *writer) clearChanges() error {
	w.seq = 0
	return w.tx.Where("import_id = ?", w.importID).Delete(&changeRow{}).Error
}

// appendChanges records changes after those recorded so far; records
// are their created projects' kept texts (createdRecords).
func (w *writer) appendChanges(changes []models.Change, records []*string) error {
	first := w.seq
	w.seq += len(changes)
	return insertFixed(w.tx, "import_changes", []string{"seq", "code", "field", "old_value", "new_value",
		"old_import_id", "old_source", "created_record"}, []fixed{{"import_id", w.importID}}, len(changes), func(i int, a []any) []any {
		c := changes[i]
		var oldSource *string
		if c.Field == fieldCompleted && c.Old != nil {
			src := c.OldSource
			oldSource = &src
		}
		return append(a, first+i+1, c.Code, c.Field, c.Old, c.New, c.OldImportID, oldSource, records[i])
	}, "")
}

// createdRecords returns, for each change that creates a project, the
// record it is created with as the change log keeps it (nil for the other
// changes). An import works them out on its planning goroutine, beside
// the writing (see planParts).
func createdRecords(changes []models.Change) []*string {
	out := make([]*string, len(changes))
	buf := make([]byte, 0, 1024)
	for i := range changes {
		if c := &changes[i]; c.Field == models.ChangeProject && c.Created != nil {
			buf = appendRecord(buf[:0], c.Created, deref(c.New))
			s := string(buf)
			out[i] = &s
		}
	}
	return out
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
