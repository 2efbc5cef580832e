package models

import (
	"bufio"
	"cmp"
	"fmt"
	"os"
	"runtime"
	"slices"
)

// recordChunk is the size of one chunk of heads or bodies: big enough that
// chunks are few, small enough that the last one's unused tail costs
// little.
const recordChunk = 1 << 20

// spillAt is how many bytes of bodies a ledger keeps in memory before the
// rest go to a temporary file: a ledger of a few thousand rows never
// touches the disk. A variable for the tests.
var spillAt int64 = 4 << 20

// inFile marks a body that lies in the file.
const inFile = ^uint32(0)

// chunks are byte chunks that are appended to only within their capacity,
// so that bytes once written stay where they are.
type chunks [][]byte

// reserve returns the last chunk when n more bytes fit in its capacity,
// else a new one.
func (c *chunks) reserve(n int) *[]byte {
	if k := len(*c); k > 0 {
		if last := &(*c)[k-1]; cap(*last)-len(*last) >= n {
			return last
		}
	}
	*c = append(*c, make([]byte, 0, max(recordChunk, n)))
	return &(*c)[len(*c)-1]
}

// recordLog holds the encoded records of one Records and its copies.
type recordLog struct {
	heads  chunks
	bodies chunks   // while in memory
	size   int64    // bytes of bodies in memory, until the file takes over
	file   *os.File // bodies past spillAt
	w      *bufio.Writer
	end    int64 // bytes written to the file, buffered included
	sheets []string
	err    error
}

// write encodes f as a body: in memory, or at the end of the file once
// the bodies in memory reach spillAt.
func (l *recordLog) write(f *Facts) (chunk uint32, off int64, n uint32) {
	size := bodySize(f)
	if l.file == nil && l.size+int64(size) > spillAt && l.err == nil {
		l.spill()
	}
	if l.file == nil {
		b := l.bodies.reserve(size)
		start := len(*b)
		*b = appendBody(*b, f)
		l.size += int64(len(*b) - start)
		return uint32(len(l.bodies) - 1), int64(start), uint32(len(*b) - start)
	}
	buf := l.w.AvailableBuffer()
	buf = appendBody(buf, f)
	off = l.end
	if _, err := l.w.Write(buf); err != nil && l.err == nil {
		l.err = fmt.Errorf("records: write the temporary file: %w", err)
	}
	l.end += int64(len(buf))
	return inFile, off, uint32(len(buf))
}

// spill opens the temporary file the next bodies go to. It is removed at
// once where the system allows it (the open file stays usable), else when
// the records are collected; either way it is closed then.
func (l *recordLog) spill() {
	f, err := os.CreateTemp("", "tracker-ledger-*")
	if err != nil {
		l.err = fmt.Errorf("records: create a temporary file: %w", err)
		return
	}
	removed := os.Remove(f.Name()) == nil
	runtime.AddCleanup(l, func(f *os.File) {
		f.Close()
		if !removed {
			os.Remove(f.Name())
		}
	}, f)
	l.file, l.w = f, bufio.NewWriterSize(f, 64<<10)
}

// body returns the encoded body ref points to.
func (l *recordLog) body(ref recordRef) recordDecoder {
	if ref.bodyChunk != inFile {
		c := l.bodies[ref.bodyChunk]
		return recordDecoder(c[ref.bodyOff : ref.bodyOff+int64(ref.bodyLen)])
	}
	return l.read(ref.bodyOff, int(ref.bodyLen))
}

// read reads n bytes of the file at off into a buffer of their own.
func (l *recordLog) read(off int64, n int) recordDecoder {
	b := make([]byte, n)
	if off+int64(n) > l.end-int64(l.w.Buffered()) {
		if err := l.w.Flush(); err != nil && l.err == nil {
			l.err = fmt.Errorf("records: write the temporary file: %w", err)
		}
	}
	if _, err := l.file.ReadAt(b, off); err != nil && l.err == nil {
		l.err = fmt.Errorf("records: read the temporary file: %w", err)
	}
	return b
}

// maxGap is the most bytes of other records a run read from the file may
// span between two of its records.
const maxGap = 4 << 10

// readBodies returns the bodies of the records at pos, reading those in the
// file a run at a time: sorted by offset, neighbours less than maxGap
// apart are read with one ReadAt.
func (l *recordLog) readBodies(refs []recordRef, pos []int32) []recordDecoder {
	out := make([]recordDecoder, len(pos))
	var far []int // indexes into pos of bodies in the file
	for k, p := range pos {
		if refs[p].bodyChunk == inFile {
			far = append(far, k)
			continue
		}
		out[k] = l.body(refs[p])
	}
	slices.SortFunc(far, func(a, b int) int { return cmp.Compare(refs[pos[a]].bodyOff, refs[pos[b]].bodyOff) })
	for lo := 0; lo < len(far); {
		first := refs[pos[far[lo]]]
		end, hi := first.bodyOff+int64(first.bodyLen), lo+1
		for ; hi < len(far); hi++ {
			r := refs[pos[far[hi]]]
			if r.bodyOff > end+maxGap || r.bodyOff+int64(r.bodyLen)-first.bodyOff > recordChunk {
				break
			}
			end = max(end, r.bodyOff+int64(r.bodyLen))
		}
		run := l.read(first.bodyOff, int(end-first.bodyOff))
		for _, k := range far[lo:hi] {
			r := refs[pos[k]]
			at := r.bodyOff - first.bodyOff
			out[k] = run[at : at+int64(r.bodyLen)]
		}
		lo = hi
	}
	return out
}

func (l *recordLog) sheetIndex(name string) int {
	for i := len(l.sheets) - 1; i >= 0; i-- {
		if l.sheets[i] == name {
			return i
		}
	}
	l.sheets = append(l.sheets, name)
	return len(l.sheets) - 1
}
