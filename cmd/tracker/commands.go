package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// command is one subcommand of tracker. Its synopsis (after "tracker ") is
// the first line of its --help and, exactly, the first column of the
// README's command table; a test checks both, and that every flag the
// command defines appears in it.
type command struct {
	name     string // as typed: "import", "user add"
	synopsis string // "import [--db DSN] [--period YYYY-MM] [--dry-run] FILE..."
	summary  string // one Chinese line for tracker --help
	help     string // what --help says after the synopsis, in Chinese
	// usage, when set, prints the options instead of the flag list (serve
	// prints its settings table).
	usage func(w io.Writer)
	run   func(ctx context.Context, inv *invocation, args []string) error
}

// commands is every subcommand, in the order of tracker --help. A new
// command is one entry here and a file defining it.
func commands() []*command {
	return []*command{
		serveCommand,
		demoCommand,
		initCommand,
		importCommand,
		reportCommand,
		inspectCommand,
		userAddCommand,
		backupCommand,
		healthcheckCommand,
		versionCommand,
	}
}

func (c *command) fullName() string { return "tracker " + c.name }

// invocation is one run of a command: the command, the environment and
// the standard streams.
type invocation struct {
	cmd            *command
	env            envConfig
	stdin          io.Reader
	stdout, stderr io.Writer
}

// flags returns an empty flag set for the command; parseArgs fills it.
func (inv *invocation) flags() *flag.FlagSet {
	fs := flag.NewFlagSet(inv.cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// dbFlag is every database command's --db, defaulting to TRACKER_DB.
func (inv *invocation) dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", inv.env.get("TRACKER_DB", "data/tracker.db"), "数据库：SQLite 文件路径，或 postgres:// 连接串 `DSN`（环境变量 TRACKER_DB）")
}

// find returns the command args start with and the arguments after its
// name, or nil.
func find(args []string) (*command, []string) {
	for _, c := range commands() {
		words := strings.Fields(c.name)
		if len(args) >= len(words) && slices.Equal(args[:len(words)], words) {
			return c, args[len(words):]
		}
	}
	return nil, nil
}

// findFirstWord returns the command whose name starts with word ("user"
// for "user add"), or nil.
func findFirstWord(word string) *command {
	for _, c := range commands() {
		if strings.Fields(c.name)[0] == word {
			return c
		}
	}
	return nil
}

// printMainUsage prints tracker --help: every command's synopsis and
// summary.
func printMainUsage(w io.Writer) {
	fmt.Fprint(w, "tracker — 淄博市重大项目建设情况跟踪系统\n\n用法：\n")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, c := range commands() {
		fmt.Fprintf(tw, "  tracker %s\t%s\n", c.synopsis, c.summary)
	}
	tw.Flush()
	fmt.Fprint(w, "\n每个命令的选项见 tracker 命令 --help；选项可写在参数前后，-- 之后的都是参数。\n")
	fmt.Fprint(w, "serve 的各项设置及其环境变量见 tracker serve --help。\n")
}
