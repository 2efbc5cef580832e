package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"tracker/models"
	"tracker/models/store"
)

// bulkImport is one ledger of new projects sent during the backup test.
type bulkImport struct {
	name string
	data []byte
	sets figures
	id   int64
	done bool // the server answered 200
}

// newProjectsLedger is ledger k: rows new 张店区 projects of its own.
func newProjectsLedger(k, rows int) *bulkImport {
	b := &bulkImport{name: fmt.Sprintf("backup-%02d.csv", k), sets: figures{}}
	lines := make([]ledgerRow, rows)
	for i := range lines {
		code := fmt.Sprintf("2406-370303-27-01-%06d", k*rows+i)
		v := models.Money(500_000 + int64(i)*13 + int64(k))
		lines[i] = ledgerRow{Code: code, Name: fmt.Sprintf("备份测试项目%d-%d", k, i), District: "张店区", Nature: models.NatureNew, Completed: v}
		b.sets[code] = v
	}
	b.data = ledgerCSV("张店区", lines)
	return b
}

// TestBackupWhileImporting runs `tracker backup` again and again while
// two sessions import ledgers of 2,000 new projects each into a live
// server, and once more after.
// Every copy must pass PRAGMA integrity_check, hold every import that was
// committed before the backup started, and hold each import wholly or not
// at all; a server started on the last copy must serve all of it.
func TestBackupWhileImporting(t *testing.T) {
	const streams, perStream, rows, maxBackups = 2, 10, 2000, 6
	dir := t.TempDir()
	db := filepath.Join(dir, "tracker.db")
	srv := startServer(t, "server", db, true)
	admin := srv.login("admin", adminPassword)
	base := apiFigures(t, admin)

	var mu sync.Mutex
	var all []*bulkImport
	tried := 0 // uploads answered or failed
	for k := 0; k < streams*perStream; k++ {
		all = append(all, newProjectsLedger(k, rows))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	st := &stats{}
	for s := 0; s < streams; s++ {
		c := srv.login("admin", adminPassword)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, b := range all[s*perStream : (s+1)*perStream] {
				start := time.Now()
				status, body, err := c.uploadAdding(ctx, b.name, b.data)
				st.add("upload", time.Since(start), status, body, err)
				var imp importResult
				ok := err == nil && status == http.StatusOK && decode(body, &imp) == nil
				mu.Lock()
				b.id, b.done, tried = imp.ID, ok, tried+1
				mu.Unlock()
			}
		}()
	}

	// Back up again and again while the imports run, then once after;
	// check the copies afterwards, so that the backups come thick and fast.
	type backup struct {
		path    string
		before  map[string]bool
		running bool
		took    time.Duration
	}
	var copies []backup
	waitUntil(ctx, func() bool { mu.Lock(); defer mu.Unlock(); return tried > 0 })
	for n := 0; n < maxBackups; n++ {
		mu.Lock()
		b := backup{path: filepath.Join(dir, fmt.Sprintf("copy-%d.db", n)), before: map[string]bool{}, running: tried < len(all)}
		mu.Unlock()
		if !b.running || n == maxBackups-1 {
			wg.Wait()
			b.running = false
		}
		mu.Lock()
		for _, imp := range all {
			if imp.done {
				b.before[imp.name] = true
			}
		}
		mu.Unlock()
		start := time.Now()
		if out, err := runTracker(t, "", "backup", "--db", db, b.path); err != nil {
			t.Fatalf("backup %d: %v\n%s", n, err, out)
		}
		b.took = time.Since(start)
		copies = append(copies, b)
		if !b.running {
			break
		}
	}
	wg.Wait()
	st.log(t)
	st.check(t)
	if ctx.Err() != nil {
		t.Fatal("the imports did not finish within their deadline")
	}
	var lastWant figures
	var lastCompleted models.Money
	for n, b := range copies {
		var held int
		held, lastWant, lastCompleted = checkCopy(t, b.path, base, all, b.before)
		t.Logf("backup %d took %v: %d imports committed before it started, %d in the copy (imports still running: %v)", n, b.took.Round(time.Millisecond), len(b.before), held, b.running)
	}
	if len(copies) < 2 || !copies[0].running {
		t.Error("no backup ran while imports were running")
	}
	if len(lastWant) != len(juneList())+len(all)*rows {
		t.Errorf("the last backup holds %d projects, want all %d", len(lastWant), len(juneList())+len(all)*rows)
	}
	last := copies[len(copies)-1].path

	restored := startServer(t, "restored", last, false)
	c := restored.login("admin", adminPassword)
	if h := c.importHistory(t); len(h) != len(all) {
		t.Errorf("the restored server lists %d imports, want %d", len(h), len(all))
	}
	var r struct {
		Projects  int          `json:"projects"`
		Completed models.Money `json:"completed_wan"`
	}
	c.mustGet(t, "/api/v1/rates?year=2024&quarter=2", &r)
	if r.Projects != len(lastWant) || r.Completed != lastCompleted {
		t.Errorf("the restored server's June rates: %d projects, completed %s 万元; want %d, %s", r.Projects, r.Completed.WanString(), len(lastWant), lastCompleted.WanString())
	}
}

// checkCopy opens a backup and checks it: integrity, every import of
// before present, each import in it committed and whole, no project of an
// import it does not hold. It returns the number of imports it holds and
// the June figures it must serve, and its total completed as of June.
func checkCopy(t *testing.T, path string, base figures, all []*bulkImport, before map[string]bool) (int, figures, models.Money) {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	imps, err := s.Imports(ctx, models.ImportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	held := map[string]bool{}
	for _, imp := range imps {
		held[imp.FileName] = true
		if imp.Status != models.StatusCommitted || imp.Created != len(all[0].sets) || imp.RowsImported != imp.RowsTotal {
			t.Errorf("%s: import %d (%s) is %s with %d of %d rows applied, %d created", path, imp.ID, imp.FileName, imp.Status, imp.RowsImported, imp.RowsTotal, imp.Created)
		}
	}
	want := base.clone()
	for _, b := range all {
		if before[b.name] && !held[b.name] {
			t.Errorf("%s lacks %s, committed before the backup started", path, b.name)
		}
		if held[b.name] {
			for code, v := range b.sets {
				want[code] = v
			}
		}
	}
	ps, err := s.PortfolioAsOf(ctx, june)
	if err != nil {
		t.Fatal(err)
	}
	if d := want.diff(figuresOf(countedInJune(ps))); d != "" {
		t.Errorf("%s holds half an import: %s", path, d)
	}
	var completed models.Money
	for _, p := range ps {
		v, _ := p.CompletedAsOf(june)
		completed += v
	}
	return len(imps), want, completed
}

// waitUntil polls cond every 10 ms until it holds or ctx ends.
func waitUntil(ctx context.Context, cond func() bool) {
	for !cond() && ctx.Err() == nil {
		time.Sleep(10 * time.Millisecond)
	}
}

// TestBackupWhileAWriterHoldsTheLock runs `tracker backup` while another
// connection holds SQLite's write lock in an open transaction, as a long
// import does. VACUUM INTO reads a snapshot and needs no write lock, so
// the backup must neither wait for the writer nor fail with "database is
// locked" once the 10 s busy timeout has passed; nor may the copy hold the
// writer's uncommitted row.
func TestBackupWhileAWriterHoldsTheLock(t *testing.T) {
	trackerBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "tracker.db")
	if out, err := runTracker(t, "", "demo", "--db", db); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	raw, err := sql.Open("sqlite3", "file:"+db+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec("UPDATE projects SET name = name || '（未提交）'"); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "copy.db")
	start := time.Now()
	out, err := runTracker(t, "", "backup", "--db", db, copyPath)
	took := time.Since(start)
	tx.Rollback()
	if err != nil {
		t.Fatalf("backup while a writer held the lock (%v): %v\n%s", took.Round(time.Millisecond), err, out)
	}
	t.Logf("backup took %v while a writer held the lock", took.Round(time.Millisecond))
	s, err := store.Open(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	n, _, err := s.Projects(ctx, store.ProjectFilter{Year: 2024, Query: "未提交", PerPage: 1})
	if err != nil || n != 0 {
		t.Errorf("the copy holds %d projects renamed by the uncommitted transaction (%v)", n, err)
	}
	if n, _ := s.CountProjects(ctx); n != demoProjects() {
		t.Errorf("the copy holds %d projects, want %d", n, demoProjects())
	}
}
