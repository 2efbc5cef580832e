package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"tracker/models"
)

// TestOldBcryptHashesAreUpgradedAtLogin stores a bcrypt hash as earlier
// versions wrote it: the password still logs in, and the hash becomes an
// argon2id one that logs in too.
func TestOldBcryptHashesAreUpgradedAtLogin(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		u := mustUser(t, s, models.User{Name: "old", Role: models.RoleReviewer})
		old, _ := bcrypt.GenerateFromPassword([]byte("old-bcrypt-pass"), bcrypt.MinCost)
		s.db.Model(&userRow{}).Where("id = ?", u.ID).Update("password_hash", string(old))
		if _, _, err := s.Login(ctx, "old", "wrong-password"); models.ErrorCode(err) != models.EUNAUTHORIZED {
			t.Fatalf("a wrong password against a bcrypt hash: %v", err)
		}
		if _, _, err := s.Login(ctx, "old", "old-bcrypt-pass"); err != nil {
			t.Fatalf("the bcrypt password: %v", err)
		}
		var row userRow
		s.db.First(&row, u.ID)
		if !strings.HasPrefix(row.PasswordHash, "$argon2id$v=19$m=19456,t=2,p=1$") {
			t.Fatalf("hash after login %q, want argon2id", row.PasswordHash)
		}
		if _, _, err := s.Login(ctx, "old", "old-bcrypt-pass"); err != nil {
			t.Errorf("the upgraded hash: %v", err)
		}
	})
}

// TestLongAndWeakPasswords: a password of 30 Chinese characters (90 bytes,
// past bcrypt's 72) is set, changed and used; a weak one is refused with
// a message, never a 500.
func TestLongAndWeakPasswords(t *testing.T) {
	s := openSQLiteTest(t)
	ctx := context.Background()
	long := strings.Repeat("淄博市重大项目办", 3) + "跟踪系统登录密码"
	u, err := s.CreateUser(ctx, models.User{Name: "long", Role: models.RoleReviewer}, long)
	if err != nil {
		t.Fatalf("a long password: %v", err)
	}
	if _, _, err := s.Login(ctx, "long", long); err != nil {
		t.Fatalf("login with it: %v", err)
	}
	if _, _, err := s.Login(ctx, "long", long[:len(long)-3]); models.ErrorCode(err) != models.EUNAUTHORIZED {
		t.Errorf("its first 29 characters log in: %v", err)
	}
	longer := long + long
	if err := s.ChangePassword(ctx, u.ID, "not-it-at-all", longer, ""); err != ErrWrongPassword {
		t.Errorf("a wrong old password: %v", err)
	}
	if err := s.ChangePassword(ctx, u.ID, long, longer, ""); err != nil {
		t.Fatalf("change to a longer one: %v", err)
	}
	for _, weak := range []string{"12345678", "long123456", "1234567890"} {
		if err := s.ChangePassword(ctx, u.ID, longer, weak, ""); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("change to %q: %v", weak, err)
		}
		if err := s.ResetPassword(ctx, u.ID, weak); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("reset to %q: %v", weak, err)
		}
		if _, err := s.CreateUser(ctx, models.User{Name: "long", Role: models.RoleReviewer}, weak); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("create with %q: %v", weak, err)
		}
	}
}

// TestTheDatabaseIsPrivate: a new SQLite database, its WAL and shared
// memory files are 0600 and a directory made for it 0700, whatever the
// umask; an existing world-readable database is narrowed to 0600.
func TestTheDatabaseIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	path := filepath.Join(dir, "tracker.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustUser(t, s, models.User{Name: "admin", Role: models.RoleAdmin}) // a write, so the WAL exists
	modes := map[string]os.FileMode{dir: 0o700, path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600}
	for p, want := range modes {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", filepath.Base(p), got, want)
		}
	}
	s.Close()
	os.Chmod(path, 0o644)
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("an existing 0644 database stays %o", fi.Mode().Perm())
	}
}
