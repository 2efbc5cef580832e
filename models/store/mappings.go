package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tracker/models"
)

type mappingRow struct {
	ID        int64 `gorm:"primaryKey"`
	Unit      string
	Signature string
	Sheet     string
	Columns   string
	Labels    string
	UserName  string
	UpdatedAt time.Time
}

func (mappingRow) TableName() string { return "column_mappings" }

func (r mappingRow) toMapping() models.ColumnMapping {
	m := models.ColumnMapping{ID: r.ID, Unit: r.Unit, Signature: r.Signature, Sheet: r.Sheet, User: r.UserName, UpdatedAt: r.UpdatedAt,
		Columns: map[string]string{}, Labels: map[string]string{}}
	_ = json.Unmarshal([]byte(r.Columns), &m.Columns) // a damaged row maps nothing
	_ = json.Unmarshal([]byte(r.Labels), &m.Labels)
	return m
}

// ColumnMappings returns the remembered readings of header layouts, of one
// unit when unit is not nil ("" is the office's own), else of all, by unit
// and newest first.
func (s *Store) ColumnMappings(ctx context.Context, unit *string) ([]models.ColumnMapping, error) {
	q := s.db.WithContext(ctx).Order("unit, updated_at DESC, id DESC")
	if unit != nil {
		q = q.Where("unit = ?", *unit)
	}
	var rows []mappingRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]models.ColumnMapping, len(rows))
	for i, r := range rows {
		out[i] = r.toMapping()
	}
	return out, nil
}

// ColumnMapping returns one remembered reading.
func (s *Store) ColumnMapping(ctx context.Context, id int64) (models.ColumnMapping, error) {
	var row mappingRow
	if err := s.db.WithContext(ctx).First(&row, id).Error; err != nil {
		return models.ColumnMapping{}, notFound(err, "没有编号为 %d 的列对应关系", id)
	}
	return row.toMapping(), nil
}

// SaveColumnMapping remembers a reading of a unit's header layout,
// replacing the one it had.
func (s *Store) SaveColumnMapping(ctx context.Context, m models.ColumnMapping) error {
	cols, err := json.Marshal(m.Columns)
	if err != nil {
		return err
	}
	labels, err := json.Marshal(m.Labels)
	if err != nil {
		return err
	}
	row := mappingRow{Unit: m.Unit, Signature: m.Signature, Sheet: m.Sheet, Columns: string(cols), Labels: string(labels), UserName: m.User, UpdatedAt: s.now()}
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "unit"}, {Name: "signature"}},
		DoUpdates: clause.AssignmentColumns([]string{"sheet", "columns", "labels", "user_name", "updated_at"}),
	}).Create(&row).Error
}

// DeleteColumnMapping forgets a remembered reading; the unit's next ledger
// of that layout is read by its labels and content again.
func (s *Store) DeleteColumnMapping(ctx context.Context, id int64) error {
	res := s.db.WithContext(ctx).Delete(&mappingRow{}, id)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return notFound(gorm.ErrRecordNotFound, "没有编号为 %d 的列对应关系", id)
	}
	return nil
}
