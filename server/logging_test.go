package server_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"tracker/server"
	"tracker/server/servertest"
)

// lockedBuffer collects log output written from the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// requestLines returns the JSON log lines with msg "request".
func (l *lockedBuffer) requestLines(t *testing.T) []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(l.b.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q is not JSON: %v", line, err)
		}
		if m["msg"] == "request" {
			out = append(out, m)
		}
	}
	return out
}

func TestOneLogLinePerRequestWithItsID(t *testing.T) {
	ts := servertest.New(t)
	var logs lockedBuffer
	ts.With(server.Config{}, slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	token := ts.Login("reviewer")
	req, _ := http.NewRequest("GET", ts.HTTP.URL+"/api/v1/projects/2403-370303-04-01-999999", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("X-Request-ID", "from-the-proxy-42")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("X-Request-ID"); got != "from-the-proxy-42" {
		t.Errorf("X-Request-ID echoed %q", got)
	}
	req.Header.Set("X-Request-ID", "bad id with spaces")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	generated := resp.Header.Get("X-Request-ID")
	if len(generated) != 32 || strings.Contains(generated, " ") {
		t.Errorf("generated X-Request-ID %q, want 32 hex digits", generated)
	}

	lines := logs.requestLines(t)
	if len(lines) != 3 {
		t.Fatalf("%d request lines, want 3 (login and two reads): %v", len(lines), lines)
	}
	login, read := lines[0], lines[1]
	if login["route"] != "/api/v1/login" || login["status"] != 200.0 || login["user"] != "" {
		t.Errorf("login line %v", login)
	}
	want := map[string]any{"level": "INFO", "request_id": "from-the-proxy-42", "method": "GET", "route": "/api/v1/projects/:code",
		"path": "/api/v1/projects/2403-370303-04-01-999999", "status": 404.0, "user": "reviewer", "client": "127.0.0.1"}
	for k, v := range want {
		if read[k] != v {
			t.Errorf("%s = %v, want %v", k, read[k], v)
		}
	}
	if d, ok := read["duration_ms"].(float64); !ok || d < 0 {
		t.Errorf("duration_ms %v", read["duration_ms"])
	}
	if lines[2]["request_id"] != generated {
		t.Errorf("logged id %v, answered %s", lines[2]["request_id"], generated)
	}
}
