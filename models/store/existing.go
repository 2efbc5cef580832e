package store

import (
	"context"
	"net/url"
	"os"
	"path/filepath"

	"tracker/models"
)

// OpenExisting opens a tracker database that already exists and brings its
// schema to the latest version, as Open does, but creates nothing: a
// SQLite path that names no file, or a database (a SQLite file, a
// PostgreSQL database or search_path schema) without tracker's tables, is
// ENOTFOUND with a message naming it. Commands that only read or add to a
// database use it, so a mistyped or relative path cannot silently produce
// an empty database and a report of 0 projects.
func OpenExisting(dsn string) (*Store, error) {
	if !IsPostgres(dsn) {
		if st, err := os.Stat(dsn); err != nil || st.IsDir() {
			return nil, models.Errorf(models.ENOTFOUND, "数据库不存在：%s。请检查 --db 或 TRACKER_DB；新数据库由 tracker init、tracker serve 或 tracker demo 创建", DescribeDSN(dsn))
		}
	}
	s, err := openOnly(dsn)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	if ok, err := s.hasSchema(ctx); err != nil || !ok {
		s.Close()
		if err != nil {
			return nil, err
		}
		return nil, models.Errorf(models.ENOTFOUND, "数据库中没有 tracker 的数据表：%s。请检查 --db 或 TRACKER_DB；新数据库由 tracker init、tracker serve 或 tracker demo 创建", DescribeDSN(dsn))
	}
	if err := s.Migrate(ctx, len(migrations)); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// hasSchema reports whether the database holds tracker's migration table
// (on PostgreSQL, in the connection's search_path).
func (s *Store) hasSchema(ctx context.Context) (bool, error) {
	var n int64
	q := `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`
	if s.dialect == "postgres" {
		q = `SELECT count(*) FROM (SELECT to_regclass('schema_migrations') AS t) x WHERE t IS NOT NULL`
	}
	if err := s.db.WithContext(ctx).Raw(q).Scan(&n).Error; err != nil {
		return false, models.Errorf(models.EINTERNAL, "数据库无法访问：%v", cleanErr(err))
	}
	return n > 0, nil
}

// DescribeDSN names a database for messages: a SQLite path as given with
// its absolute form when it is relative, a PostgreSQL URL without its
// password.
func DescribeDSN(dsn string) string {
	if IsPostgres(dsn) {
		if u, err := url.Parse(dsn); err == nil {
			return u.Redacted()
		}
		return "PostgreSQL"
	}
	if abs, err := filepath.Abs(dsn); err == nil && abs != dsn {
		return dsn + "（即 " + abs + "）"
	}
	return dsn
}
