package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"tracker/models"
)

// TestExposition: tracker's own series with their labels and exact
// values, cumulative buckets, and the Go runtime's and process's metrics.
func TestExposition(t *testing.T) {
	m := New()
	for _, d := range []time.Duration{3 * time.Millisecond, 40 * time.Millisecond, 2 * time.Second} {
		m.Request("/api/v1/projects/:code", "GET", 404, d)
	}
	m.ImportDone(&models.Import{Status: models.StatusCommitted, RowsTotal: 10, RowsImported: 7}, 1500*time.Millisecond)
	m.ImportDone(&models.Import{Status: models.StatusPreviewed, RowsTotal: 10, RowsImported: 7}, time.Second)
	m.ReportDone(50 * time.Millisecond)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	text := string(body)
	for _, want := range []string{
		"# TYPE tracker_http_requests_total counter",
		`tracker_http_requests_total{method="GET",route="/api/v1/projects/:code",status="404"} 3`,
		"# TYPE tracker_http_request_duration_seconds histogram",
		`tracker_http_request_duration_seconds_bucket{route="/api/v1/projects/:code",le="0.005"} 1`,
		`tracker_http_request_duration_seconds_bucket{route="/api/v1/projects/:code",le="0.05"} 2`,
		`tracker_http_request_duration_seconds_bucket{route="/api/v1/projects/:code",le="2.5"} 3`,
		`tracker_http_request_duration_seconds_bucket{route="/api/v1/projects/:code",le="+Inf"} 3`,
		`tracker_http_request_duration_seconds_sum{route="/api/v1/projects/:code"} 2.043`,
		`tracker_import_rows_total{outcome="applied"} 7`,
		`tracker_import_rows_total{outcome="read"} 20`,
		`tracker_import_rows_total{outcome="rejected"} 6`,
		"tracker_import_duration_seconds_count 2",
		`tracker_import_duration_seconds_bucket{le="1"} 1`,
		"tracker_report_duration_seconds_count 1",
		"# TYPE go_goroutines gauge",
		"go_memstats_heap_alloc_bytes ",
		"# TYPE process_resident_memory_bytes gauge",
		"process_start_time_seconds ",
	} {
		if !strings.Contains(text, want+"\n") && !strings.Contains(text, want) {
			t.Errorf("no %q in\n%.2000s", want, text)
		}
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("content type %q", ct)
	}
}
