package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// eachStore runs a test on a fresh SQLite file and, when
// TRACKER_TEST_POSTGRES names a database, on a fresh schema there too.
func eachStore(t *testing.T, test func(t *testing.T, s *Store)) {
	t.Run("sqlite", func(t *testing.T) { test(t, openSQLiteTest(t)) })
	if dsn := os.Getenv("TRACKER_TEST_POSTGRES"); dsn != "" {
		t.Run("postgres", func(t *testing.T) { test(t, openPostgresTest(t, dsn, 0)) })
	}
}

func openSQLiteTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "tracker.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openPostgresTest opens a store on a new schema of its own, dropped after
// the test, migrated to version (0 = latest).
func openPostgresTest(t *testing.T, dsn string, version int) *Store {
	t.Helper()
	schema := "t_" + randomHex(8)
	admin, err := gorm.Open(postgres.Open(dsn), &gorm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		if db, err := admin.DB(); err == nil {
			db.Close()
		}
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	s, err := openOnly(dsn + sep + "search_path=" + schema)
	if err != nil {
		t.Fatal(err)
	}
	if version == 0 {
		version = len(migrations)
	}
	if err := s.Migrate(context.Background(), version); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
