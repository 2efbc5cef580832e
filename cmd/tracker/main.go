// Command tracker runs the major-project portfolio tracker: the web
// service, the demo portfolio, offline imports and reports, users and
// backups. It is the only place that reads the environment and picks a
// database driver.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"tracker/models"
)

const usage = `tracker — 淄博市重大项目建设情况跟踪系统

用法：
  tracker serve [--addr ADDR] [--db DSN] [--demo]   启动网页与 API 服务
  tracker demo [--db DSN]                           载入 2024 年演示项目库（可重复执行）
  tracker import [--db DSN] [--period YYYY-MM] [--dry-run] FILE...   离线导入台账
  tracker report [--db DSN] --year Y --quarter Q [-o FILE]            生成季度报告
  tracker inspect --cells FILE                      以 JSON 显示读取器看到的单元格（不导入）
  tracker user add [--db DSN] --name N --role admin|uploader|reviewer [--district D] --password-stdin
  tracker backup [--db DSN] FILE                    备份数据库（运行中也可执行）
  tracker healthcheck [--url URL]                   检查运行中的服务（/healthz），正常时退出码为 0
  tracker version                                   显示版本

环境变量：TRACKER_ADDR、TRACKER_DB、TRACKER_ADMIN_PASSWORD 等，详见 README。
`

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signalContext()
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "错误："+message(err))
		os.Exit(1)
	}
}

// run dispatches a command line; it returns errors instead of exiting so
// commands can be tested in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("缺少命令")
	}
	env := envConfig{lookup: os.Getenv}
	switch args[0] {
	case "serve":
		return cmdServe(ctx, env, args[1:], stdout, stderr)
	case "demo":
		return cmdDemo(ctx, env, args[1:], stdout)
	case "user":
		return cmdUser(ctx, env, args[1:], stdin, stdout)
	case "backup":
		return cmdBackup(ctx, env, args[1:], stdout)
	case "healthcheck":
		return cmdHealthcheck(ctx, env, args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "tracker", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return extraCommands(ctx, env, args, stdin, stdout, stderr)
}

// message is the text shown for an error: the Chinese message of a
// models.Error, else the error itself (command-line users are operators).
func message(err error) string {
	var e *models.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}
