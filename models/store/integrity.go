package store

import (
	"context"
	"strings"

	"tracker/models"
)

// IntegrityCheck verifies a SQLite database file: PRAGMA integrity_check
// (every page, index and constraint of the b-trees) and PRAGMA
// foreign_key_check (no row points at a missing parent). It returns nil
// when both find nothing, else an EINTERNAL error quoting up to ten of
// the problems SQLite reports. It reads the whole file, so it takes about
// a second per 100 MB. PostgreSQL checks its own pages; there it only
// pings.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	if s.dialect != "sqlite" {
		return s.Ping(ctx)
	}
	db := s.db.WithContext(ctx)
	var lines []string
	if err := db.Raw("PRAGMA integrity_check(10)").Scan(&lines).Error; err != nil {
		return models.Errorf(models.EINTERNAL, "数据库完整性检查失败：%v", cleanErr(err))
	}
	if len(lines) != 1 || lines[0] != "ok" {
		return models.Errorf(models.EINTERNAL, "数据库文件已损坏：%s", strings.Join(lines, "；"))
	}
	var orphans []struct {
		Table  string `gorm:"column:table"`
		RowID  int64  `gorm:"column:rowid"`
		Parent string `gorm:"column:parent"`
	}
	if err := db.Raw("PRAGMA foreign_key_check").Scan(&orphans).Error; err != nil {
		return models.Errorf(models.EINTERNAL, "数据库外键检查失败：%v", cleanErr(err))
	}
	if len(orphans) > 0 {
		o := orphans[0]
		return models.Errorf(models.EINTERNAL, "数据库中有 %d 行引用了不存在的记录，例如表 %s 第 %d 行（指向 %s）", len(orphans), o.Table, o.RowID, o.Parent)
	}
	return nil
}
