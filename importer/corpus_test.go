package importer_test

// The corpus: department ledgers as offices make them, written by openpyxl,
// LibreOffice (xlsx, xls, CSV in GBK and UTF-8), a minimal exporter's .xlsx
// and by hand (UTF-16 text, HTML saved as .xls), each with the figures it
// means in NAME.expected.json (the black-box format, blackbox_test.go),
// decided from the projects the generator describes and never from the
// importer's output. The generator is testdata/corpus/gen/make.py.
//
// A case may also give "pending", the misreading it shows that is not fixed
// yet (the case is skipped with it), and "error": a ledger that cannot be read must say so in
// Chinese: Read's error, or a problem when it returns no record, holds that
// text.

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tracker/importer"
	"tracker/models"
)

type corpusCase struct {
	blackboxCase
	Error string `json:"error"`
	// Pending names a misreading not fixed yet: the case is skipped with it.
	Pending string `json:"pending"`
}

func TestCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	paths, err := filepath.Glob(filepath.Join(dir, "*.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 25 {
		t.Fatalf("%d corpus cases, want at least 25", len(paths))
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var c corpusCase
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		t.Run(strings.TrimSuffix(filepath.Base(p), ".expected.json"), func(t *testing.T) {
			if c.Pending != "" {
				t.Skipf("pending: %s", c.Pending)
			}
			if c.Error != "" {
				runCorpusRefusal(t, dir, c)
				return
			}
			runBlackbox(t, dir, c.blackboxCase)
		})
	}
}

// runCorpusRefusal checks that a ledger with nothing to import says so.
func runCorpusRefusal(t *testing.T, dir string, c corpusCase) {
	t.Logf("%s: %s", c.File, c.Desc)
	data, err := os.ReadFile(filepath.Join(dir, c.File))
	if err != nil {
		t.Fatal(err)
	}
	led, err := importer.Read(data, importer.Options{FileName: c.File})
	if err != nil {
		var me *models.Error
		if !errors.As(err, &me) || !strings.Contains(me.Message, c.Error) {
			t.Errorf("Read: %v, want a message holding %q", err, c.Error)
		}
		return
	}
	if led.Records.Len() != 0 {
		t.Errorf("%d records, want none", led.Records.Len())
	}
	for _, p := range led.Problems {
		if strings.Contains(p.Message, c.Error) {
			return
		}
	}
	t.Errorf("no problem holds %q: %v", c.Error, led.Problems)
}
