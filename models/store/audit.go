package store

import (
	"context"

	"tracker/models"
)

// Audit returns the changes of committed and reverted imports and edits,
// newest first.
func (s *Store) Audit(ctx context.Context, f models.AuditFilter) ([]models.AuditEntry, error) {
	q := s.db.WithContext(ctx).Table("import_changes c").
		Select(`c.import_id, i.kind, i.file_name, i.user_name AS "user", i.committed_at AS "at", i.status, i.reverted_by,
			i.reverted_at, c.code, c.field, i.period, c.old_value AS "old", c.new_value AS "new"`).
		Joins("JOIN imports i ON i.id = c.import_id").
		Where("i.status IN ?", []models.ImportStatus{models.StatusCommitted, models.StatusReverted})
	if f.Code != "" {
		q = q.Where("c.code = ?", f.Code)
	}
	if f.User != "" {
		q = q.Where("i.user_name = ?", f.User)
	}
	if f.District != "" {
		q = q.Where("(',' || i.district || ',') LIKE ?", "%,"+escapeLike(f.District)+",%")
	}
	if !f.From.IsZero() {
		q = q.Where("i.committed_at >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("i.committed_at < ?", f.To)
	}
	if f.Limit <= 0 || f.Limit > 100000 {
		f.Limit = 1000
	}
	var out []models.AuditEntry
	err := q.Order("c.import_id DESC, c.seq").Limit(f.Limit).Scan(&out).Error
	for i := range out {
		if models.ScopeOfChange(out[i].Field) != models.ScopeMonth {
			out[i].Period = 0
		}
	}
	return out, err
}
