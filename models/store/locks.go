package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tracker/models"
)

// Lock closes a quarter: once its 通报 has gone out, its figures must not
// move, so imports and edits for its months are refused.
type Lock struct {
	Year     int       `json:"year"`
	Quarter  int       `json:"quarter"`
	LockedBy string    `json:"locked_by"`
	LockedAt time.Time `json:"locked_at"`
}

type lockRow struct {
	Year     int `gorm:"primaryKey"`
	Quarter  int `gorm:"primaryKey"`
	LockedBy string
	LockedAt time.Time
}

func (lockRow) TableName() string { return "locks" }

// LockQuarter locks a quarter; locking it again changes nothing.
func (s *Store) LockQuarter(ctx context.Context, year, quarter int, by models.User) error {
	if quarter < 1 || quarter > 4 || year < 1990 || year > 2100 {
		return models.Errorf(models.EINVALID, "季度无效：%d年第%d季度", year, quarter)
	}
	row := lockRow{Year: year, Quarter: quarter, LockedBy: by.Name, LockedAt: s.now()}
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error
}

// UnlockQuarter reopens a quarter.
func (s *Store) UnlockQuarter(ctx context.Context, year, quarter int) error {
	return s.db.WithContext(ctx).Where("year = ? AND quarter = ?", year, quarter).Delete(&lockRow{}).Error
}

// Locks returns the locked quarters, newest first.
func (s *Store) Locks(ctx context.Context) ([]Lock, error) {
	var rows []lockRow
	if err := s.db.WithContext(ctx).Order("year DESC, quarter DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Lock, len(rows))
	for i, r := range rows {
		out[i] = Lock(r)
	}
	return out, nil
}

// checkUnlocked refuses a change to month m when its quarter is locked.
func checkUnlocked(tx *gorm.DB, m models.Month) error {
	var n int64
	q := (m.Num() + 2) / 3
	if err := tx.Model(&lockRow{}).Where("year = ? AND quarter = ?", m.Year(), q).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return models.Errorf(models.ECONFLICT, "%d年第%d季度已锁定（通报已发布），不能再导入或修改%d年%d月的数据；如确需更正，请联系管理员解锁",
			m.Year(), q, m.Year(), m.Num())
	}
	return nil
}
