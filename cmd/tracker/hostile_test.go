package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHostileClientsLeaveTheServerSmallAndAnswering runs the real binary
// and sends it what the penetration test did: a 400 MB JSON body to the
// login, a 300 MB multipart body to the log-in form (with and without a
// declared length), and 2,000 connections that send their request slowly.
// The server stays below 200 MiB of memory at its peak and answers
// another client in under a second throughout.
func TestHostileClientsLeaveTheServerSmallAndAnswering(t *testing.T) {

	srv := startServer(t, "hostile", filepath.Join(t.TempDir(), "tracker.db"), false)
	host := strings.TrimPrefix(srv.url, "http://")
	other := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DialContext: (&net.Dialer{
		LocalAddr: &net.TCPAddr{IP: net.IP{127, 0, 0, 250}}}).DialContext}}
	var slowest time.Duration
	var mu sync.Mutex
	probe := func() {
		start := time.Now()
		resp, err := other.Get(srv.url + "/healthz")
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("another client: %v %v", resp, err)
			return
		}
		resp.Body.Close()
		mu.Lock()
		slowest = max(slowest, time.Since(start))
		mu.Unlock()
	}
	stop := make(chan struct{})
	probing := sync.WaitGroup{}
	probing.Add(1)
	go func() {
		defer probing.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
				probe()
			}
		}
	}()

	for _, chunked := range []bool{false, true} {
		if got := flood(t, host, "/api/v1/login", "application/json", `{"username":"admin","password":"`, 400<<20, chunked); got != 413 {
			t.Errorf("400 MB of JSON to /api/v1/login (chunked %v): status %d, want 413", chunked, got)
		}
		mp := "multipart/form-data; boundary=XX"
		part := "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
		if got := flood(t, host, "/login", mp, part, 300<<20, chunked); got != 415 {
			t.Errorf("300 MB of multipart to /login (chunked %v): status %d, want 415", chunked, got)
		}
	}
	held := slowConnections(t, host, 2000)
	time.Sleep(2 * time.Second) // the server holds them (or has refused them) meanwhile
	for i := 0; i < 5; i++ {
		probe()
	}
	close(stop)
	probing.Wait()
	rss, peak := memoryOf(t, srv.cmd.Process.Pid)
	for _, c := range held {
		c.Close()
	}
	if peak > 200<<20 || rss > 200<<20 {
		t.Errorf("server memory: %d MiB now, %d MiB at its peak; want below 200 MiB", rss>>20, peak>>20)
	}
	if slowest > time.Second {
		t.Errorf("another client waited %v at worst, want under 1 s", slowest)
	}
	t.Logf("peak RSS %d MiB, slowest answer to another client %v", peak>>20, slowest)
}

// flood sends a request with a body of n bytes (prefix, then filler) on a
// raw connection, as fast as the server takes it, and returns the status
// the server answers with (0 when it answers none).
func flood(t *testing.T, host, path, contentType, prefix string, n int64, chunked bool) int {
	t.Helper()
	c, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	length := "Content-Length: " + strconv.FormatInt(n, 10)
	if chunked {
		length = "Transfer-Encoding: chunked"
	}
	fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: %s\r\n%s\r\n\r\n", path, host, contentType, length)
	go func() {
		chunk := []byte(strings.Repeat("a", 1<<16))
		body := append([]byte(prefix), chunk[len(prefix):]...)
		for sent := int64(0); sent < n; sent += int64(len(chunk)) {
			if chunked {
				fmt.Fprintf(c, "%x\r\n", len(body))
			}
			if _, err := c.Write(body); err != nil {
				return // the server has answered and closed
			}
			if chunked {
				io.WriteString(c, "\r\n")
			}
			body = chunk
		}
	}()
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// slowConnections opens n connections from 20 loopback addresses; half
// send their request headers slowly, half a login body one byte at a time.
func slowConnections(t *testing.T, host string, n int) []net.Conn {
	t.Helper()
	var conns []net.Conn
	for i := 0; i < n; i++ {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IP{127, 0, 1, byte(1 + i%20)}}, Timeout: 2 * time.Second}
		c, err := d.Dial("tcp", host)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		if i%2 == 0 {
			fmt.Fprintf(c, "POST /api/v1/login HTTP/1.1\r\nHost: %s\r\n", host)
		} else {
			fmt.Fprintf(c, "POST /api/v1/login HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{", host)
		}
		conns = append(conns, c)
	}
	return conns
}

// memoryOf reads a process's resident memory now and at its peak (bytes).
func memoryOf(t *testing.T, pid int) (rss, peak int64) {
	t.Helper()
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == "VmRSS:" || f[0] == "VmHWM:") {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			if f[0] == "VmRSS:" {
				rss = kb << 10
			} else {
				peak = kb << 10
			}
		}
	}
	return rss, peak
}
