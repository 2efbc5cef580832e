package sheet

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"time"
)

// FuzzCFB feeds mutated compound files to the CFB reader, and mutated
// streams to it inside a well-formed compound file: no panic; a damaged
// file is errCFB or errNoWorkbook inside the package and an *Error with a
// Chinese message at its edge (xlsStream); a stream read is never larger
// than the file (no sector is read twice, none outside the file); and a
// stream written into a compound file reads back byte for byte.
func FuzzCFB(f *testing.F) {
	for _, data := range seedFiles(seedGlobs...) {
		if bytes.HasPrefix(data, sigCFB) && len(data) <= 128<<10 {
			f.Add(data)
		}
	}
	if enc, err := os.ReadFile("../testdata/encrypted.xlsx"); err == nil && bytes.HasPrefix(enc, sigCFB) {
		f.Add(enc) // a compound file without a workbook: an encrypted .xlsx
	}
	f.Add(cfbBuild([]byte("BIFF")))
	f.Add(cfbBuildNamed(bytes.Repeat([]byte{9, 8}, 3000), "BOOK"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		start := cpuTime()
		checkCFB(t, data)
		if len(data) <= cfbMaxStream {
			wb, err := openCFB(cfbBuild(data))
			want := append(data[:len(data):len(data)], make([]byte, max(0, 4096-len(data)))...)
			if err != nil || !bytes.Equal(wb.stream, want) || wb.macros {
				t.Fatalf("a stream of %d bytes in a compound file does not read back: %v", len(data), err)
			}
		}
		if d := cpuTime() - start; d > 5*time.Second {
			t.Errorf("took %v of CPU", d)
		}
	})
}

func checkCFB(t *testing.T, data []byte) {
	wb, err := openCFB(data)
	switch {
	case err == nil:
		if len(wb.stream) > len(data) {
			t.Fatalf("a stream of %d bytes out of a file of %d", len(wb.stream), len(data))
		}
	case !errors.Is(err, errCFB) && !errors.Is(err, errNoWorkbook):
		t.Fatalf("error %T %v is neither errCFB nor errNoWorkbook", err, err)
	}
	if !bytes.HasPrefix(data, sigCFB) {
		return
	}
	stream, err := xlsStream(data)
	if err != nil {
		wantChineseError(t, err)
		return
	}
	if wb == nil || wb.macros {
		t.Fatalf("xlsStream read a file openCFB refused or one with macros (%v)", wb)
	}
	if _, ok := filepass(wb.stream); !ok && !bytes.Equal(stream, wb.stream) {
		t.Fatalf("xlsStream and openCFB disagree on a stream without FILEPASS")
	}
}
