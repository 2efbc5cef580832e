package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"tracker/models"
)

// fileOf is n bytes that differ from part to part.
func fileOf(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i/filePart)
	}
	return b
}

// A file of several parts is kept from a reader, its SHA-256 and size
// with the import, and read back whole, byte for byte; discarding the
// preview drops its parts.
func TestFileKeptInParts(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		data := fileOf(2*filePart + 123)
		imp, err := s.CreateImport(ctx, NewImport{FileName: "台账.xlsx", File: bytes.NewReader(data), User: admin,
			Ledger: ledgerOf(202406, figureRecord(zd, 5*models.Wan)), DryRun: true})
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if imp.SHA256 != hex.EncodeToString(sum[:]) || imp.FileSize != int64(len(data)) {
			t.Errorf("sha256 %s, size %d", imp.SHA256, imp.FileSize)
		}
		var parts []int
		s.db.Raw(`SELECT length(data) FROM import_files WHERE import_id = ? ORDER BY part`, imp.ID).Scan(&parts)
		if len(parts) != 3 || parts[0] != filePart || parts[2] != 123 {
			t.Errorf("parts %v, want 1 MiB, 1 MiB, 123 bytes", parts)
		}
		name, back, err := s.ImportFile(ctx, imp.ID)
		if err != nil || name != "台账.xlsx" || !bytes.Equal(back, data) {
			t.Errorf("read back %q, %d bytes, equal %v: %v", name, len(back), bytes.Equal(back, data), err)
		}
		if head, err := s.ImportHead(ctx, imp.ID); err != nil || head.SHA256 != imp.SHA256 {
			t.Errorf("head %+v %v", head, err)
		}
		if err := s.DiscardImport(ctx, imp.ID); err != nil {
			t.Fatal(err)
		}
		var left int
		s.db.Raw(`SELECT count(*) FROM import_files`).Scan(&left)
		if left != 0 {
			t.Errorf("%d parts left after the discard", left)
		}
	})
}

// TestMigrationMovesFilesToParts: a file kept in its import's row before
// step 18 is part 0 after it, read back byte for byte; a row without a
// file has no part.
func TestMigrationMovesFilesToParts(t *testing.T) {
	check := func(t *testing.T, s *Store, upgrade func()) {
		ctx := context.Background()
		data := fileOf(3*filePart + 5)
		err := s.db.Exec(`INSERT INTO imports (status, kind, file_name, sha256, period, file_size, file_data) VALUES (?, 'monthly', '张店区台账.xlsx', '', 202406, ?, ?), (?, 'monthly', '空.xlsx', '', 202406, 0, NULL)`,
			models.StatusCommitted, len(data), data, models.StatusCommitted).Error
		if err != nil {
			t.Fatal(err)
		}
		upgrade()
		imps, err := s.Imports(ctx, models.ImportFilter{})
		if err != nil || len(imps) != 2 {
			t.Fatalf("after migration: %+v %v", imps, err)
		}
		_, back, err := s.ImportFile(ctx, imps[1].ID)
		if err != nil || !bytes.Equal(back, data) {
			t.Errorf("file after migration: %d bytes, %v", len(back), err)
		}
		if _, empty, err := s.ImportFile(ctx, imps[0].ID); err != nil || len(empty) != 0 {
			t.Errorf("empty file after migration: %d bytes, %v", len(empty), err)
		}
	}
	fromVersion(t, filesVersion-1, check)
}

// shortSource says it holds more bytes than it does (a temporary file cut
// short under the upload).
type shortSource struct{ *bytes.Reader }

func (s shortSource) Size() int64 { return s.Reader.Size() + 10 }

// TestFileCutShortIsNotKept: a file that ends before its size is refused,
// not kept padded with the previous part's bytes under a SHA-256 of them.
func TestFileCutShortIsNotKept(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		data := fileOf(filePart + 5)
		_, err := s.CreateImport(ctx, NewImport{FileName: "台账.xlsx", File: shortSource{bytes.NewReader(data)}, User: admin,
			Ledger: ledgerOf(202406, figureRecord(zd, 5*models.Wan)), DryRun: true})
		if err == nil || !strings.Contains(err.Error(), "读取上传的文件") {
			t.Fatalf("a file cut short was kept: %v", err)
		}
		var parts, imports int
		s.db.Raw(`SELECT count(*) FROM import_files`).Scan(&parts)
		s.db.Raw(`SELECT count(*) FROM imports`).Scan(&imports)
		if parts != 0 || imports != 0 {
			t.Errorf("%d parts and %d imports left", parts, imports)
		}
	})
}
