package ledgers

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"tracker/models"
	"tracker/models/store"
)

// An upload read where it lies (Upload.File: the command line's file, an
// upload's temporary file) is kept byte for byte, and its commit reads
// the kept file again through a temporary file (bigFile lowered so that
// these small files take that way): the same counts as the preview's.
func TestUploadFromFileAndCommitThroughTemporaryFile(t *testing.T) {
	defer func(v int64) { bigFile = v }(bigFile)
	bigFile = 0
	withList, zd, zc := fixture(t)
	empty, err := store.Open(filepath.Join(t.TempDir(), "empty.db")) // no list yet: the workbook's projects are created
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { empty.Close() })
	ctx := context.Background()
	csvPath := filepath.Join(t.TempDir(), "台账.csv")
	if err := os.WriteFile(csvPath, csvOf(zd, zc), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		svc     *Service
		path    string
		period  models.Month
		created int
	}{{withList, csvPath, models.MonthOf(2024, 6), 0}, {&Service{Store: empty}, "../importer/testdata/basic.xlsx", models.MonthOf(2024, 6), 3}} {
		svc := c.svc
		data, err := os.ReadFile(c.path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(c.path)
		if err != nil {
			t.Fatal(err)
		}
		up := Upload{FileName: filepath.Base(c.path), File: io.NewSectionReader(f, 0, int64(len(data))), Period: c.period, User: office, DryRun: true}
		prev, err := svc.Import(ctx, up)
		f.Close()
		if err != nil || prev.Status != models.StatusPreviewed || prev.RowsImported == 0 || prev.Created != c.created {
			t.Fatalf("%s: preview %+v %v", c.path, prev, err)
		}
		if _, kept, err := svc.File(ctx, prev.ID, office); err != nil || !bytes.Equal(kept, data) {
			t.Errorf("%s: kept file differs (%d bytes, want %d): %v", c.path, len(kept), len(data), err)
		}
		done, err := svc.Commit(ctx, prev.ID, office)
		if err != nil || done.Status != models.StatusCommitted || done.RowsImported != prev.RowsImported || done.Created != prev.Created || done.Updated != prev.Updated {
			t.Errorf("%s: commit %+v %v, preview %d rows, %d created, %d updated", c.path, done, err, prev.RowsImported, prev.Created, prev.Updated)
		}
	}
}
