package importer

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"tracker/models"
)

// ReadSource, reading a file where it lies, reads every fixture (.xlsx
// through the file, .xls and CSV into memory first, the refused ones
// included) exactly as Read reads its bytes: the same ledger, or the same
// error.
func TestReadSourceAsRead(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.*")
	n := 0
	for _, path := range paths {
		if filepath.Ext(path) == ".json" || filepath.Ext(path) == ".md" {
			continue
		}
		n++
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{FileName: filepath.Base(path), Period: models.MonthOf(2024, 6)}
		want, wantErr := Read(data, opts)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, gotErr := ReadSource(io.NewSectionReader(f, 0, int64(len(data))), opts)
		f.Close()
		if models.ErrorCode(gotErr) != models.ErrorCode(wantErr) || (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Errorf("%s: error %v, want %v", path, gotErr, wantErr)
			continue
		}
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Errorf("%s: ledger differs:\n got %.300s\nwant %.300s", path, g, w)
		}
	}
	if n < 30 {
		t.Errorf("only %d fixtures read", n)
	}
}
