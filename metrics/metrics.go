// Package metrics counts what /metrics exposes: answered requests by route,
// imported rows, and the time imports and reports take, beside the Go
// runtime's (go_*) and the process's (process_*) own metrics. It uses the
// Prometheus client library with a registry of its own per Metrics, so
// several servers in one process (the tests) never share counters.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

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
	registry   *prometheus.Registry
	requests   *prometheus.CounterVec   // route, method, status
	durations  *prometheus.HistogramVec // route
	importRows *prometheus.CounterVec   // outcome: read, applied, rejected
	imports    prometheus.Histogram
	reports    prometheus.Histogram
}

// New makes empty counters, the three import outcomes present at 0.
func New() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tracker_http_requests_total",
			Help: "HTTP requests answered, by route pattern, method and status."}, []string{"route", "method", "status"}),
		durations: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "tracker_http_request_duration_seconds",
			Help: "Time to answer HTTP requests, by route pattern.", Buckets: requestBuckets}, []string{"route"}),
		importRows: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tracker_import_rows_total",
			Help: "Ledger data rows, by outcome: read, applied (committed) or rejected (left out for an error)."}, []string{"outcome"}),
		imports: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "tracker_import_duration_seconds",
			Help: "Time to read and record one import (upload or commit).", Buckets: jobBuckets}),
		reports: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "tracker_report_duration_seconds",
			Help: "Time to build and write one report workbook.", Buckets: jobBuckets}),
	}
	m.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.requests, m.durations, m.importRows, m.imports, m.reports)
	for _, o := range []string{"read", "applied", "rejected"} {
		m.importRows.WithLabelValues(o)
	}
	return m
}

// Request counts one answered request. route is the route's pattern
// (/api/v1/projects/:code), so the label set stays small; unknown
// addresses share the route "unmatched".
func (m *Metrics) Request(route, method string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.durations.WithLabelValues(route).Observe(d.Seconds())
}

// ImportDone counts an import's rows and duration. Rows read are the data
// rows the importer found (a preview and its commit each read them); rows
// applied are those a commit wrote; rows rejected are those left out for
// an error at each reading.
func (m *Metrics) ImportDone(imp *models.Import, d time.Duration) {
	m.importRows.WithLabelValues("read").Add(float64(imp.RowsTotal))
	m.importRows.WithLabelValues("rejected").Add(float64(max(imp.RowsTotal-imp.RowsImported, 0)))
	if imp.Status == models.StatusCommitted {
		m.importRows.WithLabelValues("applied").Add(float64(imp.RowsImported))
	}
	m.imports.Observe(d.Seconds())
}

// ReportDone records the time taken to build and write one workbook.
func (m *Metrics) ReportDone(d time.Duration) { m.reports.Observe(d.Seconds()) }

// Handler serves every metric in the Prometheus exposition format the
// scraper asks for (text by default). Who may ask is the caller's concern.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
}
