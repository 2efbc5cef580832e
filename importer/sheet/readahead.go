package sheet

import (
	"io"
	"sync"
)

// readAhead inflates an entry of the zip on a goroutine of its own, a
// chunk or two ahead of its reader: a 200,000-row sheet is some 60 MB of
// XML to inflate and check, which then runs on the other core beside the
// parsing of rows. What the entry's reader returns, data and errors, comes
// through in order and unchanged; at most readAheadChunks chunks wait.
// Close stops the goroutine and closes the entry.
func readAhead(rc io.ReadCloser) io.ReadCloser {
	a := &aheadReader{rc: rc, full: make(chan aheadChunk, readAheadChunks), free: make(chan []byte, readAheadChunks+1), done: make(chan struct{})}
	for range readAheadChunks + 1 {
		a.free <- make([]byte, readAheadChunk)
	}
	a.wg.Add(1)
	go a.fill()
	return a
}

const (
	readAheadChunk  = 128 << 10
	readAheadChunks = 2
)

type aheadChunk struct {
	b   []byte
	err error
}

type aheadReader struct {
	rc   io.ReadCloser
	full chan aheadChunk
	free chan []byte
	done chan struct{}
	wg   sync.WaitGroup
	cur  aheadChunk // the chunk being read from
	buf  []byte     // cur's buffer, to give back
	err  error      // once met, returned from then on
	once sync.Once
}

// fill reads the entry chunk by chunk until its end, an error or Close.
func (a *aheadReader) fill() {
	defer a.wg.Done()
	defer close(a.full)
	for {
		var b []byte
		select {
		case b = <-a.free:
		case <-a.done:
			return
		}
		n, err := io.ReadFull(a.rc, b)
		if err == io.ErrUnexpectedEOF {
			err = io.EOF // a short last chunk: the end, as the entry's reader says
		}
		select {
		case a.full <- aheadChunk{b[:n], err}:
		case <-a.done:
			return
		}
		if err != nil {
			return
		}
	}
}

func (a *aheadReader) Read(p []byte) (int, error) {
	for len(a.cur.b) == 0 {
		if a.cur.err != nil || a.err != nil {
			if a.err == nil {
				a.err = a.cur.err
			}
			return 0, a.err
		}
		if a.buf != nil {
			a.free <- a.buf[:cap(a.buf)]
			a.buf = nil
		}
		c, ok := <-a.full
		if !ok {
			return 0, io.ErrClosedPipe
		}
		a.cur, a.buf = c, c.b
	}
	n := copy(p, a.cur.b)
	a.cur.b = a.cur.b[n:]
	return n, nil
}

func (a *aheadReader) Close() error {
	a.once.Do(func() { close(a.done) })
	a.wg.Wait()
	return a.rc.Close()
}
