package ledgers

import (
	"bytes"
	"context"
	"io"
	"os"

	"tracker/importer"
	"tracker/models"
)

// source is where the upload's bytes are read from.
func (up Upload) source() importer.Source {
	if up.File != nil {
		return up.File
	}
	return bytes.NewReader(up.Data)
}

// bigFile is the size past which a kept file read again is copied to a
// temporary file (a variable for the tests).
var bigFile int64 = 4 << 20

// keptFile returns an import's kept file to read again. A large one is
// copied a part at a time to an unlinked temporary file and read from
// there, so that its bytes (26 MB for 300,000 rows) are never in memory.
func (s *Service) keptFile(ctx context.Context, imp *models.Import) (string, keptSource, error) {
	if imp.FileSize <= bigFile {
		name, data, err := s.Store.ImportFile(ctx, imp.ID)
		return name, keptSource{bytes.NewReader(data), nil}, err
	}
	f, err := os.CreateTemp("", "tracker-import-*")
	if err != nil {
		return "", keptSource{}, err
	}
	os.Remove(f.Name()) // where the system allows it; Close removes it otherwise
	name, n, err := s.Store.ImportFileTo(ctx, imp.ID, f)
	if err != nil {
		closeTemp(f)
		return "", keptSource{}, err
	}
	return name, keptSource{io.NewSectionReader(f, 0, n), f}, nil
}

// keptSource is a kept file to read, with its temporary file if any.
type keptSource struct {
	importer.Source
	f *os.File
}

// Close closes and removes the temporary file.
func (k keptSource) Close() {
	if k.f != nil {
		closeTemp(k.f)
	}
}

func closeTemp(f *os.File) {
	f.Close()
	os.Remove(f.Name())
}
