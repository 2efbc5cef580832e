package api

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the PostgreSQL driver for creating test schemas

	"tracker/models"
	"tracker/models/demo"
	"tracker/models/store"
)

// testServer is the real server on a fresh SQLite file with the demo
// portfolio and one user of each role.
type testServer struct {
	t     *testing.T
	srv   *httptest.Server
	store *store.Store
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	return newTestServerOn(t, filepath.Join(t.TempDir(), "tracker.db"))
}

// eachServer runs a test against a server on a fresh SQLite file and, when
// TRACKER_TEST_POSTGRES names a database, on a fresh PostgreSQL schema.
func eachServer(t *testing.T, test func(t *testing.T, ts *testServer)) {
	t.Run("sqlite", func(t *testing.T) { test(t, newTestServer(t)) })
	if dsn := os.Getenv("TRACKER_TEST_POSTGRES"); dsn != "" {
		t.Run("postgres", func(t *testing.T) { test(t, newTestServerOn(t, postgresSchema(t, dsn))) })
	}
}

// postgresSchema creates a schema of the test's own, dropped afterwards,
// and returns a DSN that uses it.
func postgresSchema(t *testing.T, dsn string) string {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 8)
	rand.Read(b)
	schema := "api_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Exec("DROP SCHEMA " + schema + " CASCADE")
		db.Close()
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + schema
}

// newTestServerOn is the real server on the database dsn with the demo
// portfolio and one user of each role.
func newTestServerOn(t *testing.T, dsn string) *testServer {
	t.Helper()
	s, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if _, err := s.SeedPortfolio(ctx, demo.Portfolio2024(), "演示数据"); err != nil {
		t.Fatal(err)
	}
	for _, u := range []models.User{
		{Name: "admin", Role: models.RoleAdmin},
		{Name: "zhangdian", Role: models.RoleUploader, District: "张店区"},
		{Name: "reviewer", Role: models.RoleReviewer},
	} {
		if _, err := s.CreateUser(ctx, u, "password-"+u.Name); err != nil {
			t.Fatal(err)
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	hs := httptest.NewServer(NewServer(s, Config{}, log))
	t.Cleanup(hs.Close)
	return &testServer{t: t, srv: hs, store: s}
}

// login returns a bearer token for one of the test users.
func (ts *testServer) login(name string) string {
	ts.t.Helper()
	var out loginResponse
	ts.do("POST", "/api/v1/login", "", map[string]string{"username": name, "password": "password-" + name}, http.StatusOK, &out)
	return out.Token
}

// do sends a JSON request and checks the status; out, when not nil,
// receives the decoded body (numbers as json.Number).
func (ts *testServer) do(method, path, token string, body any, wantStatus int, out any) []byte {
	ts.t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, ts.srv.URL+path, r)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		ts.t.Fatalf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, wantStatus, raw)
	}
	if out != nil {
		decodeJSON(ts.t, raw, out)
	}
	return raw
}

// decodeJSON decodes with numbers kept as json.Number, so amounts stay exact.
func decodeJSON(t *testing.T, raw []byte, out any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		t.Fatalf("%v in %.300s", err, raw)
	}
}

func discardLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
