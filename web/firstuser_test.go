package web_test

import (
	"path/filepath"
	"strings"
	"testing"

	"tracker/models/store"
	"tracker/server/servertest"
)

// TestLoginPageSaysHowToCreateTheFirstUser: with no user in the database
// the log-in page names both ways to create the first admin; once a user
// exists it says nothing of it.
func TestLoginPageSaysHowToCreateTheFirstUser(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	empty := servertest.Serve(t, st)
	page := empty.PageBody("/login", "")
	for _, want := range []string{"系统中还没有任何用户", "TRACKER_ADMIN_PASSWORD", "tracker user add --db 数据库 --name admin --role admin --password-stdin"} {
		if !strings.Contains(page, want) {
			t.Errorf("the log-in page of an empty database lacks %q", want)
		}
	}
	if page := servertest.New(t).PageBody("/login", ""); strings.Contains(page, "no-users") {
		t.Error("the log-in page speaks of the first user though users exist")
	}
}
