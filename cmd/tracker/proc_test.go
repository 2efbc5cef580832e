package main

// Helpers for the tests that run the real binary as separate processes:
// build it once, start `tracker serve` on a free loopback port, talk to it
// over HTTP, kill it with SIGKILL and start it again. The crash, load,
// backup and scale-out tests use them; they are skipped with -short.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"tracker/models"
	"tracker/models/demo"
	"tracker/models/store"
)

// adminPassword is the bootstrap admin's password in every spawned server.
const adminPassword = "admin-pass-2024"

// built is the binary, built once per test run by trackerBinary.
var built struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// trackerBinary skips the test with -short, else builds ./cmd/tracker once
// per test run and returns the binary's path.
func trackerBinary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts tracker processes; skipped with -short")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "tracker-bin-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "tracker")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		if out, err := exec.CommandContext(ctx, "go", "build", "-o", built.path, ".").CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

// server is one `tracker serve` process.
type server struct {
	t      testing.TB
	name   string
	cmd    *exec.Cmd
	url    string
	logs   *logBuffer
	addr   *addrWatcher
	exited chan struct{}
}

// startServer starts `tracker serve --addr 127.0.0.1:0 --db dsn` (with
// --demo when asked) and waits until /healthz answers. The bootstrap admin
// gets adminPassword. The process is killed when the test ends.
func startServer(t testing.TB, name, dsn string, withDemo bool) *server {
	t.Helper()
	s := launchServer(t, name, dsn, withDemo)
	s.ready()
	return s
}

// launchServer starts the process and returns at once; ready waits for it.
func launchServer(t testing.TB, name, dsn string, withDemo bool) *server {
	t.Helper()
	args := []string{"serve", "--addr", "127.0.0.1:0", "--db", dsn}
	if withDemo {
		args = append(args, "--demo")
	}
	s := &server{t: t, name: name, cmd: exec.Command(trackerBinary(t), args...), logs: &logBuffer{}, exited: make(chan struct{}),
		addr: &addrWatcher{found: make(chan string, 1)}}
	// Review off: these tests load ledgers as uploaders and check their
	// figures (load, crashes, backups), not the office's review.
	s.cmd.Env = append(cleanEnv(), "TRACKER_ADMIN_PASSWORD="+adminPassword, "TRACKER_REVIEW=off")
	s.cmd.Stdout, s.cmd.Stderr = s.addr, s.logs
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.cmd.Wait(); close(s.exited) }()
	t.Cleanup(s.kill)
	return s
}

// ready waits until the server listens and /healthz answers.
func (s *server) ready() {
	s.t.Helper()
	select {
	case s.url = <-s.addr.found:
	case <-s.exited:
		s.t.Fatalf("%s exited before listening: %s", s.name, s.logs.tail())
	case <-time.After(90 * time.Second):
		s.t.Fatalf("%s did not start within 90 s: %s", s.name, s.logs.tail())
	}
	s.waitHealthy(30 * time.Second)
}

func (s *server) waitHealthy(within time.Duration) {
	s.t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		resp, err := http.Get(s.url + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("%s: /healthz not ready after %v: %s", s.name, within, s.logs.tail())
}

// kill sends SIGKILL, as a power cut or `kill -9` would, and waits for
// the process to be gone. Killing a dead process does nothing.
func (s *server) kill() {
	s.cmd.Process.Signal(syscall.SIGKILL)
	select {
	case <-s.exited:
	case <-time.After(30 * time.Second):
		s.t.Errorf("%s still running 30 s after SIGKILL", s.name)
	}
}

// cleanEnv is the environment without TRACKER_* settings, so a developer's
// own configuration cannot leak into the spawned processes.
func cleanEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TRACKER_") {
			out = append(out, kv)
		}
	}
	return out
}

// addrWatcher is serve's stdout: it finds "tracker 已启动：http://ADDR".
type addrWatcher struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	found chan string
	done  bool
}

func (w *addrWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return len(p), nil
	}
	w.buf.Write(p)
	const marker = "已启动：http://"
	text := w.buf.String()
	if i := strings.Index(text, marker); i >= 0 {
		if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
			w.found <- "http://" + strings.TrimSpace(text[i+len(marker):i+j])
			w.done = true
		}
	}
	return len(p), nil
}

// logBuffer keeps a process's log (its first 8 MiB) for diagnostics and
// for checks that no SQLite lock error was ever logged.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len() < 8<<20 {
		b.buf.Write(p)
	}
	return len(p), nil
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *logBuffer) tail() string {
	s := b.String()
	if len(s) > 3000 {
		s = s[len(s)-3000:]
	}
	return s
}

// lockErrors returns the log lines that mention SQLite lock errors.
func lockErrors(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if isLockError(line) {
			out = append(out, line)
		}
	}
	return out
}

func isLockError(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "database is locked") || strings.Contains(s, "sqlite_busy") || strings.Contains(s, "database table is locked")
}

// runTracker runs a tracker command (not serve) with a one-minute limit.
func runTracker(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, trackerBinary(t), args...)
	cmd.Env = cleanEnv()
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// addUploaders creates, through the CLI, uploader "uploaderNN" of the
// NN-th unit for every unit, with the password "pass-"+name; four at a
// time. It returns the names, in the units' order.
func addUploaders(t *testing.T, dsn string) []string {
	t.Helper()
	names := make([]string, len(units))
	errs := make([]error, len(units))
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, unit := range units {
		names[i] = fmt.Sprintf("uploader%02d", i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = addUser(dsn, names[i], unit)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	return names
}

func addUser(dsn, name, district string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, built.path, "user", "add", "--db", dsn, "--name", name, "--role", "uploader", "--district", district, "--password-stdin")
	cmd.Env = cleanEnv()
	cmd.Stdin = strings.NewReader("pass-" + name + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("user add %s: %v\n%s", name, err, out)
	}
	return nil
}

// apiClient calls one server's API with a bearer token. Its methods
// return errors instead of failing the test, so goroutines can use them.
type apiClient struct {
	base  string
	token string
	hc    *http.Client
}

var sharedTransport = &http.Transport{MaxIdleConns: 128, MaxIdleConnsPerHost: 64, IdleConnTimeout: 30 * time.Second}

// login signs in and returns a client for the user's token.
// The bootstrap admin must choose its own password before the API answers
// anything else: login does so, from password to ownPassword(password), the
// first time, and logs in with the chosen one afterwards.
func (s *server) login(user, password string) *apiClient {
	s.t.Helper()
	c, must := s.tryLogin(user, password)
	if c == nil {
		if c, must = s.tryLogin(user, ownPassword(password)); c == nil {
			s.t.Fatalf("%s: login %s: refused with both passwords", s.name, user)
		}
	}
	if must {
		body, _ := json.Marshal(map[string]string{"old_password": password, "new_password": ownPassword(password)})
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if status, raw, err := c.do(ctx, "POST", "/api/v1/me/password", bytes.NewReader(body), "application/json"); err != nil || status != http.StatusNoContent {
			s.t.Fatalf("%s: change %s's password: %d %v %.300s", s.name, user, status, err, raw)
		}
	}
	return c
}

func ownPassword(password string) string { return password + "-own" }

// tryLogin logs in, or returns nil when the password is wrong; must says
// the password has to be changed first.
func (s *server) tryLogin(user, password string) (c *apiClient, must bool) {
	s.t.Helper()
	c = &apiClient{base: s.url, hc: &http.Client{Transport: sharedTransport,
		// A redirect (to the log-in page) is an answer to check, not follow.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	body, _ := json.Marshal(map[string]string{"username": user, "password": password})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	status, raw, err := c.do(ctx, "POST", "/api/v1/login", bytes.NewReader(body), "application/json")
	if err == nil && status == http.StatusUnauthorized {
		return nil, false
	}
	if err != nil || status != http.StatusOK {
		s.t.Fatalf("%s: login %s: %d %v %.300s", s.name, user, status, err, raw)
	}
	var out struct {
		Token string
		User  struct {
			MustChangePassword bool `json:"must_change_password"`
		}
	}
	if err := decode(raw, &out); err != nil || out.Token == "" {
		s.t.Fatalf("login %s: %v %.300s", user, err, raw)
	}
	c.token = out.Token
	return c, out.User.MustChangePassword
}

func (c *apiClient) do(ctx context.Context, method, path string, body io.Reader, contentType string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return 0, nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.token != "" && strings.HasPrefix(path, "/api/") {
		req.Header.Set("Authorization", "Bearer "+c.token)
	} else if c.token != "" {
		// Pages take the same token as their session cookie.
		req.AddCookie(&http.Cookie{Name: "tracker_session", Value: c.token})
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	return resp.StatusCode, raw, err
}

func (c *apiClient) get(ctx context.Context, path string) (int, []byte, error) {
	return c.do(ctx, "GET", path, nil, "")
}

// upload posts a ledger to /api/v1/imports (committed at once).
func (c *apiClient) upload(ctx context.Context, fileName string, data []byte) (int, []byte, error) {
	return c.uploadWith(ctx, fileName, data, nil)
}

// uploadAdding posts a ledger of new projects, accepting them all as
// 增补 to the 2024 list (as the office does in the preview).
func (c *apiClient) uploadAdding(ctx context.Context, fileName string, data []byte) (int, []byte, error) {
	return c.uploadWith(ctx, fileName, data, map[string]string{"additions": "*", "addition_reason": "测试：新增项目"})
}

func (c *apiClient) uploadWith(ctx context.Context, fileName string, data []byte, fields map[string]string) (int, []byte, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", fileName)
	fw.Write(data)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	return c.do(ctx, "POST", "/api/v1/imports", &body, mw.FormDataContentType())
}

// mustGet gets path within 60 s, wants 200 and decodes the JSON into out.
func (c *apiClient) mustGet(t *testing.T, path string, out any) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	status, raw, err := c.get(ctx, path)
	if err != nil || status != http.StatusOK {
		t.Fatalf("GET %s: %d %v %.300s", path, status, err, raw)
	}
	if out != nil {
		if err := decode(raw, out); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}
	return raw
}

// decode reads JSON with numbers kept exact (json.Number, or the models'
// own Money and Month decoders).
func decode(raw []byte, out any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		return fmt.Errorf("%w in %.300s", err, raw)
	}
	return nil
}

// importResult is the part of the API's ImportResult the tests check.
type importResult struct {
	ID           int64    `json:"id"`
	Status       string   `json:"status"`
	FileName     string   `json:"file_name"`
	Period       string   `json:"period"`
	Districts    []string `json:"districts"`
	RowsTotal    int      `json:"rows_total"`
	RowsImported int      `json:"rows_imported"`
	Created      int      `json:"created"`
	Updated      int      `json:"updated"`
	Unchanged    int      `json:"unchanged"`
}

// importHistory returns GET /api/v1/imports (the newest 200).
func (c *apiClient) importHistory(t *testing.T) []importResult {
	t.Helper()
	var out struct{ Items []importResult }
	c.mustGet(t, "/api/v1/imports", &out)
	return out.Items
}

// ledgerRow is one project's line in a generated ledger.
type ledgerRow struct {
	Code, Name, District string
	Nature               models.Nature
	Completed            models.Money // 1-6月累计完成投资, in yuan
}

// june is the period every generated ledger reports.
var june = models.MonthOf(2024, 6)

// ledgerCSV writes a June 2024 ledger as a spreadsheet program saves CSV:
// a title naming the unit (or the city), then the header and the rows.
func ledgerCSV(unit string, rows []ledgerRow) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff" + unit + "2024年1-6月市重大项目建设情况台账,,,,\n")
	b.WriteString("项目代码,项目名称,所属区县,建设性质,1-6月累计完成投资（万元）\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s\n", r.Code, r.Name, r.District, r.Nature, r.Completed.WanString())
	}
	return b.Bytes()
}

// figures maps a project code to its June 2024 figure (absent: none).
type figures map[string]models.Money

// juneFigures reads every 2024 project's June figure straight from a
// store, and checks the database's integrity first.
// juneList is the demo's 2024 list as it stood in June, the month every
// generated ledger reports: the projects June's rates count
// (models.Project.CountsAt: on the list then and 实施类).
func juneList() []models.Project {
	var out []models.Project
	for _, p := range demo.Portfolio2024WithChanges() {
		if p.CountsAt(june) {
			out = append(out, p)
		}
	}
	return out
}

// demoProjects is how many projects the demo loads: its 2023 and 2024
// lists, sharing the projects carried from one year to the next.
func demoProjects() int64 {
	codes := map[string]bool{}
	for _, p := range append(demo.Portfolio2023(), demo.Portfolio2024WithChanges()...) {
		codes[p.Code] = true
	}
	return int64(len(codes))
}

// countedInJune keeps the projects June's rates count.
func countedInJune(ps []models.Project) []models.Project {
	var out []models.Project
	for _, p := range ps {
		if p.CountsAt(june) {
			out = append(out, p)
		}
	}
	return out
}

func juneFigures(t *testing.T, dsn string) figures {
	t.Helper()
	s, err := store.Open(dsn)
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("%s: %v", dsn, err)
	}
	ps, err := s.PortfolioAsOf(ctx, june)
	if err != nil {
		t.Fatal(err)
	}
	return figuresOf(countedInJune(ps))
}

func figuresOf(ps []models.Project) figures {
	out := figures{}
	for _, p := range ps {
		out[p.Code] = -1 // in the list, no June figure
		for _, inv := range p.Investments {
			if inv.Period == june {
				out[p.Code] = inv.CompletedYTD
			}
		}
	}
	return out
}

// diff describes how got differs from want, at most five differences.
func (want figures) diff(got figures) string {
	var lines []string
	for code, w := range want {
		if g, ok := got[code]; !ok {
			lines = append(lines, fmt.Sprintf("%s missing (want %s)", code, w.WanString()))
		} else if g != w {
			lines = append(lines, fmt.Sprintf("%s = %s, want %s", code, g.WanString(), w.WanString()))
		}
	}
	for code := range got {
		if _, ok := want[code]; !ok {
			lines = append(lines, code+" should not exist")
		}
	}
	sort.Strings(lines)
	if len(lines) > 5 {
		lines = append(lines[:5], fmt.Sprintf("…and %d more", len(lines)-5))
	}
	return strings.Join(lines, "; ")
}

func (want figures) clone() figures {
	out := make(figures, len(want))
	for k, v := range want {
		out[k] = v
	}
	return out
}

// demoByUnit returns the demo projects of each unit, in code order.
func demoByUnit() map[string][]models.Project {
	out := map[string][]models.Project{}
	for _, p := range juneList() {
		out[p.District] = append(out[p.District], p)
	}
	for _, ps := range out {
		sort.Slice(ps, func(i, j int) bool { return ps[i].Code < ps[j].Code })
	}
	return out
}

// units are the 12 reporting units, in report order.
var units = []string{"张店区", "淄川区", "博山区", "周村区", "临淄区", "桓台县", "高青县", "沂源县", "高新区", "经济开发区", "文昌湖区", "市直部门"}

// percentiles returns p50 and p99 of ds (nearest rank).
func percentiles(ds []time.Duration) (p50, p99 time.Duration) {
	if len(ds) == 0 {
		return 0, 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	rank := func(p float64) time.Duration {
		i := int(p*float64(len(s))+0.999999) - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return rank(0.50), rank(0.99)
}
