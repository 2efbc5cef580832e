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
	toolReport       = "tracker report: the whole" // the 调度 and the quarterly workbook
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
		cells  int // the readback's cells= (writers), 0 when it printed none
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
		x.cells = cellsOf(r[9])
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
		if !strings.HasPrefix(r.tool, toolReport) || !r.ok {
			continue
		}
		// Per cell: the cells holding a value that each readback counted
		// (every sheet of the tracker's workbook; libxlsxwriter's N × 12
		// less its empty dates).
		peer, ok := find(toolLibxlsx, r.n)
		if !ok || r.cells == 0 || peer.cells == 0 {
			continue
		}
		// The CPU ratio beside it: on a busy machine a run's wall time is
		// mostly its waiting.
		perCell := func(x res, t float64) float64 { return t / float64(x.cells) }
		ratio := perCell(r, r.wall) / perCell(peer, peer.wall)
		cpuRatio := perCell(r, r.cpu) / perCell(peer, peer.cpu)
		fmt.Printf("| %s (%d cells) | %d | %.2f | %.2f (libxlsxwriter, %d cells) | %.2f per cell (CPU %.2f) | ≤ %.1f (%s) | %.0f | ≤ %d (%s) |\n", r.tool, r.cells, r.n, r.wall, peer.wall,
			peer.cells, ratio, cpuRatio, goalWriteRatio, verdict(ratio <= goalWriteRatio), r.rss, goalRSSMiB, verdict(r.rss <= goalRSSMiB))
		printed++
	}
	if printed == 0 {
		fmt.Println("| (no tracker case with its peer in this run) | | | | | | | |")
	}
	return nil
}

// cellsOf reads cells=N from a readback's check line, 0 when there is none.
func cellsOf(check string) int {
	for _, f := range strings.Fields(check) {
		if v, ok := strings.CutPrefix(f, "cells="); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return 0
}
