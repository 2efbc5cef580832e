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

	"tracker/api"
	"tracker/models"
	"tracker/models/demo"
	"tracker/models/store"
)

func cmdServe(ctx context.Context, env envConfig, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", env.get("TRACKER_ADDR", "127.0.0.1:8080"), "监听地址（环境变量 TRACKER_ADDR）")
	dsn := dbFlag(fs, env)
	withDemo := fs.Bool("demo", env.get("TRACKER_DEMO", "") == "1", "数据库中没有项目时载入 2024 年演示项目库（环境变量 TRACKER_DEMO=1）")
	maxUpload := fs.Int64("max-upload-mb", 32, "上传文件大小上限（MB）")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rates, err := env.rateConfig()
	if err != nil {
		return err
	}
	log := newLogger(stderr)
	s, err := store.Open(*dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := prepare(ctx, s, env, *withDemo, log); err != nil {
		return err
	}
	srv := api.NewServer(s, api.Config{Rates: rates, MaxUploadBytes: *maxUpload << 20, Version: version}, log)
	return listenAndServe(ctx, *addr, srv, log, stdout)
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
	if _, err := s.CreateUser(ctx, models.User{Name: "admin", Role: models.RoleAdmin}, password); err != nil {
		return fmt.Errorf("创建管理员账号失败：%w", err)
	}
	log.Info("admin user created", "name", "admin")
	return nil
}

func listenAndServe(ctx context.Context, addr string, h http.Handler, log *slog.Logger, stdout io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("无法监听 %s：%w", addr, err)
	}
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	fmt.Fprintf(stdout, "tracker 已启动：http://%s\n", ln.Addr())
	log.Info("serving", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newLogger logs text on a terminal and JSON otherwise (for log shippers).
func newLogger(w io.Writer) *slog.Logger {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return slog.New(slog.NewTextHandler(w, nil))
	}
	return slog.New(slog.NewJSONHandler(w, nil))
}
