// Package servertest runs the real server (package server: the API and the
// pages) on a fresh database with the demo portfolio and one user of each
// role, for the tests of api, web and server, and sends requests to it the
// way API clients and browsers without script do. It is imported by tests
// only.
package servertest

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
	"tracker/models/store"
	"tracker/server"
)

// Server is the real server on a test database. The users admin, reviewer
// and zhangdian (the 张店区 uploader) have the password "password-" + name.
type Server struct {
	T     *testing.T
	HTTP  *httptest.Server
	Store *store.Store
}

// New is the server on a fresh SQLite file with the demo portfolio and
// the three users.
func New(t *testing.T) *Server {
	t.Helper()
	return NewOn(t, filepath.Join(t.TempDir(), "tracker.db"))
}

// Each runs a test against a server on a fresh SQLite file and, when
// TRACKER_TEST_POSTGRES names a database, on a fresh PostgreSQL schema.
func Each(t *testing.T, test func(t *testing.T, ts *Server)) {
	t.Run("sqlite", func(t *testing.T) { test(t, New(t)) })
	if dsn := os.Getenv("TRACKER_TEST_POSTGRES"); dsn != "" {
		t.Run("postgres", func(t *testing.T) { test(t, NewOn(t, postgresSchema(t, dsn))) })
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

// NewOn is the server on the database dsn with the demo portfolio and the
// three users.
func NewOn(t *testing.T, dsn string) *Server {
	t.Helper()
	s, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if _, err := s.SeedDemo(ctx); err != nil {
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
	return Serve(t, s)
}

// Serve is the server with the default settings on s as it is.
func Serve(t *testing.T, s *store.Store) *Server {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	ts := &Server{T: t, Store: s}
	ts.With(server.Config{}, log)
	return ts
}

// With serves the store again with cfg and log, and points ts at it (the
// request helpers then use it).
func (ts *Server) With(cfg server.Config, log *slog.Logger) *server.Server {
	ts.T.Helper()
	srv := server.New(ts.Store, cfg, log)
	hs := httptest.NewServer(srv)
	ts.T.Cleanup(hs.Close)
	ts.HTTP = hs
	return srv
}

// Handler is the server ts serves.
func (ts *Server) Handler() *server.Server { return ts.HTTP.Config.Handler.(*server.Server) }

// Login returns a bearer token for one of the test users.
func (ts *Server) Login(name string) string {
	ts.T.Helper()
	var out struct {
		Token string `json:"token"`
	}
	ts.Do("POST", "/api/v1/login", "", map[string]string{"username": name, "password": "password-" + name}, http.StatusOK, &out)
	return out.Token
}

// Do sends a JSON request and checks the status; out, when not nil,
// receives the decoded body (numbers as json.Number).
func (ts *Server) Do(method, path, token string, body any, wantStatus int, out any) []byte {
	ts.T.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, ts.HTTP.URL+path, r)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.T.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		ts.T.Fatalf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, wantStatus, raw)
	}
	if out != nil {
		DecodeJSON(ts.T, raw, out)
	}
	return raw
}

// Send sends req, checks the status and decodes the body into out when
// it is not nil.
func (ts *Server) Send(req *http.Request, wantStatus int, out any) []byte {
	ts.T.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.T.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		ts.T.Fatalf("%s %s: status %d, want %d: %.300s", req.Method, req.URL.Path, resp.StatusCode, wantStatus, raw)
	}
	if out != nil {
		DecodeJSON(ts.T, raw, out)
	}
	return raw
}

// DecodeJSON decodes with numbers kept as json.Number, so amounts stay exact.
func DecodeJSON(t testing.TB, raw []byte, out any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		t.Fatalf("%v in %.300s", err, raw)
	}
}

// DiscardLog is a logger that writes nothing.
func DiscardLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
