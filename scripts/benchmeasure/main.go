// Command benchmeasure times whole processes for scripts/bench-import.sh,
// the way /usr/bin/time -v does: wall clock from start to reaping, and the
// reaped child's peak RSS (ru_maxrss) and CPU (user + system) from wait4.
//
//	benchmeasure run -o results.tsv -task T -tool NAME -n N [-runs 3] [-limit 300s] [-setup CMD] [-verify CMD] -- CMD ARG...
//	benchmeasure report results.tsv
//	benchmeasure goals results.tsv
//
// run appends one line to the results: the median, min and max wall time,
// the median peak RSS and CPU over the kept runs, the last line the tool
// printed (or the -verify command's output) as a check, and notes. When
// N ≤ 20000 one uncounted warm-up run comes first. A run during which
// other processes used more than a quarter of a core (from /proc/stat) is
// contended: up to 3 more runs are tried for clean ones (none when N >
// 20000), and contended runs kept are counted in the notes. A run over the
// limit is killed with its process group and the case recorded as skipped.
// report prints the results as markdown tables, one per task. -setup is a
// shell command run, untimed, before each run (a fresh copy of a
// database). goals prints the ratios issue 19 sets for the import and the
// report, from the same results (see goals.go).
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	log.SetFlags(0)
	if len(os.Args) < 2 {
		log.Fatal("usage: benchmeasure run|report ...")
	}
	switch os.Args[1] {
	case "run":
		runCmd(os.Args[2:])
	case "goals":
		if len(os.Args) != 3 {
			log.Fatal("usage: benchmeasure goals results.tsv")
		}
		if err := goals(os.Args[2]); err != nil {
			log.Fatal(err)
		}
	case "report":
		if len(os.Args) != 3 {
			log.Fatal("usage: benchmeasure report results.tsv")
		}
		if err := report(os.Args[2]); err != nil {
			log.Fatal(err)
		}
	default:
		log.Fatalf("unknown mode %q", os.Args[1])
	}
}

// sample is one timed run.
type sample struct {
	wall, cpu time.Duration
	rssMiB    float64
	contended bool
}

func runCmd(args []string) {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	out := fs.String("o", "results.tsv", "results file to append to")
	task := fs.String("task", "", "the task, e.g. read (shared strings)")
	tool := fs.String("tool", "", "the tool's name")
	n := fs.Int("n", 0, "rows")
	runs := fs.Int("runs", 3, "runs to keep")
	limit := fs.Duration("limit", 300*time.Second, "longest run allowed")
	verify := fs.String("verify", "", "a command whose output checks the result (run once, after)")
	setup := fs.String("setup", "", "a shell command run, untimed, before each run")
	fs.Parse(args)
	cmd := fs.Args()
	if len(cmd) == 0 || *task == "" || *tool == "" {
		log.Fatal("benchmeasure run: -task, -tool and a command after -- are required")
	}
	var clean, contended []sample
	note, check := "", ""
	prepare := func() error {
		if *setup == "" {
			return nil
		}
		if out, err := exec.Command("sh", "-c", *setup).CombinedOutput(); err != nil {
			return fmt.Errorf("setup failed (%v): %s", err, strings.TrimSpace(string(out)))
		}
		return nil
	}
	if *n <= 20000 {
		if prepare() == nil {
			runOnce(cmd, *limit) // warm-up: page cache, interpreters' bytecode caches
		}
	}
	tries := *runs
	if *n <= 20000 {
		tries += 3
	}
	for i := 0; i < tries && len(clean) < *runs; i++ {
		if err := prepare(); err != nil {
			note = err.Error()
			break
		}
		s, last, err := runOnce(cmd, *limit)
		if err != nil {
			note = err.Error()
			break
		}
		check = last
		if s.contended {
			contended = append(contended, s)
		} else {
			clean = append(clean, s)
		}
	}
	kept := append(clean, contended[:max(0, min(len(contended), *runs-len(clean)))]...)
	if note == "" && len(clean) < len(kept) {
		note = fmt.Sprintf("(%d contended run(s) kept)", len(kept)-len(clean))
	}
	ok := len(kept) > 0 && (note == "" || strings.HasPrefix(note, "("))
	if *verify != "" && ok {
		if b, err := exec.Command("sh", "-c", *verify).Output(); err == nil {
			check = strings.TrimSpace(string(b))
		} else {
			check = "verify failed: " + err.Error()
		}
	}
	row := []string{*task, *tool, strconv.Itoa(*n), "", "", "", "", strconv.Itoa(len(kept)), "", check, note}
	if ok {
		walls := seconds(kept, func(s sample) float64 { return s.wall.Seconds() })
		row[3], row[4], row[5] = f3(median(walls)), f3(slices.Min(walls)), f3(slices.Max(walls))
		row[6] = fmt.Sprintf("%.0f", median(seconds(kept, func(s sample) float64 { return s.rssMiB })))
		row[8] = f3(median(seconds(kept, func(s sample) float64 { return s.cpu.Seconds() })))
	}
	for i := range row {
		row[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(row[i])
	}
	line := strings.Join(row, "\t")
	fmt.Println(line)
	f, err := os.OpenFile(*out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintln(f, line)
}

// runOnce runs cmd in its own process group and returns its sample and
// the last line it printed; a failure or a run over the limit is an error.
func runOnce(cmd []string, limit time.Duration) (sample, string, error) {
	var output bytes.Buffer
	c := exec.Command(cmd[0], cmd[1:]...)
	c.Stdout, c.Stderr = &output, &output
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	busy0 := busySeconds()
	start := time.Now()
	if err := c.Start(); err != nil {
		return sample{}, "", fmt.Errorf("failed: %v", err)
	}
	timer := time.AfterFunc(limit, func() { syscall.Kill(-c.Process.Pid, syscall.SIGKILL) })
	err := c.Wait()
	wall := time.Since(start)
	timer.Stop()
	if wall >= limit {
		return sample{}, "", fmt.Errorf("skipped: one run exceeded %v", limit)
	}
	text := strings.TrimSpace(output.String())
	if err != nil {
		if len(text) > 300 {
			text = text[len(text)-300:]
		}
		return sample{}, "", fmt.Errorf("failed (%v): %s", err, text)
	}
	ru := c.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	other := busySeconds() - busy0 - cpu.Seconds()
	s := sample{wall: wall, cpu: cpu, rssMiB: float64(ru.Maxrss) / 1024, contended: other > 0.25*wall.Seconds()+0.05}
	last := text
	if i := strings.LastIndexByte(text, '\n'); i >= 0 {
		last = text[i+1:]
	}
	return s, last, nil
}

// busySeconds is the CPU time every core has spent not idle since boot.
func busySeconds() float64 {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	var total, idle float64
	for i, f := range strings.Fields(line)[1:] {
		v, _ := strconv.ParseFloat(f, 64)
		if i < 8 {
			total += v
		}
		if i == 3 || i == 4 { // idle, iowait
			idle += v
		}
	}
	return (total - idle) / 100 // USER_HZ
}

func seconds(ss []sample, f func(sample) float64) []float64 {
	out := make([]float64, len(ss))
	for i, s := range ss {
		out[i] = f(s)
	}
	return out
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func f3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// report prints one markdown table per task: each tool's median wall
// time, range, CPU, peak RSS, rows per second and its time relative to the
// fastest tool at the same N.
func report(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if r := strings.Split(sc.Text(), "\t"); len(r) == 11 {
			rows = append(rows, r)
		}
	}
	var tasks []string
	fastest := map[string]float64{} // task|N → best median
	for _, r := range rows {
		if !slices.Contains(tasks, r[0]) {
			tasks = append(tasks, r[0])
		}
		if med, err := strconv.ParseFloat(r[3], 64); err == nil {
			k := r[0] + "|" + r[2]
			if b, ok := fastest[k]; !ok || med < b {
				fastest[k] = med
			}
		}
	}
	for _, task := range tasks {
		fmt.Printf("\n### %s\n\n| tool | N | median wall s | min–max s | CPU s | peak RSS MiB | rows/s | × fastest |\n|---|---:|---:|---:|---:|---:|---:|---:|\n", task)
		var notes, checks []string
		for _, r := range rows {
			if r[0] != task {
				continue
			}
			med, err := strconv.ParseFloat(r[3], 64)
			if err != nil {
				fmt.Printf("| %s | %s | %s | | | | | |\n", r[1], r[2], r[10])
				continue
			}
			n, _ := strconv.Atoi(r[2])
			mark := ""
			if r[10] != "" {
				mark, notes = " ¹", append(notes, r[1]+" N="+r[2]+": "+r[10])
			}
			fmt.Printf("| %s | %s | %s%s | %s–%s | %s | %s | %.0f | %.1f |\n", r[1], r[2], r[3], mark, r[4], r[5], r[8], r[6],
				float64(n)/med, med/fastest[task+"|"+r[2]])
			checks = append(checks, r[1]+" N="+r[2]+": "+r[9])
		}
		fmt.Println("\nWhat each tool reported (or the read-back of what it wrote):")
		for _, c := range checks {
			fmt.Println("- " + c)
		}
		for _, n := range notes {
			fmt.Println("- ¹ " + n)
		}
	}
	return nil
}
