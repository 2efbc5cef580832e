package store

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"tracker/models"
)

// ownUnit is the unit whose own upload an import of u is: a district
// uploader's; "" for the office and reviewers.
func ownUnit(u models.User) string {
	if u.Role == models.RoleUploader {
		return u.District
	}
	return ""
}

// markSubmitted puts a planned upload (a preview) up for the office's
// review: nothing applied. An upload none of whose rows can be applied
// stays rejected: there is nothing to review.
func (s *Store) markSubmitted(tx *gorm.DB, imp *models.Import) error {
	if imp.Status != models.StatusPreviewed {
		return nil
	}
	now := s.now()
	err := tx.Model(&importRow{}).Where("id = ?", imp.ID).
		Updates(map[string]any{"status": models.StatusSubmitted, "submitted_at": now}).Error
	if err == nil {
		imp.Status, imp.SubmittedAt = models.StatusSubmitted, &now
	}
	return err
}

// SubmitImport sends a previewed upload for the office's review: its
// changes are computed again against the database as it is now (the
// office reviews what approving would do), nothing is applied. Like
// CommitImport it comes back without its changes.
func (s *Store) SubmitImport(ctx context.Context, id int64, ledger *models.Ledger, user models.User, rules ImportRules) (*models.Import, error) {
	var out *models.Import
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		row, err := importIn(tx, id, models.StatusPreviewed, "提交审核")
		if err == nil {
			err = checkOpen(tx, models.Month(row.Period), rules, user)
		}
		if err != nil {
			return err
		}
		if out, err = s.plan(tx, &row, ledger, user, rules, false, true); err != nil {
			return err
		}
		return s.markSubmitted(tx, out)
	})
	return out, err
}

// ApproveImport applies a submitted upload, as a commit does: the ledger
// is read again by the caller and planned with the sender's rights
// (sender), so the office's approval applies exactly the rows the unit
// may send. reviewer is who approved it. Like CommitImport it comes back
// without its changes.
func (s *Store) ApproveImport(ctx context.Context, id int64, ledger *models.Ledger, sender, reviewer models.User, rules ImportRules) (*models.Import, error) {
	var out *models.Import
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		row, err := importIn(tx, id, models.StatusSubmitted, "审核通过")
		if err == nil {
			err = checkOpen(tx, models.Month(row.Period), rules, sender)
		}
		if err != nil {
			return err
		}
		now := s.now()
		row.ReviewedBy, row.ReviewedAt = reviewer.Name, &now
		out, err = s.plan(tx, &row, ledger, sender, rules, true, true)
		return err
	})
	return out, err
}

// ReturnImport sends a submitted upload back to its unit with a reason
// (required): nothing is applied, the unit sees why and uploads again.
func (s *Store) ReturnImport(ctx context.Context, id int64, reviewer models.User, reason string) (*models.Import, error) {
	reason = models.TrimText(reason)
	if reason == "" {
		return nil, models.Errorf(models.EINVALID, "请写明退回原因，便于报送单位修改后重新上传")
	}
	if n := len([]rune(reason)); n > 500 {
		return nil, models.Errorf(models.EINVALID, "退回原因最多 500 个字，收到 %d 个字", n)
	}
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		if _, err := importIn(tx, id, models.StatusSubmitted, "退回"); err != nil {
			return err
		}
		return tx.Model(&importRow{}).Where("id = ?", id).Updates(map[string]any{"status": models.StatusReturned,
			"reviewed_by": reviewer.Name, "reviewed_at": s.now(), "return_reason": reason}).Error
	})
	if err != nil {
		return nil, err
	}
	return s.Import(ctx, id)
}

// WithdrawImport takes a submitted upload or hand edit back before review
// (撤回, by user: its sender or the office): nothing was applied and
// nothing is; its kept file and changes stay for its page and the audit
// trail, and it is no longer its unit's 报送.
func (s *Store) WithdrawImport(ctx context.Context, id int64, user models.User) (*models.Import, error) {
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		if _, err := importIn(tx, id, models.StatusSubmitted, "撤回"); err != nil {
			return err
		}
		return tx.Model(&importRow{}).Where("id = ?", id).Updates(map[string]any{"status": models.StatusWithdrawn,
			"withdrawn_by": user.Name, "withdrawn_at": s.now()}).Error
	})
	if err != nil {
		return nil, err
	}
	return s.Import(ctx, id)
}

// SubmittedImports returns the submitted (待审核) uploads and hand edits
// that would change project code, oldest first: changes not in force,
// which the project page names apart from its 修改记录. Each has its
// number, kind, status, sender and units, what the policy needs to say who
// may see it (models.MayViewImport).
func (s *Store) SubmittedImports(ctx context.Context, code string) ([]models.Import, error) {
	var rows []importRow
	err := s.db.WithContext(ctx).Table("imports i").Select("i.id, i.kind, i.status, i.user_name, i.district, i.unit").
		Where("i.status = ? AND EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = i.id AND c.code = ?)", models.StatusSubmitted, code).
		Order("i.id").Scan(&rows).Error
	out := make([]models.Import, len(rows))
	for i, r := range rows {
		out[i] = models.Import{ID: r.ID, Kind: r.Kind, Status: r.Status, User: r.UserName, Unit: r.Unit, Districts: []string{}}
		if r.District != "" {
			out[i].Districts = strings.Split(r.District, ",")
		}
	}
	return out, err
}

// Resent returns the uploads that send returned upload id again (重新报送:
// their read options name it as replaced), oldest first, with their
// status; a preview not yet sent is left out.
func (s *Store) Resent(ctx context.Context, id int64) ([]models.Import, error) {
	var rows []struct {
		ID     int64
		Status models.ImportStatus
	}
	tag := fmt.Sprintf(`%%"replaces":%d`, id)
	err := s.db.WithContext(ctx).Table("imports").Select("id, status").
		Where("(read_options LIKE ? OR read_options LIKE ?) AND status <> ?", tag+"}%", tag+",%", models.StatusPreviewed).
		Order("id").Scan(&rows).Error
	out := make([]models.Import, len(rows))
	for i, r := range rows {
		out[i] = models.Import{ID: r.ID, Status: r.Status}
	}
	return out, err
}
