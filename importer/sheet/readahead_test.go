package sheet

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
	"runtime"
	"testing"
	"time"
)

// failAfter returns its data in pieces of random size, then err.
type failAfter struct {
	data   []byte
	err    error
	rnd    *rand.Rand
	closed bool
}

func (f *failAfter) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := min(len(p), 1+f.rnd.Intn(300000), len(f.data))
	copy(p, f.data[:n])
	f.data = f.data[n:]
	return n, nil
}

func (f *failAfter) Close() error { f.closed = true; return nil }

// TestReadAheadReturnsWhatTheEntryReads: through readAhead a reader gets
// the entry's bytes unchanged and in order, then the entry's own error
// (io.EOF, or a limit's error met at the same byte), in reads of any size;
// Close stops the goroutine even when the entry was left half read.
func TestReadAheadReturnsWhatTheEntryReads(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	data := make([]byte, 3<<20+12345)
	rnd.Read(data)
	limit := tooLarge("“xl/worksheets/sheet1.xml”解压后超过上限")
	for _, end := range []error{io.EOF, limit} {
		src := &failAfter{data: data, err: end, rnd: rand.New(rand.NewSource(2))}
		r := readAhead(src)
		var got bytes.Buffer
		p := make([]byte, 70000)
		var err error
		for err == nil {
			var n int
			n, err = r.Read(p[:1+rnd.Intn(len(p))])
			got.Write(p[:n])
		}
		if !bytes.Equal(got.Bytes(), data) || !errors.Is(err, end) {
			t.Errorf("read %d of %d bytes, then %v (want %v)", got.Len(), len(data), err, end)
		}
		if _, again := r.Read(p); !errors.Is(again, end) {
			t.Errorf("a read after the end: %v", again)
		}
		r.Close()
		if !src.closed {
			t.Error("the entry was not closed")
		}
	}
	before := runtime.NumGoroutine()
	for range 50 { // left half read
		r := readAhead(&failAfter{data: data, err: io.EOF, rnd: rand.New(rand.NewSource(3))})
		r.Read(make([]byte, 1000))
		r.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left running after Close (%d before)", n-before, before)
	}
}
