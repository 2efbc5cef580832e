package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"gorm.io/gorm"

	"tracker/models"
)

// filePart is how much of a kept file one row of import_files holds. An
// upload is written and read a part at a time, so that neither the
// driver nor the database ever copies the whole of a 26 MB file at once,
// and the import's own row, saved again as the import is planned,
// committed or reviewed, no longer carries it (SQLite rewrites the whole
// row on every update: 26 MB each time, twice over in memory). A file of
// at most one part (a hand edit's or a list change's JSON) is part 0.
const filePart = 1 << 20

// FileSource is a file to keep, read where it lies (an upload's temporary
// file, the command line's file) or from memory (bytes.Reader).
type FileSource interface {
	io.ReaderAt
	Size() int64
}

// saveFile keeps an import's file a part at a time and returns its
// SHA-256 and size.
func saveFile(tx *gorm.DB, id int64, src FileSource) (sum string, size int64, err error) {
	h := sha256.New()
	size = src.Size()
	buf := make([]byte, min(size, filePart))
	for part, off := 0, int64(0); off < size; part, off = part+1, off+filePart {
		b := buf[:min(filePart, size-off)]
		if n, err := src.ReadAt(b, off); n < len(b) { // io.EOF is fine only with every byte read
			return "", 0, fmt.Errorf("读取上传的文件失败：第 %d 字节起应有 %d 字节，只读到 %d 字节：%v", off, len(b), n, err)
		}
		h.Write(b)
		if err := tx.Exec(`INSERT INTO import_files (import_id, part, data) VALUES (?, ?, ?)`, id, part, b).Error; err != nil {
			return "", 0, err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), size, nil
}

// saveFileBytes keeps a file held in memory.
func saveFileBytes(tx *gorm.DB, id int64, data []byte) (string, error) {
	sum, _, err := saveFile(tx, id, bytes.NewReader(data))
	return sum, err
}

// ImportFile returns an import's original file, byte for byte.
func (s *Store) ImportFile(ctx context.Context, id int64) (name string, data []byte, err error) {
	var buf bytes.Buffer
	name, _, err = s.ImportFileTo(ctx, id, &buf)
	return name, buf.Bytes(), err
}

// ImportFileTo writes an import's original file to w a part at a time (a
// commit copies a large one to a temporary file to read it from there)
// and returns its name and size.
func (s *Store) ImportFileTo(ctx context.Context, id int64, w io.Writer) (name string, n int64, err error) {
	var row importRow
	db := s.db.WithContext(ctx)
	if err := db.Select("id, file_name, file_size").First(&row, id).Error; err != nil {
		return "", 0, notFound(err, "没有编号为 %d 的导入记录", id)
	}
	if b, ok := w.(*bytes.Buffer); ok {
		b.Grow(int(row.FileSize))
	}
	rows, err := db.Raw(`SELECT data FROM import_files WHERE import_id = ? ORDER BY part`, id).Rows()
	if err != nil {
		return "", 0, err
	}
	defer rows.Close()
	var part []byte
	for rows.Next() {
		if err := rows.Scan(&part); err != nil {
			return "", n, err
		}
		k, err := w.Write(part)
		if n += int64(k); err != nil {
			return "", n, err
		}
	}
	return row.FileName, n, rows.Err()
}

// listFileColumn selects, as name, the kept JSON of a list change import
// (alias is the imports table's): part 0 is the whole of it. Other
// imports' files are not read.
func listFileColumn(alias, name string) string {
	return fmt.Sprintf("CASE WHEN %[1]s.kind = '%[2]s' THEN (SELECT f.data FROM import_files f WHERE f.import_id = %[1]s.id AND f.part = 0) END AS %[3]s",
		alias, models.ImportListChange, name)
}
