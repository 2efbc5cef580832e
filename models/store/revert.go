package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tracker/models"
)

// RevertImport undoes a committed import: every value it changed returns
// to what it was before and what it created is removed. When a later
// import that is still in force changed the same values, the revert is
// refused and names the import to revert first.
func (s *Store) RevertImport(ctx context.Context, id int64, by models.User) (*Import, error) {
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		row, err := importIn(tx, id, StatusCommitted, "撤销")
		if err == nil {
			err = checkUnlocked(tx, models.Month(row.Period))
		}
		if err != nil {
			return err
		}
		changes, err := loadChanges(tx, id, models.Month(row.Period))
		if err != nil {
			return err
		}
		if err := checkNoLaterChanges(tx, &row, changes); err != nil {
			return err
		}
		if err := undo(tx, &row, changes); err != nil {
			return err
		}
		now := s.now()
		row.Status, row.RevertedAt, row.RevertedBy = StatusReverted, &now, by.Name
		return tx.Omit("file_data").Save(&row).Error
	})
	if err != nil {
		return nil, err
	}
	return s.Import(ctx, id)
}

// laterChange is a change by a later import still in force.
type laterChange struct {
	ImportID int64
	Period   int
	Code     string
	Field    string
	FileName string
}

// checkNoLaterChanges refuses when a later committed import changed one of
// the same values (the same field, of the same year for plan fields and
// the same month for figures), or touched a project this import created.
func checkNoLaterChanges(tx *gorm.DB, row *importRow, changes []Change) error {
	codes := map[string]bool{}
	for _, c := range changes {
		codes[c.Code] = true
	}
	list := make([]string, 0, len(codes))
	for c := range codes {
		list = append(list, c)
	}
	mine := map[string]bool{}
	for _, c := range changes {
		mine[c.Code+"\x00"+c.Field] = true
	}
	for start := 0; start < len(list); start += 500 {
		var later []laterChange
		err := tx.Table("import_changes c").Select("c.import_id, i.period, c.code, c.field, i.file_name").
			Joins("JOIN imports i ON i.id = c.import_id").
			Where("i.id > ? AND i.status = ? AND c.code IN ?", row.ID, StatusCommitted, list[start:min(start+500, len(list))]).
			Order("c.import_id DESC").Scan(&later).Error
		if err != nil {
			return err
		}
		for _, l := range later {
			if conflicts(row, mine, l) {
				return models.Errorf(models.ECONFLICT, "第%d号导入（%s）之后又修改了项目 %s 的同一数据，请先撤销第%d号导入，再撤销本次导入",
					l.ImportID, l.FileName, l.Code, l.ImportID)
			}
		}
	}
	return nil
}

func conflicts(row *importRow, mine map[string]bool, l laterChange) bool {
	if mine[l.Code+"\x00"+fieldProject] {
		return true // a later import built on a project this one created
	}
	same := mine[l.Code+"\x00"+l.Field] || isPlanField(l.Field) && mine[l.Code+"\x00"+fieldPlanEntry]
	switch {
	case !same:
		return false
	case l.Field == fieldCompleted:
		return l.Period == row.Period
	case isPlanField(l.Field):
		return l.Period/100 == row.Period/100
	}
	return true
}

func isPlanField(f string) bool {
	return f == fieldPlanEntry || f == fieldNature || f == fieldPlan || f == fieldPlanned
}

// undo restores the changes in reverse order. Values that did not exist
// before are removed: a figure is deleted, a created plan entry or project
// is deleted with everything under it.
func undo(tx *gorm.DB, row *importRow, changes []Change) error {
	w := &writer{tx: tx, importID: row.ID, period: models.Month(row.Period)}
	for i := len(changes) - 1; i >= 0; i-- {
		c := changes[i]
		var err error
		switch c.Field {
		case fieldProject:
			err = tx.Where("code = ?", c.Code).Delete(&projectRow{}).Error
		case fieldPlanEntry:
			err = tx.Where("year = ? AND code = ?", row.Period/100, c.Code).Delete(&planRow{}).Error
		case fieldCompleted:
			err = w.setCompleted(c.Code, c.Old, c.oldImportID, c.oldSource)
		default:
			if c.Old != nil {
				err = w.setColumn(c.Code, c.Field, c.Old)
			}
		}
		if err != nil {
			return fmt.Errorf("undo %s %s: %w", c.Code, c.Field, err)
		}
	}
	return nil
}
