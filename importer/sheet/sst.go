package sheet

import (
	"fmt"
	"io"
)

// maxKeptRaw: a shared string whose <si> element is longer than this (some
// 20 Chinese characters) and that first turns up in a column the ledger does
// not read (形象进度, 存在问题) is not decoded or kept in a one-pass read.
const maxKeptRaw = 80

// sharedStrings is the shared-string table of a one-pass (lazy) read,
// decoded on demand as the sheet refers to it. Excel and most writers
// store the strings in order of first use, so when cell k asks for a new
// string, string k is next in the part and the column asking is the first
// to use it: long texts of unread columns are skipped, which keeps the
// memory of a 200,000-row ledger's progress notes out of the read. A
// skipped string later wanted by a read column forces the eager way
// (ErrRedo), so results never depend on this.
type sharedStrings struct {
	er      *elemReader
	rc      io.Closer
	name    string // the part
	prefix  string
	root    string
	strs    []string
	skipped []uint64 // bitset over strs
	max     int      // Limits.MaxStrings
	done    bool
}

// openSharedStrings prepares the on-demand table of a part.
func openSharedStrings(g *zipGuard, name string, l Limits) (*sharedStrings, error) {
	rc, err := g.open(name, l.MaxSharedStrings)
	if err != nil {
		return nil, err
	}
	er := newElemReader(rc, "", "si", 8*l.MaxCellBytes+4096)
	s := &sharedStrings{er: er, rc: rc, name: name, max: l.MaxStrings}
	if err := er.fill(0); err != nil {
		s.done = true
		return s, sstCut(name, err)
	}
	s.prefix, s.root = rootPrefix(er.buf), rootName(er.buf)
	er.open, er.close = []byte("<"+s.prefix+"si"), []byte("</"+s.prefix+"si>")
	s.strs = make([]string, 0, sstCountHint(er.buf, s.prefix))
	return s, nil
}

// get returns string idx for a cell; wanted says whether the cell's column
// is read. ok is false past the end of the table.
func (s *sharedStrings) get(idx int, wanted bool) (text string, skipped, ok bool, err error) {
	for len(s.strs) <= idx && !s.done {
		if err := s.next(idx, wanted); err != nil {
			return "", false, false, err
		}
	}
	if idx >= len(s.strs) {
		return "", false, false, nil
	}
	if s.skipped != nil && s.isSkipped(idx) {
		return "", true, true, nil
	}
	return s.strs[idx], false, true, nil
}

// next decodes the next string; it may skip it only when it is the one
// asked for (first use) by a column that is not read.
func (s *sharedStrings) next(idx int, wanted bool) error {
	el, err := s.er.next()
	if err == io.EOF && !s.er.closed(s.root) {
		s.done = true
		return sstCut(s.name, err)
	}
	if err != nil {
		s.done = true
		return ignoreEOF(err)
	}
	if len(s.strs) >= s.max {
		s.done = true
		return tooManyStrings(s.max)
	}
	if !wanted && len(s.strs) == idx && len(el) > maxKeptRaw {
		s.markSkipped(len(s.strs))
		s.strs = append(s.strs, "")
		return nil
	}
	s.strs = append(s.strs, texts(el, s.prefix))
	return nil
}

// drain reads the strings no sheet has asked for yet, so that a table cut
// short is an error even when the cut lies past the strings used. Long
// ones are skipped as if first met in a column not read. A nil table
// (none in the file) drains at once.
func (s *sharedStrings) drain() error {
	for s != nil && !s.done {
		if err := s.next(len(s.strs), false); err != nil {
			return err
		}
	}
	return nil
}

// tooManyStrings is the error of a shared-string table over its limit.
func tooManyStrings(max int) error {
	return tooLarge(fmt.Sprintf("共享字符串表超过%d条", max))
}

func (s *sharedStrings) markSkipped(i int) {
	for len(s.skipped) <= i/64 {
		s.skipped = append(s.skipped, 0)
	}
	s.skipped[i/64] |= 1 << (i % 64)
}

func (s *sharedStrings) isSkipped(i int) bool {
	return i/64 < len(s.skipped) && s.skipped[i/64]&(1<<(i%64)) != 0
}

func (s *sharedStrings) close() {
	if s != nil && s.rc != nil {
		s.rc.Close()
	}
}
