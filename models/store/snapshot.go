package store

import (
	"fmt"
	"slices"

	"gorm.io/gorm"

	"tracker/models"
)

// loadSnapshot reads what the database holds for codes: each project's
// fields, its entry in period's year list, its figures for period and the
// latest cumulative figure before it in the same year. It reads in chunks
// that stay under every database's parameter limit.
func loadSnapshot(tx *gorm.DB, codes []string, period models.Month) (models.Snapshot, error) {
	sn := make(models.Snapshot, len(codes))
	for start := 0; start < len(codes); start += 5000 {
		set, err := codeSetOf(tx, codes[start:min(start+5000, len(codes))])
		if err != nil {
			return nil, err
		}
		if err := loadProjectFields(tx, sn, set, period); err != nil {
			return nil, err
		}
	}
	// The year's and month's rows and the change log are looked up only
	// for the projects the database has (the others' would be ignored): a
	// first import of new projects costs one query a part.
	known := make([]string, 0, len(sn))
	for _, c := range codes {
		if sn[c] != nil {
			known = append(known, c)
		}
	}
	for start := 0; start < len(known); start += 5000 {
		set, err := codeSetOf(tx, known[start:min(start+5000, len(known))])
		if err != nil {
			return nil, err
		}
		for _, load := range []func(*gorm.DB, models.Snapshot, codeSet, models.Month) error{loadYearFields, loadMonthFields, loadStartReports} {
			if err := load(tx, sn, set, period); err != nil {
				return nil, err
			}
		}
	}
	return sn, nil
}

// codeSet is the codes a snapshot query asks for: a list (code IN …), or,
// on SQLite, when the codes come sorted and the database holds few other
// projects between the first and the last, that range of the key (code
// BETWEEN …), read in key order without binding every code. Rows a range
// brings for codes outside the set are left out (loadProjectFields; the
// other loaders skip codes the snapshot does not have).
type codeSet struct {
	codes  []string
	want   map[string]bool // ranged: the codes asked for
	ranged bool
}

// rangeMin and rangeSlack decide when codes are read as a range: at least
// rangeMin sorted codes, with at most rangeSlack projects in the range for
// each code asked for.
var rangeMin, rangeSlack = 64, 2

// codeSetOf decides how to ask for codes.
func codeSetOf(tx *gorm.DB, codes []string) (codeSet, error) {
	set := codeSet{codes: codes}
	if tx.Dialector.Name() == "postgres" || len(codes) < rangeMin || !slices.IsSorted(codes) {
		return set, nil // PostgreSQL's collation need not order codes as bytes
	}
	limit := rangeSlack * len(codes)
	var n int
	err := tx.Raw(`SELECT count(*) FROM (SELECT 1 FROM projects WHERE code BETWEEN ? AND ? LIMIT ?) x`, codes[0], codes[len(codes)-1], limit+1).Scan(&n).Error
	if err != nil || n > limit {
		return set, err
	}
	set.ranged, set.want = true, make(map[string]bool, len(codes))
	for _, c := range codes {
		set.want[c] = true
	}
	return set, nil
}

// where is the condition on column col (a code column) and its arguments.
func (s codeSet) where(col string) (string, []any) {
	if s.ranged {
		return col + " BETWEEN ? AND ?", []any{s.codes[0], s.codes[len(s.codes)-1]}
	}
	return col + " IN ?", []any{s.codes}
}

func loadProjectFields(tx *gorm.DB, sn models.Snapshot, set codeSet, _ models.Month) error {
	defs := defsOf(models.ScopeProject)
	cond, args := set.where("code")
	rows, err := tx.Raw(`SELECT code, `+columnList("", defs)+` FROM projects WHERE `+cond, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	all := fieldsOf(models.ScopeProject)
	for rows.Next() {
		st := &models.Stored{Present: all}
		var code string
		if err := rows.Scan(append([]any{&code}, scanInto(&st.Facts, defs)...)...); err != nil {
			return err
		}
		if set.ranged && !set.want[code] {
			continue
		}
		sn[code] = st
	}
	return rows.Err()
}

func loadYearFields(tx *gorm.DB, sn models.Snapshot, set codeSet, period models.Month) error {
	defs := defsOf(models.ScopeYear)
	cond, args := set.where("code")
	rows, err := tx.Raw(`SELECT code, `+columnList("", defs)+` FROM plan_entries WHERE year = ? AND `+cond, append([]any{period.Year()}, args...)...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	all := fieldsOf(models.ScopeYear)
	for rows.Next() {
		var code string
		var f models.Facts
		if err := rows.Scan(append([]any{&code}, scanInto(&f, defs)...)...); err != nil {
			return err
		}
		if st := sn[code]; st != nil {
			models.CopyFields(&st.Facts, &f, all)
			st.OnList, st.Present = true, st.Present|all
		}
	}
	return rows.Err()
}

func loadMonthFields(tx *gorm.DB, sn models.Snapshot, set codeSet, period models.Month) error {
	defs := defsOf(models.ScopeMonth)
	cond, args := set.where("code")
	rows, err := tx.Raw(`SELECT code, period, source, import_id, `+columnList("", defs)+` FROM investments
		WHERE year = ? AND period <= ? AND `+cond+` ORDER BY period`, append([]any{period.Year(), int(period)}, args...)...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	n := newNullable(defs)
	for rows.Next() {
		var code, source string
		var p int
		var importID *int64
		if err := rows.Scan(append([]any{&code, &p, &source, &importID}, n.dests()...)...); err != nil {
			return err
		}
		st := sn[code]
		if st == nil {
			continue
		}
		var f models.Facts
		present := n.apply(&f)
		switch {
		case models.Month(p) == period:
			models.CopyFields(&st.Facts, &f, present)
			st.Present |= present
			st.MonthImport, st.MonthSource = importID, source
		case present&models.FieldCompletedYTD != 0:
			st.Previous, st.HasPrevious = f.CompletedYTD, true
		}
	}
	return rows.Err()
}

// loadStartReports names, for each project, the committed import that last
// set its actual start, so that a ledger of an earlier month can say which
// report it may not undo.
func loadStartReports(tx *gorm.DB, sn models.Snapshot, set codeSet, _ models.Month) error {
	codes := set.codes // by list: the range of the change log's index would hold every field's changes
	var rows []struct {
		Code     string
		ImportID int64
		FileName string
		Period   int
	}
	// CROSS JOIN keeps SQLite looking the codes up in the change log's
	// index: given thousands of codes, its planner otherwise walked every
	// change of every committed import (imports_status first), 0.3 s a
	// part of a 200,000-row update (PostgreSQL plans the join either way).
	err := tx.Raw(`SELECT c.code, c.import_id, i.file_name, i.period FROM import_changes c CROSS JOIN imports i
		WHERE i.id = c.import_id AND c.field = 'actual_start' AND i.status = ? AND c.code IN ? ORDER BY c.import_id`, models.StatusCommitted, codes).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		if st := sn[r.Code]; st != nil {
			st.StartReport = fmt.Sprintf("%d年%d月的第%d号导入（%s）", r.Period/100, r.Period%100, r.ImportID, r.FileName)
		}
	}
	return nil
}
