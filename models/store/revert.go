package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tracker/models"
)

// RevertImport undoes a committed import: every value it changed returns
// to what it was before and what it created is removed. When a later
// import that is still in force changed the same values, the revert is
// refused and names the import to revert first. The import comes back
// without its changes (ChangeCount says how many).
func (s *Store) RevertImport(ctx context.Context, id int64, by models.User) (*models.Import, error) {
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		row, err := importIn(tx, id, models.StatusCommitted, "撤销")
		if err == nil {
			err = checkUnlocked(tx, models.Month(row.Period))
		}
		if err != nil {
			return err
		}
		changes, err := loadChanges(tx, id, models.Month(row.Period), 0, false)
		if err == nil {
			err = checkYearUnlocked(tx, models.Month(row.Period).Year(), changes)
		}
		if err != nil {
			return err
		}
		if err := checkNoLaterChanges(tx, &row, changes); err != nil {
			return err
		}
		now := s.now()
		if err := undo(tx, &row, changes, now); err != nil {
			return err
		}
		if row.Kind == models.ImportList {
			if err := unestablishList(tx, row.Period/100, row.ID); err != nil {
				return err
			}
		}
		row.Status, row.RevertedAt, row.RevertedBy = models.StatusReverted, &now, by.Name
		return tx.Save(&row).Error
	})
	if err != nil {
		return nil, err
	}
	return s.ImportHead(ctx, id) // its changes stay to read (EachChange)
}

// checkNoLaterChanges refuses when a later committed import still in
// force changed one of the same values (models.RevertTargets decides
// which count), naming the import to revert first.
func checkNoLaterChanges(tx *gorm.DB, row *importRow, changes []models.Change) error {
	t := models.NewRevertTargets(models.Month(row.Period), changes)
	for start := 0; start < len(t.Codes); start += 500 {
		var later []struct {
			ImportID int64
			Period   int
			Code     string
			Field    string
			FileName string
		}
		err := laterChanges(tx, row.ID, t.Codes[start:min(start+500, len(t.Codes))]).Scan(&later).Error
		if err != nil {
			return err
		}
		for _, l := range later {
			if t.RevertBlocked(models.LaterChange{ImportID: l.ImportID, Period: models.Month(l.Period), Code: l.Code, Field: l.Field, FileName: l.FileName}) {
				return models.Errorf(models.ECONFLICT, "第%d号导入（%s）之后又修改了项目 %s 的同一数据，请先撤销第%d号导入，再撤销本次导入",
					l.ImportID, l.FileName, l.Code, l.ImportID)
			}
		}
	}
	return nil
}

// laterChanges selects the changes of committed imports after import id
// to the codes, newest first. CROSS JOIN keeps SQLite looking the codes up
// in the change log's index (import_changes_target): otherwise it walked
// every change of every later committed import for each 500 codes (0.18 s
// a batch after one 200,000-row update, 0.003 s so; growing with the
// history).
func laterChanges(tx *gorm.DB, id int64, codes []string) *gorm.DB {
	return tx.Table("import_changes c").Select("c.import_id, i.period, c.code, c.field, i.file_name").
		Joins("CROSS JOIN imports i").
		Where("i.id = c.import_id AND i.id > ? AND i.status = ? AND c.code IN ?", id, models.StatusCommitted, codes).
		Order("c.import_id DESC")
}

// undo restores the changes in reverse order. Values that did not exist
// before are removed: a month's value is cleared, a created plan entry or
// project is deleted with everything under it.
func undo(tx *gorm.DB, row *importRow, changes []models.Change, now time.Time) error {
	w := &writer{tx: tx, importID: row.ID, period: models.Month(row.Period), now: now}
	for i := len(changes) - 1; i >= 0; i-- {
		c := changes[i]
		var err error
		switch {
		case c.Field == models.ChangeProject:
			err = tx.Exec("DELETE FROM projects WHERE code = ?", c.Code).Error
		case c.Field == models.ChangePlanEntry:
			err = tx.Exec("DELETE FROM plan_entries WHERE year = ? AND code = ?", row.Period/100, c.Code).Error
		case models.ScopeOfChange(c.Field) == models.ScopeMonth:
			err = w.restoreMonth(c)
		default: // a value that did not exist goes back to none (zero)
			err = w.setColumn(c.Code, c.Field, c.Old)
		}
		if err != nil {
			return fmt.Errorf("undo %s %s: %w", c.Code, c.Field, err)
		}
	}
	return nil
}
