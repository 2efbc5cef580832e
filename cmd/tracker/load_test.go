package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"tracker/models"
)

// unitUpload is one ledger a unit sends: the file and the June figures it
// sets for every project of the unit.
type unitUpload struct {
	unit string
	name string
	data []byte
	sets figures
	id   int64 // the import's id, once the server answered
}

// unitLedger is the ledger of unit's projects that stream sends in round:
// a distinct June figure for every project, so the figures in force tell
// which upload wrote them. Unit "" is a city-wide ledger, sent by an
// admin, whose rows name their units.
func unitLedger(unit string, ps []models.Project, stream, round int) *unitUpload {
	label := unit
	if label == "" {
		label = "全市"
	}
	up := &unitUpload{unit: unit, name: fmt.Sprintf("%s-%d-%d.csv", label, stream, round), sets: figures{}}
	rows := make([]ledgerRow, len(ps))
	for j, p := range ps {
		v := models.Money(2_000_000 + int64(stream)*100_000 + int64(round)*1_000 + int64(j))
		rows[j] = ledgerRow{Code: p.Code, Name: p.Name, District: p.District, Nature: p.Nature, Completed: v}
		up.sets[p.Code] = v
	}
	up.data = ledgerCSV(unit, rows)
	return up
}

// lastWriterWins returns the June figures once the uploads are in: base,
// then for each project the figure of the upload with the highest import
// id that set it (the one committed last: imports commit one at a time,
// in id order).
func lastWriterWins(base figures, ups []*unitUpload) figures {
	want := base.clone()
	by := map[string]int64{}
	for _, up := range ups {
		for code, v := range up.sets {
			if id, ok := by[code]; !ok || up.id > id {
				want[code], by[code] = v, up.id
			}
		}
	}
	return want
}

// apiFigures reads every 2024 project's June figure through the API, a
// thousand projects a page.
func apiFigures(t *testing.T, c *apiClient) figures {
	t.Helper()
	var all []models.Project
	for page := 1; page <= 100; page++ {
		var list struct {
			Total int
			Items []models.Project
		}
		c.mustGet(t, fmt.Sprintf("/api/v1/projects?year=2024&month=6&per_page=1000&page=%d", page), &list)
		all = append(all, list.Items...)
		if len(all) >= list.Total || len(list.Items) == 0 {
			if len(all) != list.Total {
				t.Fatalf("projects: total %d, %d items on the pages", list.Total, len(all))
			}
			break
		}
	}
	return figuresOf(countedInJune(all))
}

// checkHistory checks that the history holds exactly the uploads sent,
// each committed with every row applied.
func checkHistory(t *testing.T, history []importResult, ups []*unitUpload, rowsByUnit map[string]int) {
	t.Helper()
	byID := map[int64]importResult{}
	for _, imp := range history {
		byID[imp.ID] = imp
	}
	if len(history) != len(ups) {
		t.Errorf("the history holds %d imports, want the %d sent", len(history), len(ups))
	}
	for _, up := range ups {
		imp, ok := byID[up.id]
		n := rowsByUnit[up.unit]
		switch {
		case !ok:
			t.Errorf("import %d (%s) is not in the history", up.id, up.name)
		case imp.Status != "committed" || imp.FileName != up.name || imp.RowsTotal != n || imp.RowsImported != n || imp.Updated+imp.Unchanged != n:
			t.Errorf("import %d: %+v, want %s committed with %d rows applied", up.id, imp, up.name, n)
		}
	}
}

// stats collects latencies per request kind and the requests that failed.
type stats struct {
	mu       sync.Mutex
	took     map[string][]time.Duration
	failures []string
}

func (s *stats) add(kind string, d time.Duration, status int, body []byte, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.took == nil {
		s.took = map[string][]time.Duration{}
	}
	s.took[kind] = append(s.took[kind], d)
	if err != nil || status != http.StatusOK {
		s.failures = append(s.failures, fmt.Sprintf("%s: status %d, %v: %.200s", kind, status, err, body))
	}
}

func (s *stats) log(t *testing.T) {
	kinds := make([]string, 0, len(s.took))
	for k := range s.took {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		p50, p99 := percentiles(s.took[k])
		t.Logf("%-8s %4d requests  p50 %7.1f ms  p99 %7.1f ms", k, len(s.took[k]), ms(p50), ms(p99))
	}
}

func (s *stats) check(t *testing.T) {
	t.Helper()
	for i, f := range s.failures {
		if i == 10 {
			t.Errorf("…and %d more failed requests", len(s.failures)-10)
			break
		}
		t.Errorf("failed request: %s", f)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// uploadAll runs the streams at once, each sending its uploads in order
// through its client, and records each import's id.
func uploadAll(ctx context.Context, st *stats, streams [][]*unitUpload, clients []*apiClient) {
	var wg sync.WaitGroup
	for i, ups := range streams {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, up := range ups {
				start := time.Now()
				status, body, err := clients[i].upload(ctx, up.name, up.data)
				st.add("upload", time.Since(start), status, body, err)
				var imp importResult
				if err == nil && status == http.StatusOK && decode(body, &imp) == nil {
					up.id = imp.ID
				}
			}
		}()
	}
	wg.Wait()
}

// TestLoadManyUnitsAtOnce has the whole city upload at once against one
// SQLite-backed server: 12 units, two sessions each sending three ledgers
// of the unit's projects in a race with each other, and the city office
// two ledgers of all 530 projects over them, while an admin reads
// rates and project lists, view pages and download the quarterly
// workbook. Every
// request must succeed (no SQLITE_BUSY reaching anyone), the history must
// hold every import, and each project's figure must be that of the last
// committed ledger that set it. The latencies are logged, never asserted.
func TestLoadManyUnitsAtOnce(t *testing.T) {
	const sessions, rounds, cityRounds = 2, 3, 2
	const reports, rates, lists, pages = 16, 48, 48, 48
	db := filepath.Join(t.TempDir(), "tracker.db")
	srv := startServer(t, "server", db, true)
	admin := srv.login("admin", adminPassword)
	base := apiFigures(t, admin)
	byUnit := demoByUnit()
	rowsByUnit := map[string]int{}
	var streams [][]*unitUpload
	var clients []*apiClient
	var all []*unitUpload
	names := addUploaders(t, db)
	for i, unit := range units {
		name := names[i]
		rowsByUnit[unit] = len(byUnit[unit])
		for s := 0; s < sessions; s++ {
			var ups []*unitUpload
			for r := 0; r < rounds; r++ {
				ups = append(ups, unitLedger(unit, byUnit[unit], s, r))
			}
			streams, all = append(streams, ups), append(all, ups...)
			clients = append(clients, srv.login(name, "pass-"+name))
		}
	}
	// The city office sends whole-city ledgers over the units' figures.
	var city []*unitUpload
	for r := 0; r < cityRounds; r++ {
		city = append(city, unitLedger("", juneList(), 9, r))
	}
	streams, all = append(streams, city), append(all, city...)
	clients = append(clients, srv.login("admin", adminPassword))
	rowsByUnit[""] = len(juneList())

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	st := &stats{}
	start := time.Now()
	var wg sync.WaitGroup
	wg.Add(1)
	// Reads come from a unit's uploader: the bootstrap admin's pages first
	// ask it to choose its own password.
	reader := srv.login(names[0], "pass-"+names[0])
	go func() { defer wg.Done(); readAll(ctx, st, reader, reports, rates, lists, pages) }()
	uploadAll(ctx, st, streams, clients)
	wg.Wait()
	t.Logf("%d uploads of %d–%d rows and %d reads in %v", len(all), minRows(rowsByUnit), maxRows(rowsByUnit), reports+rates+lists+pages, time.Since(start).Round(time.Millisecond))
	st.log(t)
	st.check(t)
	if ctx.Err() != nil {
		t.Fatalf("the load did not finish within its deadline")
	}
	if lines := lockErrors(srv.logs.String()); len(lines) > 0 {
		t.Errorf("the server logged %d SQLite lock errors, first: %.300s", len(lines), lines[0])
	}

	checkHistory(t, admin.importHistory(t), all, rowsByUnit)
	want := lastWriterWins(base, all)
	if d := want.diff(apiFigures(t, admin)); d != "" {
		t.Errorf("lost updates: %s", d)
	}
	checkRates(t, admin, want)
	if d := want.diff(juneFigures(t, db)); d != "" {
		t.Errorf("database: %s", d)
	}
}

// readAll sends the reads with four workers: report downloads, rates,
// pages of the project list through the API, and page views.
func readAll(ctx context.Context, st *stats, c *apiClient, reports, rates, lists, pages int) {
	type job struct{ kind, path string }
	jobs := make(chan job)
	go func() {
		defer close(jobs)
		for i := 0; i < max(reports, rates, lists, pages); i++ {
			if i < reports {
				jobs <- job{"report", "/api/v1/reports/quarterly.xlsx?year=2024&quarter=2"}
			}
			if i < rates {
				jobs <- job{"rates", "/api/v1/rates?year=2024&quarter=2"}
			}
			if i < lists {
				jobs <- job{"projects", fmt.Sprintf("/api/v1/projects?year=2024&per_page=100&page=%d&district=%s", i%3+1, units[i%len(units)])}
			}
			if i < pages {
				jobs <- job{"page", []string{"/dashboard", "/projects?district=" + units[i%len(units)], "/imports"}[i%3]}
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				start := time.Now()
				status, body, err := c.get(ctx, j.path)
				if j.kind == "report" && err == nil && status == http.StatusOK && !bytes.HasPrefix(body, []byte("PK")) {
					err = fmt.Errorf("the report is not a workbook (%d bytes)", len(body))
				}
				if j.kind == "page" && err == nil && status == http.StatusOK && !bytes.Contains(body, []byte("</html>")) {
					err = fmt.Errorf("%s is not a whole page (%d bytes)", j.path, len(body))
				}
				st.add(j.kind, time.Since(start), status, body, err)
			}
		}()
	}
	wg.Wait()
}

// checkRates checks that the June rates add up the figures exactly.
func checkRates(t *testing.T, c *apiClient, want figures) {
	t.Helper()
	var r struct {
		Projects  int          `json:"projects"`
		Completed models.Money `json:"completed_wan"`
	}
	c.mustGet(t, "/api/v1/rates?year=2024&quarter=2", &r)
	var sum models.Money
	for _, v := range want {
		sum += max(v, 0)
	}
	if r.Projects != len(want) || r.Completed != sum {
		t.Errorf("rates: %d projects, completed %s 万元; want %d and %s", r.Projects, r.Completed.WanString(), len(want), sum.WanString())
	}
}

func minRows(m map[string]int) int {
	n := 1 << 30
	for _, v := range m {
		n = min(n, v)
	}
	return n
}

func maxRows(m map[string]int) int {
	n := 0
	for _, v := range m {
		n = max(n, v)
	}
	return n
}
