package store

import (
	"context"
	"os"

	"tracker/models"
)

// Backup writes a consistent copy of a live SQLite database to path with
// VACUUM INTO, which reads one snapshot while writers go on; the copy is
// readable by its owner only (0600). PostgreSQL is
// backed up with pg_dump (see README).
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect != "sqlite" {
		return models.Errorf(models.EINVALID, "PostgreSQL 数据库请用 pg_dump 备份，例如：pg_dump -Fc -f tracker.dump \"$TRACKER_DB\"")
	}
	if _, err := os.Stat(path); err == nil {
		return models.Errorf(models.ECONFLICT, "备份文件 %s 已存在，请换一个文件名", path)
	}
	if err := s.db.WithContext(ctx).Exec("VACUUM INTO ?", path).Error; err != nil {
		return err
	}
	return os.Chmod(path, 0o600) // a copy of the database is as private as the database
}
