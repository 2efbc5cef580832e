package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"golang.org/x/term"

	"tracker/models"
	"tracker/models/store"
	httpserver "tracker/server" // the test files name their process type server
)

var serveCommand = &command{
	name:     "serve",
	synopsis: "serve [--addr ADDR] [--db DSN] [--demo] [--SETTING VALUE...]",
	summary:  "启动网页与 API 服务（各项设置见 tracker serve --help）",
	help: "启动网页与 API 服务：先打开监听端口（端口被占用时立即失败，不动数据库），再创建或升级数据库、\n" +
		"按需载入演示项目库和创建管理员，然后开始应答；准备期间到达的连接排队等候，准备好后即得到应答。\n" +
		"收到 SIGTERM 或 SIGINT 时停止接受连接，等待进行中的请求完成后退出。每项设置可由选项或环境变量给出，选项优先。",
	usage: printServeSettings,
	run:   cmdServe,
}

// cmdServe listens first, so a taken port fails before the database is
// touched; then it opens (creating or migrating) the database, loads the
// demo and creates the bootstrap admin, and only then serves. Connections
// that arrive meanwhile wait in the listen queue and are answered once
// the server is ready.
func cmdServe(ctx context.Context, inv *invocation, args []string) error {
	cfg, err := parseServe(inv, args)
	if err != nil {
		return err
	}
	log := newLogger(inv.stderr, cfg.logLevel)
	lns, err := listenAll(cfg)
	if err != nil {
		return err
	}
	log.Info("listening; preparing the database", "addr", lns[0].Addr().String())
	s, err := openServing(ctx, cfg, inv.env, log)
	if err != nil {
		for _, ln := range lns {
			ln.Close()
		}
		if ctx.Err() != nil {
			return nil // a stop signal during start-up is a clean stop
		}
		return err
	}
	defer s.Close()
	srv := httpserver.New(s, httpserver.Config{Rates: cfg.rates, MaxUploadBytes: cfg.maxUploadBytes, Version: version,
		MetricsToken: cfg.metricsToken, TrustedProxies: cfg.trustedProxies, AllowedHosts: cfg.allowedHosts,
		MaxConnsPerClient: cfg.maxConnsPerClient, Logins: cfg.logins, Collection: cfg.collection}, log)
	served := []*listener{{srv.LimitConns(lns[0]), srv.HTTPServer()}}
	if len(lns) > 1 {
		metrics := &http.Server{Handler: srv.MetricsHandler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
			WriteTimeout: time.Minute}
		served = append(served, &listener{srv.LimitConns(lns[1]), metrics})
	}
	done := serveAll(ctx, served, cfg.shutdownTimeout, log)
	fmt.Fprintf(inv.stdout, "tracker 已启动：http://%s\n", lns[0].Addr())
	return <-done
}

// openServing opens the database and prepares it for serving.
func openServing(ctx context.Context, cfg serveConfig, env envConfig, log *slog.Logger) (*store.Store, error) {
	s, err := store.Open(cfg.dsn)
	if err != nil {
		return nil, err
	}
	if err := prepare(ctx, s, env, cfg, log); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// prepare loads the demo when asked and the database has no project, and
// creates the bootstrap admin when there is no user. With no user and no
// TRACKER_ADMIN_PASSWORD it logs how to create the first one.
func prepare(ctx context.Context, s *store.Store, env envConfig, cfg serveConfig, log *slog.Logger) error {
	if cfg.demo {
		n, err := s.CountProjects(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			created, err := s.SeedDemo(ctx)
			if err != nil {
				return fmt.Errorf("载入演示项目库失败：%w", err)
			}
			log.Info("demo portfolio loaded", "projects", created)
		}
	}
	n, err := s.CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	password := env.lookup("TRACKER_ADMIN_PASSWORD")
	if password == "" {
		log.Warn(firstUserHint(cfg.dsn))
		return nil
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

// firstUserHint says how to create the first user of a database that has
// none.
func firstUserHint(dsn string) string {
	db := "'" + dsn + "'"
	if store.IsPostgres(dsn) {
		db = `"$TRACKER_DB"` // the DSN may hold a password: not in the log
	}
	return "数据库中还没有任何用户，无法登录。创建第一个管理员：设置环境变量 TRACKER_ADMIN_PASSWORD 后重启 tracker serve（创建用户 admin，首次登录须修改密码），" +
		"或另开终端运行 tracker user add --db " + db + " --name admin --role admin --password-stdin（从标准输入读取密码）"
}

// listenAll opens the main address and, when set, the metrics address,
// before anything else.
func listenAll(cfg serveConfig) ([]net.Listener, error) {
	ln, err := listen(cfg.addr)
	if err != nil || cfg.metricsAddr == "" {
		return []net.Listener{ln}, err
	}
	mln, err := listen(cfg.metricsAddr)
	if err != nil {
		ln.Close()
		return nil, err
	}
	return []net.Listener{ln, mln}, nil
}

func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("无法监听 %s：%w", addr, err)
	}
	return ln, nil
}

// listener is one address with the HTTP server that answers on it.
type listener struct {
	net.Listener
	hs *http.Server
}

// serveAll serves every listener until ctx ends or one fails, then stops
// them all; the channel yields their joined errors once all have stopped.
func serveAll(ctx context.Context, lns []*listener, drain time.Duration, log *slog.Logger) <-chan error {
	ctx, cancel := context.WithCancel(ctx)
	errs := make(chan error, len(lns))
	for _, ln := range lns {
		go func() {
			errs <- ln.serve(ctx, drain, log)
			cancel()
		}()
	}
	out := make(chan error, 1)
	go func() {
		var all []error
		for range lns {
			all = append(all, <-errs)
		}
		cancel()
		out <- errors.Join(all...)
	}()
	return out
}

// serve serves until ctx ends, then stops accepting connections and waits
// up to drain for the requests in flight.
func (l *listener) serve(ctx context.Context, drain time.Duration, log *slog.Logger) error {
	log.Info("serving", "addr", l.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- l.hs.Serve(l.Listener) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "addr", l.Addr().String(), "drain", drain.String())
	shutdown, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	if err := l.hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
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
