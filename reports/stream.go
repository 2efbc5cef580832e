package reports

import (
	"bytes"
	"os"
	"reflect"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// excelize's StreamWriter keeps a sheet in a buffer up to 16 MiB
// (excelize.StreamChunkSize) and only then moves it to a temporary file;
// the buffer grows by doubling to get there (32 MiB, with the 16 it was
// copied from) and keeps its memory until the workbook is saved. For the
// workbook of 53,000 projects, 项目明细 and 滞后项目 held 64 MiB that way
// and 未开工项目 8. excelize has no call to change either, so a table's
// stream moves its rows to the temporary file itself once they pass
// spillAt (spiller), as excelize would at 16 MiB, and drops its buffer
// once the sheet is in its file (flush), through reflection on
// excelize's fields. If those fields ever change, nothing is done and
// only the memory comes back: TestStreamBuffers says so.

// spillAt is how much of a sheet a stream holds before moving it to its
// temporary file.
const spillAt = 1 << 20

// spiller moves a stream's rows to its temporary file: the stream's buffer
// and its file, which excelize reads back when the workbook is saved (and
// removes when it is closed).
type spiller struct {
	buf *bytes.Buffer
	tmp **os.File
}

// newSpiller returns the spiller of a stream, nil when excelize's fields
// are not as known.
func newSpiller(sw *excelize.StreamWriter) *spiller {
	buf, tmp, ok := streamFields(sw)
	if !ok {
		return nil
	}
	return &spiller{buf: buf, tmp: tmp}
}

// spill moves what the stream holds to its file once it holds spillAt,
// creating the file as excelize does (a sheet that cannot have one stays
// in memory, as in excelize).
func (s *spiller) spill() error {
	if s == nil || s.buf.Len() < spillAt {
		return nil
	}
	if *s.tmp == nil {
		f, err := os.CreateTemp("", "excelize-")
		if err != nil {
			return nil
		}
		*s.tmp = f
	}
	_, err := s.buf.WriteTo(*s.tmp)
	return err
}

// flush ends a streamed sheet and lets go of its buffer once its rows are
// in the stream's temporary file (all excelize then reads).
func flush(sw *excelize.StreamWriter) error {
	if err := sw.Flush(); err != nil {
		return err
	}
	if buf, tmp, ok := streamFields(sw); ok && *tmp != nil {
		*buf = bytes.Buffer{}
	}
	return nil
}

// streamFields returns a stream's buffer and temporary file (nil until it
// has one); ok is false when excelize's fields are not as known.
func streamFields(sw *excelize.StreamWriter) (buf *bytes.Buffer, tmp **os.File, ok bool) {
	raw := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !raw.IsValid() || raw.Kind() != reflect.Struct {
		return nil, nil, false
	}
	t, b := raw.FieldByName("tmp"), raw.FieldByName("buf")
	if !t.IsValid() || t.Type() != reflect.TypeOf((*os.File)(nil)) ||
		!b.IsValid() || b.Type() != reflect.TypeOf(bytes.Buffer{}) {
		return nil, nil, false
	}
	return (*bytes.Buffer)(unsafe.Pointer(b.UnsafeAddr())), (**os.File)(unsafe.Pointer(t.UnsafeAddr())), true
}
