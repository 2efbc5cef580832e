package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"golang.org/x/term"

	"tracker/models"
	"tracker/models/demo"
	"tracker/models/store"
	httpserver "tracker/server" // the test files name their process type server
)

func cmdServe(ctx context.Context, env envConfig, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseServe(env, args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		printServeUsage(stdout)
		return nil
	}
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.logLevel)
	s, err := store.Open(cfg.dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := prepare(ctx, s, env, cfg.demo, log); err != nil {
		return err
	}
	srv := httpserver.New(s, httpserver.Config{Rates: cfg.rates, MaxUploadBytes: cfg.maxUploadBytes, Version: version,
		MetricsToken: cfg.metricsToken, TrustedProxies: cfg.trustedProxies, AllowedHosts: cfg.allowedHosts,
		MaxConnsPerClient: cfg.maxConnsPerClient, Logins: cfg.logins}, log)
	return serveAll(ctx, cfg, srv, log, stdout)
}

// serveAll serves the API on cfg.addr and, when cfg.metricsAddr is set,
// the metrics alone on that address; both stop together.
func serveAll(ctx context.Context, cfg serveConfig, srv *httpserver.Server, log *slog.Logger, stdout io.Writer) error {
	if cfg.metricsAddr == "" {
		return listenAndServe(ctx, cfg.addr, srv.HTTPServer(), srv.LimitConns, cfg.shutdownTimeout, log, stdout)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		metrics := &http.Server{Handler: srv.MetricsHandler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
			WriteTimeout: time.Minute}
		errc <- listenAndServe(ctx, cfg.metricsAddr, metrics, srv.LimitConns, cfg.shutdownTimeout, log, io.Discard)
		cancel()
	}()
	err := listenAndServe(ctx, cfg.addr, srv.HTTPServer(), srv.LimitConns, cfg.shutdownTimeout, log, stdout)
	cancel()
	return errors.Join(err, <-errc)
}

// prepare loads the demo when asked and the database has no project, and
// creates the bootstrap admin when there is no user.
func prepare(ctx context.Context, s *store.Store, env envConfig, withDemo bool, log *slog.Logger) error {
	if withDemo {
		n, err := s.CountProjects(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			created, err := s.SeedPortfolio(ctx, demo.Portfolio2024(), "演示数据")
			if err != nil {
				return fmt.Errorf("载入演示项目库失败：%w", err)
			}
			log.Info("demo portfolio loaded", "projects", created)
		}
	}
	password := env.lookup("TRACKER_ADMIN_PASSWORD")
	if password == "" {
		return nil
	}
	n, err := s.CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	if _, err := s.CreateUser(ctx, models.User{Name: "admin", Role: models.RoleAdmin, MustChangePassword: true}, password); err != nil {
		// Another server process starting on the same database at the
		// same moment may have created it first.
		if n, cerr := s.CountUsers(ctx); cerr == nil && n > 0 {
			return nil
		}
		return fmt.Errorf("创建管理员账号失败：%w", err)
	}
	log.Info("admin user created", "name", "admin")
	return nil
}

// listenAndServe serves hs on addr, its connections limited by limit,
// until ctx ends, then stops accepting connections and waits up to drain
// for the requests in flight.
func listenAndServe(ctx context.Context, addr string, hs *http.Server, limit func(net.Listener) net.Listener, drain time.Duration,
	log *slog.Logger, stdout io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("无法监听 %s：%w", addr, err)
	}
	ln = limit(ln)
	fmt.Fprintf(stdout, "tracker 已启动：http://%s\n", ln.Addr())
	log.Info("serving", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "addr", ln.Addr().String(), "drain", drain.String())
	shutdown, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newLogger logs text on a terminal and JSON otherwise (for log shippers),
// from level on.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}
