package sheet

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fuzzLimits keep one fuzz input cheap.
var fuzzLimits = Limits{MaxFileBytes: 1 << 20, MaxRows: 1000, MaxEntryBytes: 4 << 20, MaxUnzippedBytes: 8 << 20}

// seedFiles returns the spreadsheets under the given globs (the importer's
// fixtures and this package's).
func seedFiles(globs ...string) map[string][]byte {
	out := map[string][]byte{}
	for _, g := range globs {
		paths, _ := filepath.Glob(g)
		for _, p := range paths {
			switch strings.ToLower(filepath.Ext(p)) {
			case ".xlsx", ".xls", ".csv":
				if data, err := os.ReadFile(p); err == nil {
					out[p] = data
				}
			}
		}
	}
	return out
}

var seedGlobs = []string{"testdata/*", "../testdata/*", "../testdata/blackbox/*"}

// FuzzOpen opens mutated spreadsheets both ways and streams every sheet:
// no panic, no error other than an *Error (or ErrRedo for a lazy read),
// cells within the limits and in column order, and quickly.
func FuzzOpen(f *testing.F) {
	for p, data := range seedFiles(seedGlobs...) {
		f.Add(data, filepath.Ext(p))
	}
	f.Add(kindsWorkbook(f), ".xlsx")
	f.Add([]byte("项目代码,项目名称\n\n2403-370303-04-01-000001,甲\n"), ".csv")
	f.Fuzz(func(t *testing.T, data []byte, ext string) {
		start := cpuTime()
		for _, lazy := range []bool{true, false} {
			checkRead(t, data, "f"+ext, lazy)
		}
		if d := cpuTime() - start; d > 5*time.Second {
			t.Errorf("took %v of CPU", d)
		}
	})
}

// checkRead opens data and streams it, checking the contract's invariants.
func checkRead(t *testing.T, data []byte, name string, lazy bool) {
	t.Helper()
	b, err := Open(data, name, Options{Limits: fuzzLimits, Lazy: lazy})
	if err == nil {
		defer b.Close()
		for _, s := range b.Sheets {
			if err = s.Rows(func(r *Row) error { return checkRow(t, r) }); err != nil {
				break
			}
		}
	}
	var se *Error
	switch {
	case err == nil, errors.As(err, &se) && se.Message != "", lazy && errors.Is(err, ErrRedo):
	default:
		t.Fatalf("lazy=%v: error %T %v is not an *Error", lazy, err, err)
	}
}

// cpuTime is the CPU time the process has used: a bound on work that the
// load of a shared machine does not make flaky, as wall time would be.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func checkRow(t *testing.T, r *Row) error {
	l := fuzzLimits.WithDefaults()
	for i, c := range r.Cells {
		if c.Col < 0 || c.Col >= l.MaxColumns || i > 0 && c.Col <= r.Cells[i-1].Col {
			t.Fatalf("row %d: cell %d at column %d out of order or range", r.Num, i, c.Col)
		}
		if len(c.Text) > l.MaxCellBytes {
			t.Fatalf("row %d: a cell of %d bytes", r.Num, len(c.Text))
		}
	}
	if r.Num < 1 {
		t.Fatalf("row number %d", r.Num)
	}
	return nil
}
