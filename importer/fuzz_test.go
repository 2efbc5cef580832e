package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzRead feeds the fixtures, mutated, to the parser without Read's
// recover, so a panic shows up; every input must also end quickly.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, p := range files {
		if strings.HasSuffix(p, ".json") || strings.HasSuffix(p, "gen") {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, filepath.Ext(p))
		}
	}
	f.Add([]byte("项目代码,项目名称,1-6月累计完成投资\n2403-370303-04-01-000001,甲,1\n"), ".csv")
	limits := Limits{MaxFileBytes: 1 << 20, MaxRows: 1000, MaxEntryBytes: 4 << 20, MaxUnzippedBytes: 8 << 20}
	f.Fuzz(func(t *testing.T, data []byte, ext string) {
		start := time.Now()
		_, _ = parse(data, Options{FileName: "f" + ext, Limits: limits})
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
	})
}
