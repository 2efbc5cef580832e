package store

import (
	"context"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"tracker/models"
	"tracker/models/demo"
)

// DemoSource is the source text of the demo's figures.
const DemoSource = "演示数据"

// SeedDemo loads the demo: the 2023 list and the 2024 list as the year ran
// (with its 增补, 调出 and 准备类 → 实施类, each recorded as a list change
// in the history and the audit trail). Loading it again changes nothing.
// It returns how many projects were new.
func (s *Store) SeedDemo(ctx context.Context) (int, error) {
	n23, err := s.SeedPortfolio(ctx, demo.Portfolio2023(), DemoSource)
	if err != nil {
		return 0, err
	}
	n24, err := s.SeedPortfolio(ctx, demo.Portfolio2024WithChanges(), DemoSource)
	if err != nil {
		return 0, err
	}
	return n23 + n24, s.recordListChanges(ctx, 2024, demo.ListChanges2024())
}

// recordListChanges writes the history of list changes whose effect a
// seed already holds: each as a committed list_change import with the
// changes it made, so the list's changes, the project pages and the audit
// trail show them and each can be reverted. A change already recorded is
// skipped.
func (s *Store) recordListChanges(ctx context.Context, year int, changes []models.ListChange) error {
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		for _, c := range changes {
			if err := recordListChange(tx, year, c, s); err != nil {
				return fmt.Errorf("record list change %s %s: %w", c.Code, c.Action, err)
			}
		}
		return nil
	})
}

func recordListChange(tx *gorm.DB, year int, c models.ListChange, s *Store) error {
	var n int64
	if err := tx.Table("imports").Where("kind = ? AND file_name = ? AND period = ?", models.ImportListChange, "清单调整 "+c.Code, int(c.Effective)).
		Count(&n).Error; err != nil || n > 0 {
		return err
	}
	sn, err := loadSnapshot(tx, []string{c.Code}, c.Effective)
	if err != nil || sn[c.Code] == nil {
		return err
	}
	var changes []models.Change
	if c.Action == models.ListAdd {
		n := string(sn[c.Code].Nature)
		changes = append(changes, models.Change{Code: c.Code, Field: models.ChangePlanEntry, New: &n})
	}
	field := map[models.ListAction]models.Field{models.ListAdd: models.FieldListFrom, models.ListRemove: models.FieldListUntil,
		models.ListImplement: models.FieldImplementedFrom}[c.Action]
	d, _ := field.Def()
	changes = append(changes, models.Change{Code: c.Code, Field: d.Name, New: sn.Value(c.Code, d)})
	now := s.now()
	c.At = &now
	raw, err := json.Marshal(c)
	if err != nil {
		return err
	}
	row := importRow{Status: models.StatusCommitted, Kind: models.ImportListChange, FileName: "清单调整 " + c.Code, SHA256: fileSHA256(raw),
		Period: int(c.Effective), UserName: c.User, CreatedAt: now, CommittedAt: &now, RowsTotal: 1, RowsImported: 1, Updated: 1,
		District: sn[c.Code].District, Problems: "[]", FileSize: int64(len(raw))}
	if err := tx.Create(&row).Error; err != nil {
		return err
	}
	if _, err := saveFileBytes(tx, row.ID, raw); err != nil {
		return err
	}
	return (&writer{tx: tx, importID: row.ID, period: c.Effective, now: now}).saveChanges(changes)
}
