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
// commands can be tested in-process. `tracker help CMD` is `tracker CMD
// --help`.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	switch {
	case len(args) == 0:
		printMainUsage(stderr)
		return errors.New("缺少命令")
	case args[0] == "help" && len(args) > 1:
		args = append(args[1:], "--help")
	case args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help":
		printMainUsage(stdout)
		return nil
	case args[0] == "--version":
		args = []string{"version"}
	}
	cmd, rest := find(args)
	if cmd == nil {
		if c := findFirstWord(args[0]); c != nil {
			return fmt.Errorf("用法：tracker %s", c.synopsis)
		}
		return fmt.Errorf("未知命令“%s”，运行 tracker --help 查看用法", args[0])
	}
	inv := &invocation{cmd: cmd, env: envConfig{lookup: os.Getenv}, stdin: stdin, stdout: stdout, stderr: stderr}
	err := cmd.run(ctx, inv, rest)
	if errors.Is(err, errHelpShown) {
		return nil
	}
	return err
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
