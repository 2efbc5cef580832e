// Package api serves the tracker's JSON API and pages over HTTP with Gin.
// Handlers stay thin: they parse, call the store or a pure package once,
// and respond; errors become HTTP statuses in one place (errors.go).
package api

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/models"
	"tracker/models/store"
)

// Config is what the server needs besides the store.
type Config struct {
	Rates          models.RateConfig
	MaxUploadBytes int64 // uploads above it get 413
	// ReadTimeout bounds reading one ledger; a file that takes longer gets
	// 422 (its work is bounded by the importer's limits as well).
	ReadTimeout time.Duration
	Version     string
	// MetricsToken, when set, is the bearer token /metrics wants; when
	// empty, /metrics answers loopback clients only.
	MetricsToken string
}

// Server serves the API on a store.
type Server struct {
	store   *store.Store
	cfg     Config
	log     *slog.Logger
	engine  *gin.Engine
	metrics *metrics
	// Failed logins: 5 per account and 30 per client address in 15 minutes.
	accountLogins *throttle
	addressLogins *throttle
}

// NewServer builds the server and its routes.
func NewServer(s *store.Store, cfg Config, log *slog.Logger) *Server {
	if cfg.MaxUploadBytes == 0 {
		cfg.MaxUploadBytes = 32 << 20
	}
	if cfg.ReadTimeout == 0 {
		cfg.ReadTimeout = 2 * time.Minute
	}
	if cfg.Rates == (models.RateConfig{}) {
		cfg.Rates = models.DefaultRateConfig()
	}
	gin.SetMode(gin.ReleaseMode)
	srv := &Server{store: s, cfg: cfg, log: log, engine: gin.New(), metrics: newMetrics(),
		accountLogins: newThrottle(5, 15*time.Minute, time.Now), addressLogins: newThrottle(30, 15*time.Minute, time.Now)}
	srv.routes()
	return srv
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.engine.ServeHTTP(w, r) }

// routes lists every route and who may call it.
func (s *Server) routes() {
	r := s.engine
	r.Use(s.observe, s.recoverPanics, securityHeaders)
	r.NoRoute(func(c *gin.Context) {
		s.fail(c, models.Errorf(models.ENOTFOUND, "没有这个地址：%s", c.Request.URL.Path))
	})
	r.GET("/healthz", s.health)
	r.GET("/metrics", s.metricsPage)
	r.GET("/api/openapi.json", openAPI)

	v1 := r.Group("/api/v1")
	v1.POST("/login", s.login)
	v1.GET("/version", s.version)
	read := v1.Group("", s.authenticate, s.require(models.User.CanRead))
	read.POST("/logout", s.logout)
	read.GET("/me", s.me)
	read.POST("/me/password", s.changePassword)
	read.GET("/tokens", s.tokens)
	read.DELETE("/tokens/:id", s.revokeToken)
	read.GET("/projects", s.listProjects)
	read.GET("/projects.xlsx", s.projectsWorkbook)
	read.GET("/projects/:code", s.getProject)
	read.GET("/rates", s.rates)
	read.GET("/units", s.units)
	read.GET("/imports", s.listImports)
	read.GET("/imports/:id", s.getImport)
	read.GET("/imports/:id/file", s.importFile)
	read.GET("/reports/quarterly.xlsx", s.quarterlyReport)
	read.GET("/submissions", s.submissions)
	read.GET("/template.xlsx", s.template)
	read.GET("/imports/:id/problems.xlsx", s.problemsWorkbook)
	read.GET("/locks", s.listLocks)

	write := read.Group("", s.require(models.User.CanImport))
	write.POST("/imports", s.postImport)
	write.POST("/imports/:id/commit", s.commitImport)
	write.POST("/imports/:id/revert", s.revertImport)
	write.PATCH("/projects/:code", s.editProject)

	admin := read.Group("", s.require(models.User.IsAdmin))
	admin.GET("/audit", s.audit)
	admin.GET("/audit.xlsx", s.auditWorkbook)
	admin.POST("/locks", s.lockQuarter)
	admin.DELETE("/locks", s.lockQuarter)
	s.pageRoutes()
}
