package ledgers

import (
	"bytes"
	"context"
	"io"
	"os"
	"runtime"

	"tracker/importer"
)

// source is where the upload's bytes are read from.
func (up Upload) source() importer.Source {
	if up.File != nil {
		return up.File
	}
	return bytes.NewReader(up.Data)
}

// bytes are the upload's bytes, read from its File when they are not in
// memory: the store keeps them with the import.
func (up Upload) bytes() ([]byte, error) {
	if up.Data != nil || up.File == nil {
		return up.Data, nil
	}
	data := make([]byte, up.File.Size())
	_, err := up.File.ReadAt(data, 0)
	if err == io.EOF {
		err = nil
	}
	return data, err
}

// bigFile is the size past which a file is worth the measures below (a
// variable for the tests).
var bigFile = 4 << 20

// collectAfterRead collects the garbage a large read left (the shared
// strings, the sheets' text: most of what the heap grew to) before the
// file's bytes and the database's copies of them are added to it, so that
// they reuse that memory rather than add to the peak: for 200,000 rows,
// a few milliseconds of marking against some 30 MiB of peak RSS.
func collectAfterRead(size int) {
	if size > bigFile {
		runtime.GC()
	}
}

// keptFile returns an import's kept file to read again. A large one is
// written to an unlinked temporary file and read from there, so that its
// bytes (26 MB for 300,000 rows) are not in memory while its rows are;
// should that fail, it is read from memory.
func (s *Service) keptFile(ctx context.Context, id int64) (string, keptSource, error) {
	name, data, err := s.Store.ImportFile(ctx, id)
	if err != nil || len(data) <= bigFile {
		return name, keptSource{bytes.NewReader(data), nil}, err
	}
	f, err := os.CreateTemp("", "tracker-import-*")
	if err != nil {
		return name, keptSource{bytes.NewReader(data), nil}, nil
	}
	os.Remove(f.Name()) // where the system allows it; Close removes it otherwise
	if _, err := f.Write(data); err != nil {
		closeTemp(f)
		return name, keptSource{bytes.NewReader(data), nil}, nil
	}
	size := len(data)
	data = nil
	collectAfterRead(size) // the bytes just written out
	return name, keptSource{io.NewSectionReader(f, 0, int64(size)), f}, nil
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
