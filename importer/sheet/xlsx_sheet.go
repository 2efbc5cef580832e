package sheet

import (
	"bytes"
	"errors"
	"io"
	"strconv"
)

// maxRowXML bounds one <row> element: MaxColumns cells of the longest text
// fit many times over, and a broken file cannot make the buffer grow
// without end.
const maxRowXML = 32 << 20

// sheetSource returns the layout and row stream of one sheet. Eager: a
// layout pass inflates the sheet once to find hidden columns (before
// sheetData) and merged ranges (after it), then the rows are streamed by a
// second pass. Lazy: one pass; hidden columns come from the head, and the
// merges are known only when the rows have been streamed (src.lazy; the
// sheet reader then checks they change nothing, see needsRedo).
func (b *xlsxBook) sheetSource(ref xlsxSheetRef, lazy bool) (*Sheet, error) {
	src := &Sheet{Name: ref.name, Lazy: lazy}
	if !lazy {
		if err := b.scanLayout(ref, src); err != nil {
			return nil, err
		}
	}
	src.stream = func(fn func(*Row) error) error { return b.streamRows(ref, src, fn) }
	return src, nil
}

// scanLayout reads <col hidden> and <mergeCell ref> of a sheet.
func (b *xlsxBook) scanLayout(ref xlsxSheetRef, src *Sheet) error {
	rc, err := b.g.open(ref.path, 0)
	if err != nil {
		return err
	}
	defer rc.Close()
	cols := newElemReader(rc, "", "sheetData", maxRowXML)
	if err := cols.fill(0); err != nil {
		return ref.cut(err)
	}
	prefix, root := rootPrefix(cols.buf), rootName(cols.buf)
	head := cols.buf
	if i := bytes.Index(head, []byte("<"+prefix+"sheetData")); i >= 0 {
		head = head[:i]
	}
	src.HiddenCols = hiddenCols(head, prefix, b.limits.MaxColumns)
	src.RowsHint = dimensionRows(head, prefix)
	rest := append([]byte(nil), cols.buf...)
	mr := newElemReader(io.MultiReader(bytes.NewReader(rest), rc), prefix, "mergeCell", 4096)
	return b.collectMerges(mr, src, ref, root)
}

// tailMerges reads the merges after </sheetData> with the row reader.
func (b *xlsxBook) tailMerges(er *elemReader, p *rowParser) error {
	er.stop, er.maxElem = nil, 4096
	er.open, er.close = []byte("<"+p.prefix+"mergeCell"), []byte("</"+p.prefix+"mergeCell>")
	return b.collectMerges(er, p.src, p.ref, p.root)
}

// collectMerges reads <mergeCell ref> elements until the end, which must
// close the root element.
func (b *xlsxBook) collectMerges(mr *elemReader, src *Sheet, ref xlsxSheetRef, root string) error {
	for {
		el, err := mr.next()
		if err == io.EOF && !mr.closed(root) {
			return ref.cut(err)
		}
		if err != nil {
			return ignoreEOF(err)
		}
		if len(src.Merges) >= b.limits.MaxMerges {
			return tooLarge("合并单元格过多")
		}
		if v, ok := attr(el, "ref"); ok {
			if r, ok := ParseRange(string(v)); ok && r.C1 < b.limits.MaxColumns {
				r.C2 = min(r.C2, b.limits.MaxColumns-1) // columns past the limit are never read
				src.Merges = append(src.Merges, r)
			}
		}
	}
}

// dimensionRows reads the last row of <dimension ref="A1:L20002">, or 0.
func dimensionRows(head []byte, prefix string) int {
	i := bytes.Index(head, []byte("<"+prefix+"dimension"))
	if i < 0 {
		return 0
	}
	v, _ := attr(head[i:], "ref")
	r, ok := ParseRange(string(v))
	if !ok || r.R2 < 2 { // writers that stream leave ref="A1"
		return 0
	}
	return r.R2
}

// hiddenCols reads the <col min max hidden> elements in a sheet's head.
func hiddenCols(head []byte, prefix string, maxCols int) map[int]bool {
	out := map[int]bool{}
	open := []byte("<" + prefix + "col ")
	for {
		i := bytes.Index(head, open)
		if i < 0 {
			return out
		}
		head = head[i+len(open)-1:]
		h, _ := attr(head, "hidden")
		if string(h) != "1" && string(h) != "true" {
			continue
		}
		lo, _ := attr(head, "min")
		hi, _ := attr(head, "max")
		a, err1 := strconv.Atoi(string(lo))
		z, err2 := strconv.Atoi(string(hi))
		if err1 != nil || err2 != nil || a < 1 {
			continue
		}
		for c := a; c <= z && c <= maxCols; c++ {
			out[c-1] = true
		}
	}
}

// streamRows parses the sheet's rows one by one and hands each to fn; in
// lazy mode it reads the head's hidden columns first and the merges after
// the rows.
func (b *xlsxBook) streamRows(ref xlsxSheetRef, src *Sheet, fn func(*Row) error) error {
	rc, err := b.g.open(ref.path, 0)
	if err != nil {
		return err
	}
	defer rc.Close()
	er := newElemReader(rc, "", "row", maxRowXML)
	if err := er.fill(0); err != nil {
		return ref.cut(err)
	}
	p := &rowParser{book: b, src: src, ref: ref, prefix: rootPrefix(er.buf), root: rootName(er.buf)}
	er.open, er.close = []byte("<"+p.prefix+"row"), []byte("</"+p.prefix+"row>")
	if src.Lazy {
		i := bytes.Index(er.buf, []byte("<"+p.prefix+"sheetData"))
		if i < 0 {
			return ErrRedo // a head longer than one chunk: take the eager way
		}
		src.HiddenCols = hiddenCols(er.buf[:i], p.prefix, b.limits.MaxColumns)
		src.RowsHint = dimensionRows(er.buf[:i], p.prefix)
		src.Merges = nil
		er.stop = []byte("</" + p.prefix + "sheetData")
	}
	est := rowEstimator{size: b.g.size(ref.path)}
	for {
		el, err := er.next()
		if src.RowsHint == 0 {
			src.RowsHint = est.add(len(el))
		}
		if err == errStopped {
			if err := b.tailMerges(er, p); err != nil || !ref.last {
				return err
			}
			return b.lazySST.drain() // the last sheet read: the table must end well too
		}
		if err == io.EOF && !er.closed(p.root) {
			return ref.cut(err)
		}
		if err == io.EOF && src.Lazy {
			// <sheetData/>, or a sheetData never closed: merges after it
			// were passed over with the rows. The two-pass read has them.
			return ErrRedo
		}
		if err != nil {
			return ignoreEOF(err)
		}
		row, err := p.parse(el)
		if err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
}

// cut turns the io.EOF of a part that ends early into errPartCut; other
// errors pass.
func (ref xlsxSheetRef) cut(err error) error {
	if errors.Is(err, io.EOF) {
		return errPartCut(ref.path, "工作表“"+ref.name+"”")
	}
	return err
}

func ignoreEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

// rowEstimator guesses a sheet's row count from the size of its first rows
// and of the whole part, for sheets without a <dimension>: sizing the
// records once avoids holding two copies while a slice grows.
type rowEstimator struct {
	size        int64
	rows, bytes int
}

// add counts one row element and returns the estimate after 20 rows, 0
// before.
func (e *rowEstimator) add(n int) int {
	e.rows++
	e.bytes += n
	if e.rows < 20 || e.bytes == 0 {
		return 0
	}
	return int(e.size * int64(e.rows) * 21 / (int64(e.bytes) * 20)) // 5% over
}
