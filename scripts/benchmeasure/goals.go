package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// The tools whose rows the goals compare (the names bench-import.sh gives).
const (
	toolExceljs      = "exceljs stream WorkbookReader (read only)"
	toolLibxlsx      = "libxlsxwriter (C) constant_memory"
	toolReport       = "tracker report: the whole 调度 workbook"
	goalRSSMiB       = 128
	goalImportRatio  = 0.5 // of exceljs' read
	goalWriteRatio   = 1.5 // of libxlsxwriter, per cell
	trackerImportTag = "tracker import"
)

// goals prints issue 19's goals as ratios from one run's results: each
// tracker import (new or update, SQLite or PostgreSQL) against exceljs'
// read of the same file, with its peak RSS; the report against
// libxlsxwriter per cell, with its peak RSS. A ratio is the tracker's
// median wall time over the peer's, both measured in this run.
func goals(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	type res struct {
		tool   string
		n      int
		wall   float64
		rss    float64
		cpu    float64
		ok     bool
		reason string
	}
	var rows []res
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		r := strings.Split(sc.Text(), "\t")
		if len(r) != 11 {
			continue
		}
		n, _ := strconv.Atoi(r[2])
		x := res{tool: r[1], n: n, reason: r[10]}
		var e1, e2, e3 error
		x.wall, e1 = strconv.ParseFloat(r[3], 64)
		x.rss, e2 = strconv.ParseFloat(r[6], 64)
		x.cpu, e3 = strconv.ParseFloat(r[8], 64)
		x.ok = e1 == nil && e2 == nil && e3 == nil
		rows = append(rows, x)
	}
	find := func(tool string, n int) (res, bool) {
		for _, r := range rows {
			if r.tool == tool && r.n == n && r.ok {
				return r, true
			}
		}
		return res{}, false
	}
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT met"
	}
	fmt.Println("\n### Issue 19's goals (ratios of median wall times measured in this run)")
	fmt.Println()
	fmt.Println("| case | N | tracker s | peer s | ratio | goal | peak RSS MiB | goal |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|")
	printed := 0
	for _, r := range rows {
		if !strings.HasPrefix(r.tool, trackerImportTag) {
			continue
		}
		if !r.ok {
			fmt.Printf("| %s | %d | %s | | | | | |\n", r.tool, r.n, r.reason)
			continue
		}
		peer, ok := find(toolExceljs, r.n)
		if !ok {
			fmt.Printf("| %s | %d | %.2f | exceljs not measured | | ≤ %.1f × exceljs | %.0f | ≤ %d (%s) |\n", r.tool, r.n, r.wall, goalImportRatio, r.rss, goalRSSMiB, verdict(r.rss <= goalRSSMiB))
			continue
		}
		ratio := r.wall / peer.wall
		fmt.Printf("| %s | %d | %.2f | %.2f (exceljs) | %.2f | ≤ %.1f (%s) | %.0f | ≤ %d (%s) |\n", r.tool, r.n, r.wall, peer.wall, ratio,
			goalImportRatio, verdict(ratio <= goalImportRatio), r.rss, goalRSSMiB, verdict(r.rss <= goalRSSMiB))
		printed++
	}
	for _, r := range rows {
		if r.tool != toolReport || !r.ok {
			continue
		}
		// The report's cells: 项目明细 holds the N projects (its other sheets are
		// small); libxlsxwriter writes N × 12. Per cell, the tracker's workbook is
		// compared by its project rows' cells, as the issue does (2.4 million
		// cells for 53,000 projects: 45 a row).
		peer, ok := find(toolLibxlsx, r.n)
		if !ok {
			continue
		}
		ratio := (r.wall / float64(r.n*45)) / (peer.wall / float64(peer.n*12))
		fmt.Printf("| %s | %d | %.2f | %.2f (libxlsxwriter) | %.2f per cell | ≤ %.1f (%s) | %.0f | ≤ %d (%s) |\n", r.tool, r.n, r.wall, peer.wall,
			ratio, goalWriteRatio, verdict(ratio <= goalWriteRatio), r.rss, goalRSSMiB, verdict(r.rss <= goalRSSMiB))
		printed++
	}
	if printed == 0 {
		fmt.Println("| (no tracker case with its peer in this run) | | | | | | | |")
	}
	return nil
}
