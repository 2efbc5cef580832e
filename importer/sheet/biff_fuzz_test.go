package sheet

import (
	"errors"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"
)

// xlsSeeds returns the workbook streams of the .xls fixtures here and in
// the importer's test data.
func xlsSeeds(t testing.TB) [][]byte {
	files := seedFiles(seedGlobs...)
	paths := make([]string, 0, len(files))
	for p := range files {
		if strings.HasSuffix(p, ".xls") {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	var out [][]byte
	for _, p := range paths {
		if wb, err := openCFB(files[p]); err == nil {
			out = append(out, wb.stream)
		}
	}
	if len(out) < 5 {
		t.Fatalf("only %d .xls seeds", len(out))
	}
	return out
}

// FuzzBIFF feeds mutated workbook streams, in a compound file and bare, to
// the .xls reader: no panic, only *Error out, quickly.
func FuzzBIFF(f *testing.F) {
	for _, s := range xlsSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, stream []byte) {
		if len(stream) > cfbMaxStream {
			return
		}
		start := cpuTime()
		checkRead(t, cfbBuild(stream), "f.xls", false)
		checkRead(t, stream, "f.xls", false)
		if d := cpuTime() - start; d > 5*time.Second {
			t.Errorf("took %v of CPU", d)
		}
	})
}

// TestTruncatedXls: a workbook stream cut anywhere, or the file itself
// cut anywhere, is refused with an *Error (a Chinese message), never
// read in part.
func TestTruncatedXls(t *testing.T) {
	for i, s := range xlsSeeds(t) {
		step := max(1, len(s)/400)
		for cut := 1; cut < len(s); cut += step + i%7 {
			err := readAll(cfbBuild(s[:cut]), "cut.xls", Options{})
			var se *Error
			if !errors.As(err, &se) || !hasChinese(se.Message) {
				t.Fatalf("seed %d cut at %d of %d: got %v", i, cut, len(s), err)
			}
		}
		file := cfbBuild(s)
		for cut := len(sigCFB); cut < len(file)-512; cut += len(file)/200 + 1 {
			var se *Error
			if err := readAll(file[:cut], "cut.xls", Options{}); !errors.As(err, &se) {
				t.Fatalf("seed %d: file cut at %d of %d: got %v", i, cut, len(file), err)
			}
		}
	}
}

// TestCorruptedRecords damages the records of the fixtures (bytes
// flipped, lengths changed, records dropped, repeated, swapped or given
// another type): the reader never panics, returns only *Error, and ends
// quickly.
func TestCorruptedRecords(t *testing.T) {
	seeds := xlsSeeds(t)
	r := rand.New(rand.NewSource(13))
	types := []uint16{recNumber, recRK, recMulRK, recLabelSST, recLabel, recFormula, recString, recSST, recContinue,
		recBOF, recEOF, recBoundsheet, recMergedCells, recColinfo, recRow, recXF, recFormat, recFilepass, recCodepage}
	for i := 0; i < 1500; i++ {
		s := corrupt(r, append([]byte(nil), seeds[r.Intn(len(seeds))]...), types)
		start := cpuTime()
		checkRead(t, cfbBuild(s), "bad.xls", false)
		if d := cpuTime() - start; d > 2*time.Second {
			t.Errorf("corruption %d took %v of CPU", i, d)
		}
	}
}

// corrupt applies one to three record-level damages to a stream.
func corrupt(r *rand.Rand, s []byte, types []uint16) []byte {
	for n := 1 + r.Intn(3); n > 0; n-- {
		recs := recordOffsets(s)
		if len(recs) < 2 {
			return s
		}
		a := recs[r.Intn(len(recs))]
		end := a + 4 + u16(s, a+2)
		switch r.Intn(6) {
		case 0: // bytes flipped inside a record
			for k := 0; k < 1+r.Intn(6) && end > a+4; k++ {
				s[a+4+r.Intn(end-a-4)] ^= byte(1 + r.Intn(255))
			}
		case 1: // a length that lies
			s[a+2], s[a+3] = byte(r.Intn(256)), byte(r.Intn(40))
		case 2: // a record dropped
			s = append(s[:a:a], s[end:]...)
		case 3: // a record repeated
			s = append(s[:end:end], append(append([]byte(nil), s[a:end]...), s[end:]...)...)
		case 4: // another type
			t := types[r.Intn(len(types))]
			s[a], s[a+1] = byte(t), byte(t>>8)
		case 5: // two records swapped
			b := recs[r.Intn(len(recs))]
			if b > end {
				bend := b + 4 + u16(s, b+2)
				s = append(append(append(append(append([]byte(nil), s[:a]...), s[b:bend]...), s[end:b]...), s[a:end]...), s[bend:]...)
			}
		}
	}
	return s
}

// recordOffsets lists where the records of a stream start.
func recordOffsets(s []byte) []int {
	var out []int
	rr := &records{s: s}
	for {
		rec, ok, err := rr.next()
		if err != nil || !ok {
			return out
		}
		out = append(out, rec.off)
	}
}

func hasChinese(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}
