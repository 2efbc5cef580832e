package main

// Tests of the command line as a user meets it: the built binary, run in a
// directory of its own, its exit status, stdout and stderr.

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"tracker/models"
	"tracker/models/store"
)

// result is one run of the binary.
type result struct {
	stdout, stderr string
	code           int
}

// runIn runs the binary in dir with stdin, a one-minute limit and no
// TRACKER_* variables besides env.
func runIn(t *testing.T, dir, stdin string, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, trackerBinary(t), args...)
	cmd.Dir, cmd.Env, cmd.Stdin = dir, append(cleanEnv(), env...), strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return result{out.String(), errOut.String(), code}
}

// fails checks a run failed with status 1 and an error naming every want.
func (r result) fails(t *testing.T, what string, want ...string) {
	t.Helper()
	if r.code != 1 {
		t.Errorf("%s: exit status %d, want 1 (stdout %q, stderr %q)", what, r.code, r.stdout, r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("%s: stderr %q does not say %q", what, r.stderr, w)
		}
	}
}

// TestCommandsRefuseAMissingDatabase: every command but serve, demo and
// init refuses a database that does not exist, naming it, and creates
// nothing, whether the path is given, relative, or the default.
func TestCommandsRefuseAMissingDatabase(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ledger.csv"), []byte("项目代码,项目名称\n1,a\n"), 0o644)
	abs := filepath.Join(dir, "missing.db")
	for _, args := range [][]string{
		{"backup", "--db", "missing.db", "b.db"},
		{"report", "--db", "missing.db", "--year", "2024", "--quarter", "1"},
		{"import", "--db", "missing.db", "ledger.csv"},
		{"user", "add", "--db", "missing.db", "--name", "a", "--role", "admin", "--password-stdin"},
	} {
		runIn(t, dir, "password-1234\n", nil, args...).fails(t, args[0], "数据库不存在：missing.db（即 "+abs+"）。")
	}
	runIn(t, dir, "", nil, "report", "--year", "2024", "--quarter", "1").fails(t, "report with the default database", "数据库不存在：data/tracker.db（即 "+filepath.Join(dir, "data", "tracker.db")+"）")
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the refused commands left %d entries in the directory, want only ledger.csv", len(entries))
	}
	// A file that is SQLite but not tracker's, and an empty one.
	os.WriteFile(filepath.Join(dir, "empty.db"), nil, 0o644)
	runIn(t, dir, "", nil, "backup", "--db", "empty.db", "b.db").fails(t, "empty file", "数据库中没有 tracker 的数据表：")
	// init creates it; then the same command works.
	if r := runIn(t, dir, "", nil, "init", "--db", "new.db"); r.code != 0 || !strings.Contains(r.stdout, "已就绪（结构版本") {
		t.Fatalf("init: %+v", r)
	}
	if r := runIn(t, dir, "", nil, "backup", "--db", "new.db", "b.db"); r.code != 0 {
		t.Errorf("backup of an initialised database: %+v", r)
	}
}

// TestCommandsRefuseAPostgresSchemaWithoutTables: a PostgreSQL DSN is
// checked by connecting and looking for tracker's tables in its
// search_path; the password never appears in the message.
func TestCommandsRefuseAPostgresSchemaWithoutTables(t *testing.T) {
	dsn := postgresSchema(t)
	r := runIn(t, t.TempDir(), "", nil, "report", "--db", dsn, "--year", "2024", "--quarter", "1")
	r.fails(t, "empty schema", "数据库中没有 tracker 的数据表：", "search_path=t_scale_")
	if r := runIn(t, t.TempDir(), "", nil, "init", "--db", dsn); r.code != 0 {
		t.Fatalf("init: %+v", r)
	}
	// An initialised database without figures gets no report (DOMAIN.md).
	runIn(t, t.TempDir(), "", nil, "report", "--db", dsn, "--year", "2024", "--quarter", "1", "-o", "r.xlsx").
		fails(t, "report after init", "2024年第一季度没有任何项目数据")
	bad := strings.Replace(dsn, "postgres://postgres@", "postgres://postgres:secret-pw@", 1)
	bad = strings.Replace(bad, "/test?", "/no_such_db_x?", 1)
	r = runIn(t, t.TempDir(), "", nil, "backup", "--db", bad, "b.db")
	r.fails(t, "unknown database")
	if strings.Contains(r.stderr, "secret-pw") {
		t.Errorf("the password is in the message: %s", r.stderr)
	}
}

// TestFlagsAnywhere: a flag after a file is a flag; an unknown flag or a
// stray argument fails before anything is done.
func TestFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if r := runIn(t, dir, "", nil, "demo", "--db", db); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	s, _ := store.Open(db)
	ps, _ := s.Portfolio(context.Background(), 2024)
	s.Close()
	os.WriteFile(filepath.Join(dir, "ledger.csv"), []byte("项目代码,项目名称,1-7月累计完成投资（亿元）\n"+ps[0].Code+","+ps[0].Name+",1.5\n"), 0o644)

	r := runIn(t, dir, "", nil, "import", "ledger.csv", "--dry-run", "--db", db, "--period=2024-07")
	if r.code != 0 || !strings.Contains(r.stdout, "（未修改数据库）") || !strings.Contains(r.stdout, "报告期 2024-07") {
		t.Errorf("flags after the file: %+v", r)
	}
	runIn(t, dir, "", nil, "import", "--db", db, "ledger.csv", "--dryrun").fails(t, "unknown flag", "未知选项“--dryrun”，运行 tracker import --help 查看用法")
	runIn(t, dir, "", nil, "import", "--db", db, "ledger.csv", "--period").fails(t, "flag without value", "选项 --period 缺少值")
	runIn(t, dir, "", nil, "import", "--db", db).fails(t, "no file", "缺少参数 FILE")
	runIn(t, dir, "", nil, "report", "--db", db, "--year", "2024", "--quarter", "2", "stray", "-o", "out.xlsx").
		fails(t, "report", "多余的参数“stray”，运行 tracker report --help 查看用法")
	runIn(t, dir, "", nil, "report", "--db", db, "--year", "twenty").fails(t, "report", "选项 --year 应为整数，收到“twenty”")
	runIn(t, dir, "", nil, "backup", "--db", db, "a.db", "b.db").fails(t, "backup", "多余的参数“b.db”")
	runIn(t, dir, "", nil, "demo", "--db", db, "again").fails(t, "demo", "多余的参数“again”")
	runIn(t, dir, "", nil, "version", "x").fails(t, "version", "多余的参数“x”")
	runIn(t, dir, "", nil, "user").fails(t, "user", "用法：tracker user add")
	runIn(t, dir, "", nil, "frobnicate").fails(t, "unknown command", "未知命令“frobnicate”")
	for _, f := range []string{"out.xlsx", "a.db", "b.db"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("a refused command wrote %s", f)
		}
	}
	s, _ = store.Open(db)
	defer s.Close()
	imps, _ := s.Imports(context.Background(), models.ImportFilter{})
	if len(imps) != 1 || imps[0].Status != models.StatusPreviewed {
		t.Errorf("history after one preview and refused imports: %+v", imps)
	}
}

// TestReportPeriodMessages: --quarter and --month exclude each other, and
// bad values get messages that name them.
func TestReportPeriodMessages(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--year", "2024", "--month", "13"}, "月份应为 1-12，收到 13"},
		{[]string{"--year", "1899", "--quarter", "1"}, "年份应在 1990 到 2100 之间，收到 1899"},
		{[]string{"--quarter", "1"}, "请用 --year 指定年份，例如 --year 2024"},
		{[]string{"--year", "2024", "--quarter", "5"}, "季度应为 1-4，收到 5"},
		{[]string{"--year", "2024", "--quarter", "1", "--month", "3"}, "--quarter 和 --month 只能指定一个"},
		{[]string{"--year", "2024"}, "请用 --quarter 指定季度（1-4），或用 --month 指定月份（1-12）"},
	} {
		runIn(t, dir, "", nil, append([]string{"report", "--db", "none.db"}, c.args...)...).fails(t, strings.Join(c.args, " "), "错误："+c.want+"\n")
	}
}

// TestDemoHelpNamesBothYears: tracker demo loads the 2023 and the 2024
// lists, and its help and the serve setting say so.
func TestDemoHelpNamesBothYears(t *testing.T) {
	r := runIn(t, t.TempDir(), "", nil, "demo", "--help")
	if !strings.Contains(r.stdout, "2023 年清单 536 个项目") || !strings.Contains(r.stdout, "2024 年清单 530 个项目") {
		t.Errorf("demo --help: %s", r.stdout)
	}
	for _, args := range [][]string{{"--help"}, {"serve", "--help"}} {
		if out := runIn(t, t.TempDir(), "", nil, args...).stdout; !strings.Contains(out, "载入 2023、2024 年演示项目库") || strings.Contains(out, "载入 2024 年演示项目库") {
			t.Errorf("tracker %s does not say the demo has both years", strings.Join(args, " "))
		}
	}
}

// TestHelpMatchesReadme: every command's --help starts with its synopsis,
// which is exactly a row of the README's command table, and names every
// flag the command has; tracker --help lists every synopsis.
func TestHelpMatchesReadme(t *testing.T) {
	readme := readmeCommands(t)
	var synopses []string
	main := runIn(t, t.TempDir(), "", nil, "--help")
	for _, c := range commands() {
		synopses = append(synopses, "tracker "+c.synopsis)
		r := runIn(t, t.TempDir(), "", nil, append(strings.Fields(c.name), "--help")...)
		if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "用法：tracker "+c.synopsis+"\n") {
			t.Errorf("%s --help: %+v", c.name, r)
		}
		if h := runIn(t, t.TempDir(), "", nil, append([]string{"help"}, strings.Fields(c.name)...)...); h.stdout != r.stdout {
			t.Errorf("tracker help %s differs from tracker %s --help", c.name, c.name)
		}
		if !strings.Contains(main.stdout, "tracker "+c.synopsis) {
			t.Errorf("tracker --help does not list %q", c.synopsis)
		}
		if c.name == "serve" {
			if !strings.Contains(r.stdout, "最长有效 12 小时，闲置 2 小时未使用即失效") {
				t.Errorf("serve --help does not state the 12-hour and 2-hour idle limits")
			}
			continue // its settings are checked against the configuration table
		}
		for _, m := range regexp.MustCompile(`(?m)^  (--?[a-z][a-z-]*)`).FindAllStringSubmatch(r.stdout, -1) {
			if !regexp.MustCompile(regexp.QuoteMeta(m[1]) + `\b`).MatchString(c.synopsis) {
				t.Errorf("%s has the flag %s, its synopsis %q does not", c.name, m[1], c.synopsis)
			}
		}
		for _, f := range regexp.MustCompile(`--?[a-z][a-z-]*`).FindAllString(c.synopsis, -1) {
			if !strings.Contains(r.stdout, "\n  "+f+" ") {
				t.Errorf("%s's synopsis names %s, its --help lists no such flag", c.name, f)
			}
		}
	}
	slices.Sort(synopses)
	if !slices.Equal(readme, synopses) {
		t.Errorf("README's command table:\n  %s\nthe binary's commands:\n  %s", strings.Join(readme, "\n  "), strings.Join(synopses, "\n  "))
	}
}

// readmeCommands returns the first column of the README's command table,
// sorted, with \| unescaped.
func readmeCommands(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	i := strings.Index(readme, "\n## Commands")
	if i < 0 {
		t.Fatal("README has no ## Commands section")
	}
	section := readme[i+1:]
	if j := strings.Index(section[3:], "\n## "); j >= 0 {
		section = section[:j+3]
	}
	var out []string
	for _, m := range regexp.MustCompile("(?m)^\\| `(tracker [^`]*)` \\|").FindAllStringSubmatch(section, -1) {
		out = append(out, strings.ReplaceAll(m[1], `\|`, "|"))
	}
	slices.Sort(out)
	return out
}

// TestServeListensFirst: with its port taken, serve fails naming the
// address before it creates the database or loads anything.
func TestServeListensFirst(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := t.TempDir()
	r := runIn(t, dir, "", []string{"TRACKER_ADMIN_PASSWORD=" + adminPassword}, "serve", "--addr", ln.Addr().String(), "--db", "new.db", "--demo")
	r.fails(t, "port taken", "无法监听 "+ln.Addr().String())
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("serve on a taken port left %d files", len(entries))
	}
}

// TestServeWithoutUsersSaysHowToCreateOne: a server with no user and no
// TRACKER_ADMIN_PASSWORD logs how to create the first user, and the way it
// names works beside the running server.
func TestServeWithoutUsersSaysHowToCreateOne(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	s := &server{t: t, name: "no users", logs: &logBuffer{}, exited: make(chan struct{}), addr: &addrWatcher{found: make(chan string, 1)},
		cmd: exec.Command(trackerBinary(t), "serve", "--addr", "127.0.0.1:0", "--db", db)}
	s.cmd.Env, s.cmd.Stdout, s.cmd.Stderr = cleanEnv(), s.addr, s.logs
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.cmd.Wait(); close(s.exited) }()
	t.Cleanup(s.kill)
	s.ready()
	hint := "tracker user add --db '" + db + "' --name admin --role admin --password-stdin"
	if logs := s.logs.String(); !strings.Contains(logs, `"level":"WARN"`) || !strings.Contains(logs, "TRACKER_ADMIN_PASSWORD") || !strings.Contains(logs, hint) {
		t.Fatalf("the log does not say how to create the first user: %s", logs)
	}
	args := strings.Fields(strings.ReplaceAll(hint, "'", ""))[1:] // the path has no spaces
	if r := runIn(t, dir, "first-pass-123\n", nil, args...); r.code != 0 {
		t.Fatalf("%s: %+v", hint, r)
	}
	s.login("admin", "first-pass-123")
}

// TestNoReportWithoutFigures: a period without figures gets no workbook
// but exit status 1 and a message, whether the database is empty, the
// year has no list, or the quarter nothing recorded; no file is written.
func TestNoReportWithoutFigures(t *testing.T) {
	dir := t.TempDir()
	if r := runIn(t, dir, "", nil, "init", "--db", "empty.db"); r.code != 0 {
		t.Fatalf("init: %+v", r)
	}
	runIn(t, dir, "", nil, "report", "--db", "empty.db", "--year", "2023", "--quarter", "1", "-o", "a.xlsx").
		fails(t, "empty database", "错误：2023年第一季度没有任何项目数据")
	runIn(t, dir, "", nil, "report", "--db", "empty.db", "--year", "2024", "--month", "1", "-o", "b.xlsx").
		fails(t, "empty database, January", "错误：2024年1月没有任何项目数据")
	runIn(t, dir, "", nil, "report", "--db", "empty.db", "--year", "2024", "--quarter", "2", "--docx", "-o", "a.docx").
		fails(t, "empty database, 通报", "错误：2024年第二季度没有任何项目数据")
	if r := runIn(t, dir, "", nil, "demo", "--db", "demo.db"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	runIn(t, dir, "", nil, "report", "--db", "demo.db", "--year", "2022", "--quarter", "4", "-o", "c.xlsx").
		fails(t, "a year without a list", "错误：2022年第四季度没有任何项目数据")
	if r := runIn(t, dir, "", nil, "report", "--db", "demo.db", "--year", "2023", "--quarter", "1", "-o", "d.xlsx"); r.code != 0 {
		t.Errorf("2023 Q1 of the demo: %+v", r)
	}
	for _, f := range []string{"a.xlsx", "b.xlsx", "c.xlsx", "a.docx"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s was written", f)
		}
	}
}
