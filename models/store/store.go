// Package store keeps the portfolio in a relational database through GORM:
// SQLite (the embedded default) or PostgreSQL. It is the only code that
// touches *gorm.DB; everything it returns is a models type.
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"tracker/models"
)

// Store is the portfolio database.
type Store struct {
	db      *gorm.DB
	dialect string // "sqlite" or "postgres"
	now     func() time.Time
	// writers queues this process's import, revert and edit transactions
	// before BEGIN, so they wait their turn in line, bounded by their
	// request's context, instead of racing for SQLite's lock and failing
	// with "database is locked" after the busy timeout.
	writers chan struct{}
}

// Open opens (creating when needed) the database named by dsn and brings
// its schema to the latest version. A dsn starting postgres:// or
// postgresql:// is PostgreSQL; anything else is a SQLite file path, whose
// directory is created. SQLite runs in WAL mode with foreign keys on, a
// busy timeout, write transactions that take the lock at BEGIN so two
// writers queue instead of failing with SQLITE_BUSY, and synchronous=FULL:
// an import the server confirmed survives a power cut, for one fsync per
// commit.
func Open(dsn string) (*Store, error) {
	s, err := openOnly(dsn)
	if err != nil {
		return nil, err
	}
	if err := s.Migrate(context.Background(), len(migrations)); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func openOnly(dsn string) (*Store, error) {
	s := &Store{now: func() time.Time { return time.Now().UTC() }, writers: make(chan struct{}, 1)}
	// GORM's own timestamps read the store's clock too.
	cfg := &gorm.Config{Logger: logger.Discard, NowFunc: func() time.Time { return s.now() }}
	var err error
	if IsPostgres(dsn) {
		s.dialect = "postgres"
		s.db, err = gorm.Open(postgres.Open(dsn), cfg)
		if err != nil {
			return nil, models.Errorf(models.EINTERNAL, "无法连接 PostgreSQL 数据库：%v", cleanErr(err))
		}
	} else {
		s.dialect = "sqlite"
		if s.db, err = openSQLite(dsn, cfg); err != nil {
			return nil, err
		}
	}
	if err := s.Ping(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func openSQLite(path string, cfg *gorm.Config) (*gorm.DB, error) {
	if err := privateFile(path); err != nil {
		return nil, err
	}
	dsn := sqliteURI(path) + "?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=30000&_txlock=immediate&_synchronous=FULL"
	db, err := gorm.Open(sqlite.Open(dsn), cfg)
	if err != nil {
		return nil, fmt.Errorf("打开数据库 %s 失败：%w", path, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	// One writer at a time is SQLite's rule; a small pool keeps readers
	// concurrent under WAL without piling up lock waits.
	sqlDB.SetMaxOpenConns(8)
	return db, nil
}

// sqliteURI returns the file: URI naming the database at path. SQLite
// reads a URI's path up to the first '?' (the options) or '#' (a
// fragment) and decodes %HH escapes in it, so those three are escaped: a
// folder called "台账#2" or "v1?" is the folder, not the end of the name.
// Repeated slashes are cleaned, since "file://x" would name a host.
func sqliteURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.Clean(path))
}

// privateFile makes the database readable by its owner only: a directory
// it creates gets 0700, the file 0600 (made so before SQLite opens it, or
// narrowed when it exists). SQLite gives its -wal and -shm files the
// database file's permissions. An existing directory is left as it is: it
// may be shared (the working directory, a mounted volume).
func privateFile(path string) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("创建数据库目录 %s 失败：%w", dir, err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("打开数据库 %s 失败：%w", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return f.Chmod(fi.Mode().Perm() &^ 0o077)
	}
	return nil
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Ping checks that the database answers and is a database.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	if err := s.db.WithContext(ctx).Raw("SELECT 1").Scan(&n).Error; err != nil {
		return models.Errorf(models.EINTERNAL, "数据库无法访问：%v", cleanErr(err))
	}
	if s.dialect == "sqlite" {
		var c int64
		if err := s.db.WithContext(ctx).Raw("SELECT count(*) FROM sqlite_master").Scan(&c).Error; err != nil {
			return models.Errorf(models.EINVALID, "数据库文件无法读取（不是 SQLite 数据库或已损坏）：%v", cleanErr(err))
		}
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// SetClock makes the store read the time from now (UTC is kept): every
// timestamp it writes — imports, commits, reverts, locks, users, tokens —
// comes from it. Tests set a fixed clock; the default is the system's.
func (s *Store) SetClock(now func() time.Time) {
	s.now = func() time.Time { return now().UTC() }
}

// Now is the store's clock (UTC): the time every timestamp it writes
// comes from, and the moment 报送 and 督办 are judged at.
func (s *Store) Now() time.Time { return s.now() }

// Dialect returns "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

func cleanErr(err error) string {
	msg := err.Error()
	if len(msg) > 300 {
		msg = msg[:300]
	}
	return msg
}

func notFound(err error, format string, args ...any) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return models.Errorf(models.ENOTFOUND, format, args...)
	}
	return err
}
