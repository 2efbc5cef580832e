package reports

import (
	"bytes"
	"os"
	"reflect"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// flush ends a streamed sheet and lets go of its buffer once its rows are
// in the stream's temporary file. excelize's StreamWriter keeps a sheet in
// memory up to 16 MiB, then in a temporary file, but keeps the buffer's
// memory (about 32 MiB, grown by doubling) until the workbook is saved;
// for the workbook of 53,000 projects, 项目明细 and 滞后项目 held 64 MiB
// that way. excelize has no call for it, so the buffer is dropped through
// reflection, and only when the stream is in its file (which is all
// excelize then reads). If excelize's fields ever change, nothing is
// dropped: streamReleased in the tests says so.
func flush(sw *excelize.StreamWriter) error {
	if err := sw.Flush(); err != nil {
		return err
	}
	if buf, ok := spilledBuffer(sw); ok {
		*buf = bytes.Buffer{}
	}
	return nil
}

// spilledBuffer returns the buffer of a stream that is in its temporary
// file, ok false when it is not (or excelize's fields are not as known).
func spilledBuffer(sw *excelize.StreamWriter) (*bytes.Buffer, bool) {
	raw := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !raw.IsValid() || raw.Kind() != reflect.Struct {
		return nil, false
	}
	tmp, buf := raw.FieldByName("tmp"), raw.FieldByName("buf")
	if !tmp.IsValid() || tmp.Type() != reflect.TypeOf((*os.File)(nil)) || tmp.IsNil() ||
		!buf.IsValid() || buf.Type() != reflect.TypeOf(bytes.Buffer{}) {
		return nil, false
	}
	return (*bytes.Buffer)(unsafe.Pointer(buf.UnsafeAddr())), true
}
