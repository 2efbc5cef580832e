// Package server puts the tracker's HTTP side together: it builds the gin
// engine, installs the middleware every request goes through (request log
// and metrics, panic recovery, security headers), serves /metrics and
// unknown addresses, and registers the JSON API (package api) and the
// pages (package web) on one engine with the same store, settings and
// login throttles.
package server

import (
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/api"
	"tracker/httpx"
	"tracker/ledgers"
	"tracker/metrics"
	"tracker/models"
	"tracker/models/store"
	"tracker/reporting"
	"tracker/web"
)

// gin's mode is a process-wide setting: release mode, set once, keeps it
// from printing every route at start.
func init() { gin.SetMode(gin.ReleaseMode) }

// Config is what the server needs besides the store.
type Config struct {
	Rates          models.RateConfig
	MaxUploadBytes int64 // uploads above it get 413; 32 MiB when 0
	// Collection: whether uploaders' uploads wait for the office's review
	// (the zero value: they do) and the monthly deadline.
	Collection models.Collection
	// ReadTimeout bounds reading one ledger; a file that takes longer gets
	// 422 (its work is bounded by the importer's limits as well). Two
	// minutes when 0.
	ReadTimeout time.Duration
	Version     string
	// MetricsToken, when set, is the bearer token /metrics wants; when
	// empty, /metrics answers loopback clients only.
	MetricsToken string
	// TrustedProxies are the addresses or CIDR ranges of reverse proxies
	// whose X-Forwarded-For / X-Real-IP name the client (for the login
	// throttles, the connection cap and the request log); none when empty,
	// so those headers are ignored.
	TrustedProxies []string
	// AllowedHosts, when set, are the only Host names (with or without
	// port) the server answers; others get 400. /healthz is exempt.
	AllowedHosts []string
	// MaxConnsPerClient caps the connections one client address holds at
	// once (LimitConns); unlimited when 0.
	MaxConnsPerClient int
	// Logins are the login throttles' limits.
	Logins httpx.LoginLimits
	// BodyTimeout bounds reading a form's or an edit's body; 10 s when 0.
	BodyTimeout time.Duration
	// HeavySlots is how many heavy requests (uploads, commits, problem
	// workbooks, reports: httpx.Work) run at once; 2 when 0. HeavyWait is
	// how long one waits for its turn before 429; 1 minute when 0 (a
	// negative wait does not wait).
	HeavySlots int
	HeavyWait  time.Duration
}

// Server serves the API and the pages on a store.
type Server struct {
	env     *httpx.Env
	cfg     Config
	engine  *gin.Engine
	pages   *web.Server
	trusted []netip.Prefix
}

// New builds the server and its routes.
func New(s *store.Store, cfg Config, log *slog.Logger) *Server {
	if cfg.MaxUploadBytes == 0 {
		cfg.MaxUploadBytes = 32 << 20
	}
	if cfg.ReadTimeout == 0 {
		cfg.ReadTimeout = 2 * time.Minute
	}
	if cfg.Rates == (models.RateConfig{}) {
		cfg.Rates = models.DefaultRateConfig()
	}
	if cfg.BodyTimeout == 0 {
		cfg.BodyTimeout = 10 * time.Second
	}
	if cfg.HeavySlots == 0 {
		cfg.HeavySlots = 2
	}
	if cfg.HeavyWait == 0 {
		cfg.HeavyWait = time.Minute
	}
	env := &httpx.Env{Store: s, Log: log, Metrics: metrics.New(), Logins: httpx.NewLogins(time.Now, cfg.Logins),
		Rates: cfg.Rates, MaxUploadBytes: cfg.MaxUploadBytes, Collection: cfg.Collection,
		Ledgers: &ledgers.Service{Store: s, ReadTimeout: cfg.ReadTimeout, Collection: cfg.Collection, Rates: cfg.Rates},
		Reports: &reporting.Service{Store: s, Rates: cfg.Rates, Collection: cfg.Collection},
		Work:    httpx.NewWork(cfg.HeavySlots, max(cfg.HeavyWait, 0))}
	srv := &Server{env: env, cfg: cfg, engine: gin.New()}
	// An uploaded file past the first MiB waits in a temporary file (removed
	// when the request ends) rather than in memory: httpx.Upload reads it
	// from there, so a 26 MB ledger is never held whole.
	srv.engine.MaxMultipartMemory = httpx.FormMemory
	srv.trustProxies(log)
	srv.routes()
	return srv
}

// trustProxies makes the engine believe forwarded client addresses only
// from the configured proxies; an unreadable list trusts none.
func (s *Server) trustProxies(log *slog.Logger) {
	trusted, err := ParseProxies(s.cfg.TrustedProxies)
	if err == nil {
		err = s.engine.SetTrustedProxies(s.cfg.TrustedProxies)
	}
	if err != nil {
		log.Error("trusted proxies ignored", "proxies", s.cfg.TrustedProxies, "err", err)
		trusted = nil
		s.engine.SetTrustedProxies(nil)
	}
	if len(s.cfg.TrustedProxies) == 0 {
		s.engine.SetTrustedProxies(nil)
	}
	s.trusted = trusted
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.engine.ServeHTTP(w, r) }

// Routes lists every route of the engine (the API's and the pages').
func (s *Server) Routes() gin.RoutesInfo { return s.engine.Routes() }

// routes installs the middleware, then the API's and the pages' routes.
// The pages offer some of the API's downloads under the page session (the
// API wants a bearer token a browser does not have): they get the API's
// handlers themselves.
func (s *Server) routes() {
	r := s.engine
	r.Use(s.observe, s.recoverPanics, securityHeaders, s.limitRequest)
	r.NoRoute(s.notFound)
	r.GET("/metrics", s.metricsPage)
	a := api.New(s.env, s.cfg.Version)
	a.Register(r)
	s.pages = web.New(s.env, web.Downloads{
		Projects: a.ProjectsWorkbook, Problems: a.ProblemsWorkbook, ImportFile: a.ImportFile,
		Quarterly: a.QuarterlyReport, Notice: a.QuarterlyNotice, Template: a.Template, Audit: a.AuditWorkbook,
	})
	s.pages.Register(r)
}
