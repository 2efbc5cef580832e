package main

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"tracker/models"
)

// crashRows is the size of the crash test's ledger: new projects on top of
// updates of all 530 demo projects.
const crashRows = 20000

// crashRun is the crash test's server and what its data must be.
type crashRun struct {
	t     *testing.T
	db    string
	srv   *server
	admin *apiClient
	base  figures   // the demo's June figures, before any import
	state figures   // the June figures now
	stack []applied // the imports in force, oldest first
	seq   int       // ledgers made so far
}

// applied is an import in force and the figures before it.
type applied struct {
	id     int64
	before figures
}

// ledger makes the next large ledger: crashRows new 张店区 projects and a
// new June figure for every demo project. It returns the file name, the
// file and the June figures once it is committed on top of before.
func (c *crashRun) ledger(before figures) (string, []byte, figures) {
	k := c.seq
	c.seq++
	after := before.clone()
	var rows []ledgerRow
	for i := 0; i < crashRows; i++ {
		code := fmt.Sprintf("2406-370303-26-01-%06d", k*crashRows+i)
		v := models.Money(1_000_000 + int64(i)*37 + int64(k))
		rows = append(rows, ledgerRow{Code: code, Name: fmt.Sprintf("张店区压力测试项目%d-%d", k, i), District: "张店区", Nature: models.NatureNew, Completed: v})
		after[code] = v
	}
	j := 0
	for _, ps := range demoByUnit() {
		for _, p := range ps {
			v := max(c.base[p.Code], 0) + models.Money(int64(k+1)*10_000+int64(j))
			rows = append(rows, ledgerRow{Code: p.Code, Name: p.Name, District: p.District, Nature: p.Nature, Completed: v})
			after[p.Code] = v
			j++
		}
	}
	return fmt.Sprintf("crash-%d.csv", k), ledgerCSV("", rows), after
}

// request is one HTTP call that may be cut short by a kill.
type request struct {
	status int
	body   []byte
	err    error
	took   time.Duration
}

// send runs call in the background; killAfter > 0 kills the server that
// long after the call started. It returns the call's outcome.
func (c *crashRun) send(call func(ctx context.Context) (int, []byte, error), killAfter time.Duration) request {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	done := make(chan request, 1)
	start := time.Now()
	go func() {
		status, body, err := call(ctx)
		done <- request{status, body, err, time.Since(start)}
	}()
	if killAfter > 0 {
		select {
		case r := <-done:
			c.srv.kill()
			return r
		case <-time.After(killAfter):
			c.srv.kill()
		}
	}
	return <-done
}

// restart starts the server again on the same file after a kill.
func (c *crashRun) restart() {
	c.srv = startServer(c.t, "server", c.db, true)
	c.admin = c.srv.login("admin", adminPassword)
}

// findImport returns the import named file in the history, if any.
func (c *crashRun) findImport(file string) (importResult, bool) {
	for _, imp := range c.admin.importHistory(c.t) {
		if imp.FileName == file {
			return imp, true
		}
	}
	return importResult{}, false
}

// checkCommitted checks an import record that is in force.
func checkCommitted(t *testing.T, imp importResult, status string) {
	t.Helper()
	want := importResult{ID: imp.ID, Status: status, FileName: imp.FileName, Period: "2024-06", Districts: imp.Districts,
		RowsTotal: crashRows + len(juneList()), RowsImported: crashRows + len(juneList()), Created: crashRows, Updated: len(juneList())}
	if fmt.Sprint(imp) != fmt.Sprint(want) {
		t.Errorf("import %+v, want %+v", imp, want)
	}
}

// TestCrashDuringImportAndRevert kills the server with SIGKILL while it
// imports a ledger of 20,530 rows, and again while it reverts one, at
// delays spread over the request's measured duration. After each kill the
// database must pass PRAGMA integrity_check and hold either the whole
// import (or revert) or none of it, and the restarted server must say so.
func TestCrashDuringImportAndRevert(t *testing.T) {
	dir := t.TempDir()
	c := &crashRun{t: t, db: filepath.Join(dir, "tracker.db")}
	c.srv = startServer(t, "server", c.db, true)
	c.admin = c.srv.login("admin", adminPassword)
	c.base = juneFigures(t, c.db)
	c.state = c.base
	if len(c.base) != len(juneList()) {
		t.Fatalf("demo has %d projects", len(c.base))
	}

	// Measure one import and one revert without a kill.
	name, file, after := c.ledger(c.base)
	r := c.send(func(ctx context.Context) (int, []byte, error) { return c.admin.uploadAdding(ctx, name, file) }, 0)
	imp := c.mustImport(r)
	checkCommitted(t, imp, "committed")
	if d := after.diff(juneFigures(t, c.db)); d != "" {
		t.Fatalf("after import: %s", d)
	}
	importTook := r.took
	r = c.send(c.revertCall(imp.ID), 0)
	if r.err != nil || r.status != http.StatusOK {
		t.Fatalf("revert: %d %v %.300s", r.status, r.err, r.body)
	}
	if d := c.base.diff(juneFigures(t, c.db)); d != "" {
		t.Fatalf("after revert: %s", d)
	}
	revertTook := r.took
	t.Logf("import of %d rows (%d KiB CSV) took %v; its revert %v", crashRows+530, len(file)>>10, importTook, revertTook)

	// Kills spread from 10% to 120% of the measured time: the first in the
	// upload, the middle ones in the transaction, the last mostly after
	// the answer (then the import or revert must have lasted).
	const imports, reverts = 5, 4
	for i := 0; i < imports; i++ {
		c.crashImport(i, spread(importTook, i, imports))
	}
	for i := 0; i < reverts; i++ {
		c.crashRevert(i, spread(revertTook, i, reverts))
	}
}

// spread returns the i-th of n delays from 10% to 120% of d.
func spread(d time.Duration, i, n int) time.Duration {
	return time.Duration(float64(d) * (0.1 + 1.1*float64(i)/float64(n-1)))
}

func (c *crashRun) mustImport(r request) importResult {
	c.t.Helper()
	var imp importResult
	if r.err != nil || r.status != http.StatusOK {
		c.t.Fatalf("import: %d %v %.300s", r.status, r.err, r.body)
	}
	if err := decode(r.body, &imp); err != nil {
		c.t.Fatal(err)
	}
	return imp
}

func (c *crashRun) revertCall(id int64) func(ctx context.Context) (int, []byte, error) {
	return func(ctx context.Context) (int, []byte, error) {
		return c.admin.do(ctx, "POST", fmt.Sprintf("/api/v1/imports/%d/revert", id), nil, "")
	}
}

// crashImport uploads the next ledger and kills the server after delay.
func (c *crashRun) crashImport(i int, delay time.Duration) {
	t := c.t
	before := c.state
	name, file, after := c.ledger(before)
	r := c.send(func(ctx context.Context) (int, []byte, error) { return c.admin.uploadAdding(ctx, name, file) }, delay)
	got := juneFigures(t, c.db)
	c.restart()
	imp, found := c.findImport(name)
	outcome := "absent"
	switch {
	case after.diff(got) == "":
		outcome = "committed"
		if !found {
			t.Fatalf("import kill %d: the figures of %s are in force but the import is not in the history", i, name)
		}
		checkCommitted(t, imp, "committed")
		c.stack = append(c.stack, applied{id: imp.ID, before: before})
		c.state = after
	case before.diff(got) == "":
		if found {
			t.Errorf("import kill %d: %s is in the history (%+v) but none of its figures are", i, name, imp)
		}
		if r.err == nil && r.status == http.StatusOK {
			t.Errorf("import kill %d: the server answered 200 for %s, then lost it", i, name)
		}
	default:
		t.Fatalf("import kill %d after %v: half an import: against the import %s; against the state before %s", i, delay, after.diff(got), before.diff(got))
	}
	t.Logf("import kill %d at %v: %s (client saw status %d, err %v)", i, delay.Round(time.Millisecond), outcome, r.status, r.err)
}

// crashRevert reverts the latest import in force (importing one first when
// none is) and kills the server after delay.
func (c *crashRun) crashRevert(i int, delay time.Duration) {
	t := c.t
	if len(c.stack) == 0 {
		c.importFully()
	}
	top := c.stack[len(c.stack)-1]
	r := c.send(c.revertCall(top.id), delay)
	got := juneFigures(t, c.db)
	c.restart()
	var imp importResult
	c.admin.mustGet(t, fmt.Sprintf("/api/v1/imports/%d", top.id), &imp)
	outcome := "reverted"
	switch {
	case c.state.diff(got) == "":
		outcome = "still committed"
		checkCommitted(t, imp, "committed")
		if r.err == nil && r.status == http.StatusOK {
			t.Errorf("revert kill %d: the server answered 200 for the revert of %d, then lost it", i, top.id)
		}
	case top.before.diff(got) == "":
		checkCommitted(t, imp, "reverted")
		c.stack = c.stack[:len(c.stack)-1]
		c.state = top.before
	default:
		t.Fatalf("revert kill %d after %v: half a revert: against the import %s; against the state before it %s", i, delay, c.state.diff(got), top.before.diff(got))
	}
	t.Logf("revert kill %d at %v: %s (client saw status %d, err %v)", i, delay.Round(time.Millisecond), outcome, r.status, r.err)
}

// importFully imports the next ledger without a kill.
func (c *crashRun) importFully() {
	name, file, after := c.ledger(c.state)
	imp := c.mustImport(c.send(func(ctx context.Context) (int, []byte, error) { return c.admin.uploadAdding(ctx, name, file) }, 0))
	checkCommitted(c.t, imp, "committed")
	c.stack = append(c.stack, applied{id: imp.ID, before: c.state})
	c.state = after
}
