package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"tracker/httpx"
	"tracker/models"
)

func envOfMap(m map[string]string) envConfig {
	return envConfig{lookup: func(k string) string { return m[k] }}
}

// serveInv is an invocation of tracker serve in env that prints nothing.
func serveInv(env envConfig) *invocation {
	return &invocation{cmd: serveCommand, env: env, stdout: io.Discard, stderr: io.Discard}
}

// TestServeHelpMatchesReadme: the README's configuration table and
// serve --help name the same environment variables and flags.
func TestServeHelpMatchesReadme(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"serve", "--help"}, nil, &out, &errOut); err != nil {
		t.Fatalf("serve --help: %v %s", err, errOut.String())
	}
	help := out.String()
	if !strings.Contains(help, "用法：tracker serve") || errOut.Len() != 0 {
		t.Errorf("serve --help printed %q to stdout and %q to stderr", help, errOut.String())
	}
	table := readmeConfigTable(t)
	envRe, flagRe := regexp.MustCompile(`TRACKER_[A-Z0-9_]+`), regexp.MustCompile(`--[a-z][a-z-]+`)
	for _, re := range []*regexp.Regexp{envRe, flagRe} {
		inReadme, inHelp := uniq(re.FindAllString(table, -1)), uniq(re.FindAllString(help, -1))
		if !slices.Equal(inReadme, inHelp) {
			t.Errorf("README's configuration table names %v; serve --help names %v", inReadme, inHelp)
		}
	}
	if n := len(uniq(envRe.FindAllString(help, -1))); n != len(serveSettings()) {
		t.Errorf("help names %d variables, want %d", n, len(serveSettings()))
	}
}

func readmeConfigTable(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	i := strings.Index(readme, "## Configuration")
	if i < 0 {
		t.Fatal("README has no ## Configuration section")
	}
	section := readme[i+3:]
	if j := strings.Index(section, "\n## "); j >= 0 {
		section = section[:j]
	}
	var rows []string
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "|") {
			rows = append(rows, line)
		}
	}
	return strings.Join(rows, "\n")
}

func uniq(xs []string) []string {
	sort.Strings(xs)
	return slices.Compact(xs)
}

func TestServeSettingsFlagsOverrideEnvironment(t *testing.T) {
	env := envOfMap(map[string]string{
		"TRACKER_ADDR": "0.0.0.0:9000", "TRACKER_DB": "/data/x.db", "TRACKER_DEMO": "1",
		"TRACKER_MAX_UPLOAD_MB": "8", "TRACKER_LIGHT_YELLOW_PP": "5", "TRACKER_LIGHT_RED_PP": "20",
		"TRACKER_START_RED_MONTHS": "2", "TRACKER_START_DENOMINATOR": "full_year", "TRACKER_LIGHT_BASIS": "calendar", "TRACKER_LOG_LEVEL": "debug",
		"TRACKER_METRICS_ADDR": "127.0.0.1:9100", "TRACKER_METRICS_TOKEN": "tok", "TRACKER_SHUTDOWN_TIMEOUT": "5s",
		"TRACKER_TRUSTED_PROXIES": "10.0.0.1, 10.1.0.0/16", "TRACKER_ALLOWED_HOSTS": "tracker.zibo.gov.cn,10.0.0.5:8080",
		"TRACKER_MAX_CONNS_PER_CLIENT": "20", "TRACKER_LOGIN_MAX_FAILURES": "3", "TRACKER_LOGIN_MAX_FAILURES_PER_ADDRESS": "50",
		"TRACKER_REVIEW": "off", "TRACKER_DEADLINE_DAY": "10",
	})
	cfg, err := parseServe(serveInv(env), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := serveConfig{addr: "0.0.0.0:9000", dsn: "/data/x.db", demo: true, maxUploadBytes: 8 << 20,
		rates:    models.RateConfig{InvestmentYellowPP: 5, InvestmentRedPP: 20, StartRedMonths: 2, StartDenominator: "full_year", LightBasis: "calendar"},
		logLevel: slog.LevelDebug, metricsAddr: "127.0.0.1:9100", metricsToken: "tok", shutdownTimeout: 5 * time.Second,
		trustedProxies: []string{"10.0.0.1", "10.1.0.0/16"}, allowedHosts: []string{"tracker.zibo.gov.cn", "10.0.0.5:8080"},
		maxConnsPerClient: 20, logins: httpx.LoginLimits{PerAccount: 3, PerAddress: 50},
		collection: models.Collection{NoReview: true, DeadlineDay: 10}}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("from environment: %+v, want %+v", cfg, want)
	}
	cfg, err = parseServe(serveInv(env), []string{"--addr", "127.0.0.1:1", "--demo=false", "--max-upload-mb", "1",
		"--light-red-pp", "25", "--start-denominator", "to_date", "--log-level", "warn", "--shutdown-timeout", "1m",
		"--trusted-proxies", "", "--max-conns-per-client", "0", "--review", "on", "--deadline-day", "7"})
	if err != nil {
		t.Fatal(err)
	}
	want.addr, want.demo, want.maxUploadBytes, want.rates.InvestmentRedPP = "127.0.0.1:1", false, 1<<20, 25
	want.rates.StartDenominator, want.logLevel, want.shutdownTimeout = "to_date", slog.LevelWarn, time.Minute
	want.trustedProxies, want.maxConnsPerClient = nil, 0
	want.collection = models.Collection{DeadlineDay: 7}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("flags over environment: %+v, want %+v", cfg, want)
	}
}

func TestServeSettingsDefaults(t *testing.T) {
	cfg, err := parseServe(serveInv(envOfMap(nil)), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := serveConfig{addr: "127.0.0.1:8080", dsn: "data/tracker.db", maxUploadBytes: 32 << 20,
		rates: models.DefaultRateConfig(), logLevel: slog.LevelInfo, shutdownTimeout: 20 * time.Second,
		maxConnsPerClient: 100, logins: httpx.LoginLimits{PerAccount: 5, PerAddress: 30},
		collection: models.Collection{DeadlineDay: models.DefaultDeadlineDay}}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("defaults %+v, want %+v", cfg, want)
	}
}

func TestServeSettingsBadValues(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"TRACKER_MAX_UPLOAD_MB": "lots"}, nil, "--max-upload-mb（TRACKER_MAX_UPLOAD_MB）应为数字，收到“lots”"},
		{nil, []string{"--max-upload-mb", "0"}, "上传文件大小上限应大于 0"},
		{map[string]string{"TRACKER_START_DENOMINATOR": "half"}, nil, "开工率分母应为 to_date 或 full_year，收到“half”"},
		{nil, []string{"--light-yellow-pp", "40"}, "亮灯阈值应满足 0 ≤ 黄灯 ≤ 红灯"},
		{map[string]string{"TRACKER_LOG_LEVEL": "loud"}, nil, "日志级别应为 debug、info、warn 或 error，收到“loud”"},
		{nil, []string{"--shutdown-timeout", "soon"}, "--shutdown-timeout（TRACKER_SHUTDOWN_TIMEOUT）应为时长，如 20s，收到“soon”"},
		{nil, []string{"extra"}, "多余的参数“extra”，运行 tracker serve --help 查看用法"},
		{map[string]string{"TRACKER_TRUSTED_PROXIES": "proxy.local"}, nil, "--trusted-proxies（TRACKER_TRUSTED_PROXIES）应为 IP 地址或网段（如 10.0.0.1、10.0.0.0/8），以逗号分隔，收到“proxy.local”"},
		{map[string]string{"TRACKER_REVIEW": "maybe"}, nil, "--review（TRACKER_REVIEW）应为 on 或 off，收到“maybe”"},
		{nil, []string{"--deadline-day", "31"}, "报送截止日应为 1 到 28 之间的整数，收到 31"},
		{nil, []string{"--deadline-day", "0"}, "--deadline-day（TRACKER_DEADLINE_DAY）应为不小于 1 的整数，收到“0”"},
		{nil, []string{"--login-max-failures", "0"}, "--login-max-failures（TRACKER_LOGIN_MAX_FAILURES）应为不小于 1 的整数，收到“0”"},
	} {
		_, err := parseServe(serveInv(envOfMap(c.env)), c.args)
		if err == nil || err.Error() != c.want {
			t.Errorf("%v %v: %v, want %s", c.env, c.args, err, c.want)
		}
	}
	if _, err := parseServe(serveInv(envOfMap(nil)), []string{"-h"}); !errors.Is(err, errHelpShown) {
		t.Errorf("-h: %v, want errHelpShown", err)
	}
}

func TestHealthcheck(t *testing.T) {
	status := http.StatusOK
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(status)
	}))
	defer hs.Close()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"healthcheck", "--url", hs.URL + "/healthz"}, nil, &out, io.Discard); err != nil || out.String() != "ok\n" {
		t.Errorf("healthy: %v %q", err, out.String())
	}
	status = http.StatusServiceUnavailable
	err := run(context.Background(), []string{"healthcheck", "--url", hs.URL + "/healthz"}, nil, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "返回 503") {
		t.Errorf("unhealthy: %v, want an error naming 503", err)
	}
	hs.Close()
	if err := run(context.Background(), []string{"healthcheck", "--url", hs.URL + "/healthz"}, nil, io.Discard, io.Discard); err == nil {
		t.Error("nothing listening: no error")
	}
}

func TestHealthURL(t *testing.T) {
	for addr, want := range map[string]string{
		"0.0.0.0:8080":   "http://127.0.0.1:8080/healthz",
		":8080":          "http://127.0.0.1:8080/healthz",
		"[::]:9000":      "http://127.0.0.1:9000/healthz",
		"127.0.0.1:8080": "http://127.0.0.1:8080/healthz",
		"10.1.2.3:80":    "http://10.1.2.3:80/healthz",
	} {
		if got := healthURL(addr); got != want {
			t.Errorf("healthURL(%q) = %q, want %q", addr, got, want)
		}
	}
}

// TestShutdownDrainsRequestsInFlight: on a stop signal the server stops
// accepting connections but answers the requests it already has.
func TestShutdownDrainsRequestsInFlight(t *testing.T) {
	started := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "done")
	})
	ln, err := listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := serveAll(ctx, []*listener{{ln, &http.Server{Handler: h}}}, 5*time.Second, slog.New(slog.DiscardHandler))
	addr := "http://" + ln.Addr().String()
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get(addr)
		if err != nil {
			got <- err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		got <- string(b)
	}()
	<-started
	cancel()
	if err := <-served; err != nil {
		t.Errorf("serve: %v", err)
	}
	if body := <-got; body != "done" {
		t.Errorf("request in flight got %q, want done", body)
	}
	if _, err := http.Get(addr); err == nil {
		t.Error("the stopped server still accepts connections")
	}
}

// addrWriter passes on the address in listenAndServe's start line.
type addrWriter chan string

func (w addrWriter) Write(p []byte) (int, error) {
	if m := regexp.MustCompile(`http://\S+`).Find(p); m != nil {
		w <- string(m)
	}
	return len(p), nil
}
