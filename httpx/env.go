// Package httpx holds what the JSON API (package api) and the pages
// (package web) share at the HTTP edge: the one error → status table, the
// signed-in user in the request context, query parameters, uploads read
// within the size and time limits, downloads, the login throttles, and the
// import rights both apply. It renders nothing: JSON answers are api's,
// HTML pages web's.
package httpx

import (
	"log/slog"

	"tracker/ledgers"
	"tracker/metrics"
	"tracker/models"
	"tracker/models/store"
	"tracker/reporting"
)

// Env is what every handler of the API and the pages uses: the store, the
// settings, the log, the metrics and the login throttles. The server
// builds one and gives the same to both.
type Env struct {
	Store   *store.Store
	Log     *slog.Logger
	Metrics *metrics.Metrics
	Logins  *Logins
	// Rates are the thresholds of the lights and rates.
	Rates models.RateConfig
	// Collection is how the monthly collection runs: review, deadline.
	Collection models.Collection
	// MaxUploadBytes bounds an upload; a larger one gets 413.
	MaxUploadBytes int64
	// Ledgers is the import use case (read, preview, commit, revert).
	Ledgers *ledgers.Service
	// Reports is the report use case (workbooks, locked quarters as sent).
	Reports *reporting.Service
	// Work bounds the heavy requests running at once (HeavyWork); nil
	// bounds none.
	Work *Work
}
