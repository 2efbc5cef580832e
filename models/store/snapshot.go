package store

import (
	"fmt"

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
		if err := loadProjectFields(tx, sn, codes[start:min(start+5000, len(codes))], period); err != nil {
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
		chunk := known[start:min(start+5000, len(known))]
		for _, load := range []func(*gorm.DB, models.Snapshot, []string, models.Month) error{loadYearFields, loadMonthFields, loadStartReports} {
			if err := load(tx, sn, chunk, period); err != nil {
				return nil, err
			}
		}
	}
	return sn, nil
}

func loadProjectFields(tx *gorm.DB, sn models.Snapshot, codes []string, _ models.Month) error {
	defs := defsOf(models.ScopeProject)
	rows, err := tx.Raw(`SELECT code, `+columnList("", defs)+` FROM projects WHERE code IN ?`, codes).Rows()
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
		sn[code] = st
	}
	return rows.Err()
}

func loadYearFields(tx *gorm.DB, sn models.Snapshot, codes []string, period models.Month) error {
	defs := defsOf(models.ScopeYear)
	rows, err := tx.Raw(`SELECT code, `+columnList("", defs)+` FROM plan_entries WHERE year = ? AND code IN ?`, period.Year(), codes).Rows()
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

func loadMonthFields(tx *gorm.DB, sn models.Snapshot, codes []string, period models.Month) error {
	defs := defsOf(models.ScopeMonth)
	rows, err := tx.Raw(`SELECT code, period, source, import_id, `+columnList("", defs)+` FROM investments
		WHERE year = ? AND period <= ? AND code IN ? ORDER BY period`, period.Year(), int(period), codes).Rows()
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
func loadStartReports(tx *gorm.DB, sn models.Snapshot, codes []string, _ models.Month) error {
	var rows []struct {
		Code     string
		ImportID int64
		FileName string
		Period   int
	}
	err := tx.Raw(`SELECT c.code, c.import_id, i.file_name, i.period FROM import_changes c JOIN imports i ON i.id = c.import_id
		WHERE c.field = 'actual_start' AND i.status = ? AND c.code IN ? ORDER BY c.import_id`, models.StatusCommitted, codes).Scan(&rows).Error
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
