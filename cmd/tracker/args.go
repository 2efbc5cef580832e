package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// errHelpShown is returned after --help printed a command's usage; the
// command line then succeeds without doing anything else.
var errHelpShown = errors.New("help shown")

// arity is how many positional arguments a command takes: at least min, at
// most max (max < 0: no limit). name is what they are called in messages.
type arity struct {
	min, max int
	name     string
}

var noArgs = arity{}

// parseArgs reads args into fs before the command does anything: flags
// may stand anywhere among the positional arguments (`import a.xlsx
// --dry-run` is the same as `import --dry-run a.xlsx`), "--" ends the
// flags, and a lone "-" is positional. Anything else that starts with "-"
// must be a flag of fs, so a mistyped flag is never taken for a file.
// -h, -help and --help print the usage and return errHelpShown. Errors are
// Chinese and name the offending argument.
func (inv *invocation) parseArgs(fs *flag.FlagSet, args []string, want arity) ([]string, error) {
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		f := fs.Lookup(name)
		if f == nil && (name == "h" || name == "help") {
			inv.printUsage(fs)
			return nil, errHelpShown
		}
		if f == nil {
			return nil, fmt.Errorf("未知选项“%s”，运行 %s --help 查看用法", a, inv.cmd.fullName())
		}
		if !hasValue && !isBoolFlag(f) {
			if i+1 == len(args) {
				return nil, fmt.Errorf("选项 --%s 缺少值", name)
			}
			i++
			value = args[i]
		} else if !hasValue {
			value = "true"
		}
		if err := fs.Set(name, value); err != nil {
			return nil, fmt.Errorf("选项 --%s 应为%s，收到“%s”", name, kindOf(f), value)
		}
	}
	switch {
	case len(pos) < want.min:
		return nil, fmt.Errorf("缺少参数 %s，用法：tracker %s", want.name, inv.cmd.synopsis)
	case want.max >= 0 && len(pos) > want.max:
		return nil, fmt.Errorf("多余的参数“%s”，运行 %s --help 查看用法", pos[want.max], inv.cmd.fullName())
	}
	return pos, nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// kindOf names, in Chinese, what a flag's value must be.
func kindOf(f *flag.Flag) string {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return "有效值"
	}
	switch g.Get().(type) {
	case bool:
		return " true 或 false"
	case int, int64, uint, uint64:
		return "整数"
	case float64:
		return "数字"
	case time.Duration:
		return "时长（如 20s）"
	}
	return "有效值"
}

// printUsage prints a command's --help to stdout: its synopsis, what it
// does and each flag with its default.
func (inv *invocation) printUsage(fs *flag.FlagSet) {
	w := inv.stdout
	fmt.Fprintf(w, "用法：tracker %s\n\n%s\n", inv.cmd.synopsis, inv.cmd.help)
	if inv.cmd.usage != nil {
		inv.cmd.usage(w)
		return
	}
	printFlags(w, fs)
}

// printFlags lists fs's flags: --name METAVAR, what it is, its default.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return
	}
	fmt.Fprint(w, "\n选项：\n")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fs.VisitAll(func(f *flag.Flag) {
		meta, usage := flag.UnquoteUsage(f)
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		if isBoolFlag(f) {
			meta = ""
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def = "（默认 " + f.DefValue + "）"
		}
		fmt.Fprintf(tw, "  %s%s %s\t%s%s\n", dash, f.Name, meta, usage, def)
	})
	tw.Flush()
}
