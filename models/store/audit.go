package store

import (
	"context"
	"time"

	"tracker/models"
)

// Audit returns the changes of committed and reverted imports and edits,
// newest first, with each hand edit's 修改原因 and, for a unit's upload,
// when it was sent and who approved it; the changes a submitted upload
// would make and those of a returned one are listed too (status 待审核 or
// 已退回, with the reason), so every step of the review is in the trail.
// A change's time is its commit's, else its review's, else its sending's.
func (s *Store) Audit(ctx context.Context, f models.AuditFilter) ([]models.AuditEntry, error) {
	q := s.db.WithContext(ctx).Table("import_changes c").
		Select(`c.import_id, i.kind, i.file_name, i.user_name AS "user", i.committed_at, i.status, i.reverted_by,
			i.reverted_at, c.code, c.field, i.period, c.old_value AS "old", c.new_value AS "new", i.note, i.submitted_at,
			i.reviewed_by, i.reviewed_at, i.return_reason`).
		Joins("JOIN imports i ON i.id = c.import_id").
		Where("i.status IN ?", []models.ImportStatus{models.StatusCommitted, models.StatusReverted, models.StatusSubmitted, models.StatusReturned})
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
		q = q.Where(auditAt+" >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where(auditAt+" < ?", f.To)
	}
	if f.Limit <= 0 || f.Limit > 100000 {
		f.Limit = 1000
	}
	var rows []struct {
		models.AuditEntry
		CommittedAt *time.Time
	}
	err := q.Order("c.import_id DESC, c.seq").Limit(f.Limit).Scan(&rows).Error
	out := make([]models.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = r.AuditEntry
		out[i].At = firstTime(r.CommittedAt, r.ReviewedAt, r.SubmittedAt)
		if models.ScopeOfChange(out[i].Field) != models.ScopeMonth {
			out[i].Period = 0
		}
	}
	return out, err
}

// firstTime is the first of ts that is set, nil for none.
func firstTime(ts ...*time.Time) *time.Time {
	for _, t := range ts {
		if t != nil {
			return t
		}
	}
	return nil
}

// auditAt is when an audit entry's change happened (see Audit).
const auditAt = "COALESCE(i.committed_at, i.reviewed_at, i.submitted_at)"
