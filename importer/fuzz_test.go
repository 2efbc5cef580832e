package importer

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tracker/importer/sheet"
)

// FuzzRead feeds the fixtures, mutated, to the parser without Read's
// recover, so a panic shows up; every input must also end quickly.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	corpus, _ := filepath.Glob("testdata/corpus/*") // the department ledgers of TestCorpus
	for _, p := range append(files, corpus...) {
		if strings.HasSuffix(p, ".json") || strings.HasSuffix(p, "gen") {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, filepath.Ext(p))
		}
	}
	f.Add([]byte("项目代码,项目名称,1-6月累计完成投资\n2403-370303-04-01-000001,甲,1\n"), ".csv")
	limits := Limits{Limits: sheet.Limits{MaxFileBytes: 1 << 20, MaxRows: 1000, MaxEntryBytes: 4 << 20, MaxUnzippedBytes: 8 << 20}}
	f.Fuzz(func(t *testing.T, data []byte, ext string) {
		start := time.Now()
		_, _ = parse(data, Options{FileName: "f" + ext, Limits: limits})
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
	})
}

// TestReadMutatedFixtures is a deterministic fuzz run that always runs:
// fixtures with bytes flipped, cut, repeated or inserted must neither
// panic (parse has no recover) nor take long. It found a chain loop in the
// .xls reader's CFB code, now behind the sheet package's cfbWorkbook.
func TestReadMutatedFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/*")
	var seeds [][]byte
	for _, p := range files {
		if !strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, "gen") && !strings.HasSuffix(p, "fuzz") {
			if data, err := os.ReadFile(p); err == nil {
				seeds = append(seeds, data)
			}
		}
	}
	exts := []string{".xlsx", ".csv", ".xls", ""}
	limits := Limits{Limits: sheet.Limits{MaxFileBytes: 1 << 20, MaxRows: 1000, MaxEntryBytes: 4 << 20, MaxUnzippedBytes: 8 << 20}}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 3000; i++ {
		data := mutate(r, append([]byte(nil), seeds[r.Intn(len(seeds))]...))
		start := time.Now()
		_, _ = parse(data, Options{FileName: "f" + exts[r.Intn(len(exts))], Limits: limits})
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("mutation %d took %v", i, d)
		}
	}
}

// mutate applies one to four random edits.
func mutate(r *rand.Rand, data []byte) []byte {
	for m := 0; m < 1+r.Intn(4) && len(data) > 0; m++ {
		switch r.Intn(4) {
		case 0:
			for k := 0; k < 1+r.Intn(8); k++ {
				data[r.Intn(len(data))] = byte(r.Intn(256))
			}
		case 1:
			data = data[:1+r.Intn(len(data))]
		case 2:
			a, b := r.Intn(len(data)), r.Intn(len(data))
			a, b = min(a, b), max(a, b)
			data = append(append(append([]byte{}, data[:b]...), data[a:b]...), data[b:]...)
		case 3:
			i := r.Intn(len(data))
			ins := make([]byte, r.Intn(16))
			r.Read(ins)
			data = append(append(append([]byte{}, data[:i]...), ins...), data[i:]...)
		}
	}
	return data
}
