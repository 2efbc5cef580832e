package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeQuickStartAnswersThePublishedResult runs the README's quick
// start as written: `serve --demo` with the password its first command
// sets, then the shell lines after it (curl), against the server's own
// address, and wants the published 2024 result in the last answer.
func TestReadmeQuickStartAnswersThePublishedResult(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed")
	}
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(raw), "## Quick start")
	blocks := regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(string(raw)[start:], 2)
	if start < 0 || len(blocks) < 2 {
		t.Fatal("README's quick start has not its two shell blocks")
	}
	password := regexp.MustCompile(`TRACKER_ADMIN_PASSWORD=(\S+) go run ./cmd/tracker serve --demo`).FindStringSubmatch(blocks[0][1])
	if password == nil {
		t.Fatalf("the quick start's first command is not serve --demo with TRACKER_ADMIN_PASSWORD:\n%s", blocks[0][1])
	}
	s := &server{t: t, name: "quick start", logs: &logBuffer{}, exited: make(chan struct{}), addr: &addrWatcher{found: make(chan string, 1)},
		cmd: exec.Command(trackerBinary(t), "serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "tracker.db"), "--demo")}
	s.cmd.Env = append(cleanEnv(), "TRACKER_ADMIN_PASSWORD="+password[1])
	s.cmd.Stdout, s.cmd.Stderr = s.addr, s.logs
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.cmd.Wait(); close(s.exited) }()
	t.Cleanup(s.kill)
	s.ready()

	script := strings.ReplaceAll(blocks[1][1], "localhost:8080", strings.TrimPrefix(s.url, "http://"))
	out, err := exec.Command("bash", "-e", "-c", script).CombinedOutput()
	if err != nil {
		t.Fatalf("the quick start's commands: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	last := lines[len(lines)-1]
	for _, want := range []string{`"projects":530`, `"total_investment_wan":60350000`, `"completed_wan":11810000`, `"annual_plan_wan":11345000`,
		`"planned_starts":296`, `"actual_starts":296`, `"start_rate":1,`} {
		if !strings.Contains(last, want) {
			t.Errorf("the quick start's answer lacks %s:\n%s", want, out)
		}
	}
}
