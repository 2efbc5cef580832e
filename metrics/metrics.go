// Package metrics counts what /metrics exposes: answered requests by route,
// imported rows, and the time imports and reports take. It writes the
// Prometheus text format (version 0.0.4) itself, without a client library.
package metrics

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"tracker/models"
)

// Bucket upper bounds in seconds: requests are mostly milliseconds; imports
// and reports take up to minutes for a large ledger or portfolio.
var (
	requestBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}
	jobBuckets     = []float64{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300}
)

// Metrics counts what /metrics exposes. All methods are safe for
// concurrent use.
type Metrics struct {
	mu         sync.Mutex
	requests   map[requestKey]uint64
	durations  map[string]*histogram // by route
	importRows map[string]uint64     // by outcome: read, applied, rejected
	imports    *histogram
	reports    *histogram
}

type requestKey struct{ route, method, status string }

// New makes empty counters.
func New() *Metrics {
	return &Metrics{requests: map[requestKey]uint64{}, durations: map[string]*histogram{},
		importRows: map[string]uint64{"read": 0, "applied": 0, "rejected": 0},
		imports:    newHistogram(jobBuckets), reports: newHistogram(jobBuckets)}
}

// Request counts one answered request. route is the route's pattern
// (/api/v1/projects/:code), so the label set stays small; unknown
// addresses share the route "unmatched".
func (m *Metrics) Request(route, method string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[requestKey{route, method, strconv.Itoa(status)}]++
	h := m.durations[route]
	if h == nil {
		h = newHistogram(requestBuckets)
		m.durations[route] = h
	}
	h.observe(d.Seconds())
}

// ImportDone counts an import's rows and duration. Rows read are the data
// rows the importer found (a preview and its commit each read them); rows
// applied are those a commit wrote; rows rejected are those left out for
// an error at each reading.
func (m *Metrics) ImportDone(imp *models.Import, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.importRows["read"] += uint64(imp.RowsTotal)
	m.importRows["rejected"] += uint64(max(imp.RowsTotal-imp.RowsImported, 0))
	if imp.Status == models.StatusCommitted {
		m.importRows["applied"] += uint64(imp.RowsImported)
	}
	m.imports.observe(d.Seconds())
}

// ReportDone records the time taken to build and write one workbook.
func (m *Metrics) ReportDone(d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reports.observe(d.Seconds())
}

// histogram counts observations in cumulative buckets, as Prometheus does.
type histogram struct {
	bounds []float64
	counts []uint64 // counts[i]: observations ≤ bounds[i] (not yet cumulative)
	count  uint64
	sum    float64
}

func newHistogram(bounds []float64) *histogram {
	return &histogram{bounds: bounds, counts: make([]uint64, len(bounds))}
}

func (h *histogram) observe(v float64) {
	h.count++
	h.sum += v
	if i := sort.SearchFloat64s(h.bounds, v); i < len(h.bounds) {
		h.counts[i]++
	}
}

// write prints the histogram's series with labels (`route="…"` or empty).
func (h *histogram) write(w io.Writer, name, labels string) {
	sep := ""
	if labels != "" {
		sep = ","
	}
	var cum uint64
	for i, b := range h.bounds {
		cum += h.counts[i]
		fmt.Fprintf(w, "%s_bucket{%s%sle=\"%s\"} %d\n", name, labels, sep, formatFloat(b), cum)
	}
	fmt.Fprintf(w, "%s_bucket{%s%sle=\"+Inf\"} %d\n", name, labels, sep, h.count)
	braces := ""
	if labels != "" {
		braces = "{" + labels + "}"
	}
	fmt.Fprintf(w, "%s_sum%s %s\n%s_count%s %d\n", name, braces, formatFloat(h.sum), name, braces, h.count)
}

// Expose prints every metric, series sorted, so scrapes are comparable.
func (m *Metrics) Expose(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprint(w, "# HELP tracker_http_requests_total HTTP requests answered, by route pattern, method and status.\n# TYPE tracker_http_requests_total counter\n")
	keys := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		return a.route < b.route || a.route == b.route && (a.method < b.method || a.method == b.method && a.status < b.status)
	})
	for _, k := range keys {
		fmt.Fprintf(w, "tracker_http_requests_total{route=%s,method=%s,status=%s} %d\n", quote(k.route), quote(k.method), quote(k.status), m.requests[k])
	}
	fmt.Fprint(w, "# HELP tracker_http_request_duration_seconds Time to answer HTTP requests, by route pattern.\n# TYPE tracker_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.durations))
	for r := range m.durations {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		m.durations[r].write(w, "tracker_http_request_duration_seconds", "route="+quote(r))
	}
	fmt.Fprint(w, "# HELP tracker_import_rows_total Ledger data rows, by outcome: read, applied (committed) or rejected (left out for an error).\n# TYPE tracker_import_rows_total counter\n")
	for _, o := range []string{"applied", "read", "rejected"} {
		fmt.Fprintf(w, "tracker_import_rows_total{outcome=%q} %d\n", o, m.importRows[o])
	}
	fmt.Fprint(w, "# HELP tracker_import_duration_seconds Time to read and record one import (upload or commit).\n# TYPE tracker_import_duration_seconds histogram\n")
	m.imports.write(w, "tracker_import_duration_seconds", "")
	fmt.Fprint(w, "# HELP tracker_report_duration_seconds Time to build and write one report workbook.\n# TYPE tracker_report_duration_seconds histogram\n")
	m.reports.write(w, "tracker_report_duration_seconds", "")
}

// quote escapes a label value as the text format wants: backslash, double
// quote and newline.
func quote(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(v) + `"`
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
