package store

import (
	"context"
	"encoding/json"
	"time"

	"tracker/models"
)

// Audit returns the changes of committed and reverted imports and edits,
// newest first, with each hand edit's 修改原因 and, for a unit's upload,
// when it was sent and who approved it; the changes a submitted upload
// would make and those of a returned one are listed too (status 待审核 or
// 已退回, with the reason), so every step of the review is in the trail,
// marked not applied (AuditEntry.Applied false); f.Applied leaves them out.
// A change's time is its commit's, else its review's, else its sending's.
// The steps of 督办 items (kind supervision, see models.AuditEntry) are
// merged in by time unless f.ImportsOnly; District selects an item's
// responsible unit, Code its project, User who took the step.
func (s *Store) Audit(ctx context.Context, f models.AuditFilter) ([]models.AuditEntry, error) {
	if f.Limit <= 0 || f.Limit > 100000 {
		f.Limit = 1000
	}
	changes, err := s.importAudit(ctx, f)
	if err != nil || f.ImportsOnly {
		return changes, err
	}
	steps, err := s.supervisionAudit(ctx, f)
	if err != nil {
		return nil, err
	}
	return mergeAudit(changes, steps, f.Limit), nil
}

// importAudit is the trail of imports and edits (see Audit).
func (s *Store) importAudit(ctx context.Context, f models.AuditFilter) ([]models.AuditEntry, error) {
	q := s.db.WithContext(ctx).Table("import_changes c").
		Select(`c.import_id, i.kind, i.file_name, i.user_name AS "user", i.committed_at, i.status, i.reverted_by,
			i.reverted_at, c.code, c.field, i.period, c.old_value AS "old", c.new_value AS "new", i.note, i.submitted_at,
			i.reviewed_by, i.reviewed_at, i.return_reason, i.withdrawn_by, i.withdrawn_at`).
		Joins("JOIN imports i ON i.id = c.import_id").
		Where("i.status IN ?", []models.ImportStatus{models.StatusCommitted, models.StatusReverted, models.StatusSubmitted, models.StatusReturned,
			models.StatusWithdrawn})
	if f.Applied {
		q = q.Where("i.status IN ?", []models.ImportStatus{models.StatusCommitted, models.StatusReverted})
	}
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
	var rows []struct {
		models.AuditEntry
		CommittedAt *time.Time
	}
	if err := q.Order("c.import_id DESC, c.seq").Limit(f.Limit).Scan(&rows).Error; err != nil {
		return nil, err
	}
	reasons, err := s.importReasons(ctx, len(rows), func(i int) int64 { return rows[i].ImportID })
	if err != nil {
		return nil, err
	}
	out := make([]models.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = r.AuditEntry
		out[i].At = firstTime(r.CommittedAt, r.ReviewedAt, r.WithdrawnAt, r.SubmittedAt)
		out[i].Applied = out[i].Status.Applied()
		out[i].Reason = models.AuditReason(out[i], reasons[r.ImportID])
		if models.ScopeOfChange(out[i].Field) != models.ScopeMonth {
			out[i].Period = 0
		}
	}
	return out, nil
}

// ImportReason returns an import's own reason (see importReason): a list
// change's, or the one its 增补 or 更正 was allowed with; "" for none.
func (s *Store) ImportReason(ctx context.Context, id int64) (string, error) {
	r, err := s.importReasons(ctx, 1, func(int) int64 { return id })
	return r[id], err
}

// importReasons returns the own reason (importReason) of each import the
// n rows name, by import ID, reading each import once.
func (s *Store) importReasons(ctx context.Context, n int, id func(i int) int64) (map[int64]string, error) {
	out := map[int64]string{}
	var ids []int64
	for i := range n {
		if _, ok := out[id(i)]; !ok {
			out[id(i)] = ""
			ids = append(ids, id(i))
		}
	}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		var rows []struct {
			ID          int64
			Kind        models.ImportKind
			ReadOptions string
			ListFile    []byte
		}
		err := s.db.WithContext(ctx).Table("imports").Where("id IN ?", chunk).
			Select("id, kind, read_options, " + listFileColumn("imports", "list_file")).Scan(&rows).Error
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[r.ID] = importReason(r.Kind, r.ListFile, r.ReadOptions)
		}
	}
	return out, nil
}

// importReason is an import's own reason: a list change's (kept in its
// record), or the reason an upload's additions or correction were allowed
// with (its read options); "" for none.
func importReason(kind models.ImportKind, listFile []byte, options string) string {
	var v struct {
		Reason string
		Rules  struct{ Reason string }
	}
	if kind == models.ImportListChange {
		if json.Unmarshal(listFile, &v) != nil {
			return ""
		}
		return v.Reason
	}
	if options != "" && json.Unmarshal([]byte(options), &v) == nil {
		return v.Rules.Reason
	}
	return ""
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
const auditAt = "COALESCE(i.committed_at, i.reviewed_at, i.withdrawn_at, i.submitted_at)"

// supervisionAudit is the trail of 督办 steps, newest first: Old and New
// the item's status before and after the step, Note what was said.
func (s *Store) supervisionAudit(ctx context.Context, f models.AuditFilter) ([]models.AuditEntry, error) {
	q := s.db.WithContext(ctx).Table("supervision_steps st").
		Select("st.supervision_id, st.action, st.status, st.user_name, st.step_at, st.note, sv.code, prev.status AS prev_status").
		Joins("JOIN supervisions sv ON sv.id = st.supervision_id").
		Joins("LEFT JOIN supervision_steps prev ON prev.supervision_id = st.supervision_id AND prev.seq = st.seq - 1")
	if f.Code != "" {
		q = q.Where("sv.code = ?", f.Code)
	}
	if f.User != "" {
		q = q.Where("st.user_name = ?", f.User)
	}
	if f.District != "" {
		q = q.Where("sv.unit = ?", f.District)
	}
	if !f.From.IsZero() {
		q = q.Where("st.step_at >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("st.step_at < ?", f.To)
	}
	var rows []struct {
		SupervisionID int64
		Action        models.SupervisionAction
		Status        string
		UserName      string
		StepAt        time.Time
		Note          string
		Code          string
		PrevStatus    *string
	}
	if err := q.Order("st.step_at DESC, st.supervision_id DESC, st.seq DESC").Limit(f.Limit).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]models.AuditEntry, len(rows))
	for i, r := range rows {
		at, status := r.StepAt.UTC(), r.Status
		out[i] = models.AuditEntry{Kind: models.AuditSupervision, User: r.UserName, At: &at, Code: r.Code, Field: "supervision",
			Old: r.PrevStatus, New: &status, Note: r.Note, SupervisionID: r.SupervisionID, Action: r.Action}
		out[i].Reason = models.AuditReason(out[i], "")
	}
	return out, nil
}

// mergeAudit merges the import trail and the 督办 steps, both newest
// first, into one list of at most limit entries: a step goes before the
// first change older than it, so each list keeps its own order.
func mergeAudit(changes, steps []models.AuditEntry, limit int) []models.AuditEntry {
	out := make([]models.AuditEntry, 0, min(limit, len(changes)+len(steps)))
	for len(out) < limit && (len(changes) > 0 || len(steps) > 0) {
		if len(steps) > 0 && (len(changes) == 0 || changes[0].At == nil || steps[0].At.After(*changes[0].At)) {
			out, steps = append(out, steps[0]), steps[1:]
		} else {
			out, changes = append(out, changes[0]), changes[1:]
		}
	}
	return out
}
