package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeMetricsOnTheirOwnAddress runs serve in-process with
// --metrics-addr: /metrics answers there with the token, the main address
// keeps its API, and both stop on the signal.
func TestServeMetricsOnTheirOwnAddress(t *testing.T) {
	metricsAddr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	env := envOfMap(map[string]string{"TRACKER_DB": filepath.Join(t.TempDir(), "t.db"), "TRACKER_METRICS_TOKEN": "tok"})
	go func() {
		inv := &invocation{cmd: serveCommand, env: env, stdout: addrWriter(addrc), stderr: io.Discard}
		done <- cmdServe(ctx, inv, []string{"--addr", "127.0.0.1:0", "--metrics-addr", metricsAddr, "--log-level", "error"})
	}()
	var addr string
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	get := func(url, token string) int {
		t.Helper()
		for i := 0; ; i++ {
			req, _ := http.NewRequest("GET", url, nil)
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			resp, err := http.DefaultClient.Do(req)
			if err == nil {
				resp.Body.Close()
				return resp.StatusCode
			}
			if i == 50 {
				t.Fatalf("%s: %v", url, err)
			}
			time.Sleep(100 * time.Millisecond) // the metrics listener starts beside the main one
		}
	}
	if s := get(addr+"/api/v1/version", ""); s != http.StatusOK {
		t.Errorf("version: %d", s)
	}
	if s := get("http://"+metricsAddr+"/metrics", "tok"); s != http.StatusOK {
		t.Errorf("metrics with token: %d", s)
	}
	if s := get("http://"+metricsAddr+"/metrics", ""); s != http.StatusUnauthorized {
		t.Errorf("metrics without token: %d", s)
	}
	if s := get("http://"+metricsAddr+"/api/v1/version", "tok"); s != http.StatusNotFound {
		t.Errorf("the metrics address serves the API: %d", s)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	if _, err := http.Get("http://" + metricsAddr + "/metrics"); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("the metrics address still answers after the stop: %v", err)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
