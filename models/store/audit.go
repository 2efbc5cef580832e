package store

import (
	"context"
	"time"

	"tracker/models"
)

// AuditEntry is one value an upload or a hand edit changed: who, when,
// through which import, old and new. Reverted changes stay in the trail
// with the revert's time and person.
type AuditEntry struct {
	ImportID   int64        `json:"import_id"`
	Kind       string       `json:"kind"`
	FileName   string       `json:"file_name"`
	User       string       `json:"user"`
	At         *time.Time   `json:"at"`
	Status     string       `json:"status"`
	RevertedBy string       `json:"reverted_by,omitempty"`
	RevertedAt *time.Time   `json:"reverted_at,omitempty"`
	Code       string       `json:"code"`
	Field      string       `json:"field"`
	Period     models.Month `json:"period"`
	Old        *string      `json:"old"`
	New        *string      `json:"new"`
}

// AuditFilter selects audit entries; zero fields select all.
type AuditFilter struct {
	Code     string
	User     string
	District string
	From, To time.Time // on the change's commit time
	Limit    int       // default 1000
}

// Audit returns the changes of committed and reverted imports and edits,
// newest first.
func (s *Store) Audit(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	q := s.db.WithContext(ctx).Table("import_changes c").
		Select(`c.import_id, i.kind, i.file_name, i.user_name AS "user", i.committed_at AS "at", i.status, i.reverted_by,
			i.reverted_at, c.code, c.field, i.period, c.old_value AS "old", c.new_value AS "new"`).
		Joins("JOIN imports i ON i.id = c.import_id").
		Where("i.status IN ?", []string{StatusCommitted, StatusReverted})
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
	var out []AuditEntry
	err := q.Order("c.import_id DESC, c.seq").Limit(f.Limit).Scan(&out).Error
	for i := range out {
		if out[i].Field != fieldCompleted {
			out[i].Period = 0
		}
	}
	return out, err
}
