package store

import (
	"context"

	"gorm.io/gorm"

	"tracker/models"
)

// Users returns every user, active ones first, each group in name order.
func (s *Store) Users(ctx context.Context) ([]models.User, error) {
	var rows []userRow
	if err := s.db.WithContext(ctx).Order("disabled, name").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]models.User, len(rows))
	for i, r := range rows {
		out[i] = r.user()
	}
	return out, nil
}

// User returns one user by id, disabled or not.
func (s *Store) User(ctx context.Context, id int64) (models.User, error) {
	var row userRow
	if err := s.db.WithContext(ctx).First(&row, id).Error; err != nil {
		return models.User{}, notFound(err, "没有编号为 %d 的用户", id)
	}
	return row.user(), nil
}

// SetUserDisabled disables or re-enables a user. Disabling revokes every
// token the user holds, so open sessions end at once. The last active admin
// cannot be disabled: nobody could manage users afterwards.
func (s *Store) SetUserDisabled(ctx context.Context, id int64, disabled bool) error {
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		row, err := userTx(tx, id)
		if err != nil {
			return err
		}
		if disabled && row.Role == models.RoleAdmin {
			if err := keepOneAdmin(tx, id); err != nil {
				return err
			}
		}
		if err := tx.Model(&userRow{}).Where("id = ?", id).Update("disabled", disabled).Error; err != nil {
			return err
		}
		if !disabled {
			return nil
		}
		return tx.Where("user_id = ?", id).Delete(&tokenRow{}).Error
	})
}

// ResetPassword sets a new password (argon2id-hashed, one that
// models.CheckPassword accepts for the user) and revokes the user's tokens.
func (s *Store) ResetPassword(ctx context.Context, id int64, password string) error {
	if err := models.CheckPassword("", password); err != nil {
		return err
	}
	u, err := s.User(ctx, id)
	if err != nil {
		return err
	}
	if err := models.CheckPassword(u.Name, password); err != nil {
		return err
	}
	hash, err := hashPassword(ctx, password)
	if err != nil {
		return err
	}
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		if _, err := userTx(tx, id); err != nil {
			return err
		}
		// The admin now knows the password: its owner must choose a new one.
		err := tx.Model(&userRow{}).Where("id = ?", id).
			Updates(map[string]any{"password_hash": string(hash), "must_change_password": true}).Error
		if err != nil {
			return err
		}
		return tx.Where("user_id = ?", id).Delete(&tokenRow{}).Error
	})
}

// SetUserRole sets a user's role and reporting unit. An uploader must name
// an existing unit; other roles keep no unit. The last active admin keeps
// the admin role. The user's tokens stay valid: they carry no role.
func (s *Store) SetUserRole(ctx context.Context, id int64, role, district string) error {
	if role != models.RoleUploader {
		district = ""
	}
	if err := s.validateRole(ctx, role, district); err != nil {
		return err
	}
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		row, err := userTx(tx, id)
		if err != nil {
			return err
		}
		if row.Role == models.RoleAdmin && role != models.RoleAdmin && !row.Disabled {
			if err := keepOneAdmin(tx, id); err != nil {
				return err
			}
		}
		return tx.Model(&userRow{}).Where("id = ?", id).Updates(map[string]any{"role": role, "district": district}).Error
	})
}

func userTx(tx *gorm.DB, id int64) (userRow, error) {
	var row userRow
	if err := tx.First(&row, id).Error; err != nil {
		return row, notFound(err, "没有编号为 %d 的用户", id)
	}
	return row, nil
}

// keepOneAdmin refuses a change that would leave no active admin but the
// user id.
func keepOneAdmin(tx *gorm.DB, id int64) error {
	var n int64
	err := tx.Model(&userRow{}).Where("role = ? AND disabled = ? AND id <> ?", models.RoleAdmin, false, id).Count(&n).Error
	if err == nil && n == 0 {
		return models.Errorf(models.ECONFLICT, "这是唯一可用的管理员账号，不能停用或降级；请先设置另一位管理员")
	}
	return err
}

// validateRole checks a role and, for an uploader, that its unit exists.
func (s *Store) validateRole(ctx context.Context, role, district string) error {
	switch {
	case !models.ValidRole(role):
		return models.Errorf(models.EINVALID, "角色“%s”无效，应为管理员（admin）、填报员（uploader）或审阅人（reviewer）", role)
	case role != models.RoleUploader:
		return nil
	case district == "":
		return models.Errorf(models.EINVALID, "填报员必须指定所属单位")
	}
	units, err := s.Units(ctx)
	if err != nil {
		return err
	}
	for _, u := range units {
		if u.Name == district {
			return nil
		}
	}
	return models.Errorf(models.EINVALID, "单位“%s”不存在，请从列表中选择", district)
}
