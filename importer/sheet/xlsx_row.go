package sheet

import (
	"bytes"
	"sort"
	"strconv"
)

// rowParser turns one <row> element into a Row. It reuses its cell
// slice between rows: callers copy what they keep.
type rowParser struct {
	book    *xlsxBook
	src     *Sheet
	ref     xlsxSheetRef
	err     error  // a failure of the lazy shared strings, met inside a cell
	prefix  string // the namespace prefix of the part's elements ("x:")
	root    string // the root element as written ("x:worksheet")
	lastRow int
	row     Row
	pats    *cellPatterns
}

type cellPatterns struct {
	c, cEnd, v, vEnd, is, isEnd, f []byte
}

func (p *rowParser) patterns() *cellPatterns {
	if p.pats == nil {
		x := p.prefix
		p.pats = &cellPatterns{
			c: []byte("<" + x + "c"), cEnd: []byte("</" + x + "c>"),
			v: []byte("<" + x + "v"), vEnd: []byte("</" + x + "v>"),
			is: []byte("<" + x + "is"), isEnd: []byte("</" + x + "is>"),
			f: []byte("<" + x + "f"),
		}
	}
	return p.pats
}

// parse reads a row element. Rows without r continue from the last one;
// cells without r continue from the last column.
func (p *rowParser) parse(el []byte) (*Row, error) {
	num := p.lastRow + 1
	if v, ok := attr(el, "r"); ok {
		if n, err := strconv.Atoi(string(v)); err == nil && n > 0 && n <= 1<<21 {
			num = n
		}
	}
	p.lastRow = num
	gt := bytes.IndexByte(el, '>')
	if gt < 1 {
		return nil, p.malformed()
	}
	h, _ := attr(el, "hidden")
	p.row = Row{Num: num, Hidden: string(h) == "1" || string(h) == "true", Cells: p.row.Cells[:0]}
	if el[gt-1] == '/' {
		return &p.row, nil
	}
	if err := p.cells(el[gt+1:]); err != nil {
		return nil, err
	}
	p.row.Cells = inColumnOrder(p.row.Cells)
	return &p.row, p.err
}

// inColumnOrder returns cells sorted by column, keeping the last of two
// cells in one column, as Excel does when a writer sets a cell twice.
// Cells are nearly always in order already: that costs one comparison
// each.
func inColumnOrder(cells []Cell) []Cell {
	sorted := true
	for i := 1; i < len(cells) && sorted; i++ {
		sorted = cells[i-1].Col < cells[i].Col
	}
	if sorted {
		return cells
	}
	sort.SliceStable(cells, func(i, j int) bool { return cells[i].Col < cells[j].Col })
	out := cells[:0]
	for i, c := range cells {
		if i+1 < len(cells) && cells[i+1].Col == c.Col {
			continue
		}
		out = append(out, c)
	}
	return out
}

// cells reads the <c> elements of a row's content.
func (p *rowParser) cells(b []byte) error {
	pt := p.patterns()
	col := -1
	for {
		i := bytes.Index(b, pt.c)
		if i < 0 {
			return nil
		}
		b = b[i+len(pt.c):]
		if len(b) == 0 || !(isSpace(b[0]) || b[0] == '>' || b[0] == '/') {
			continue
		}
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			return p.malformed()
		}
		tag := b[:gt]
		ta := cellAttrs(tag)
		col = cellColumn(ta.r, col)
		if gt > 0 && tag[gt-1] == '/' {
			b = b[gt+1:]
			continue
		}
		end := bytes.Index(b[gt:], pt.cEnd)
		if end < 0 {
			return p.malformed()
		}
		content := b[gt+1 : gt+end]
		b = b[gt+end+len(pt.cEnd):]
		if hasTag(content, pt.c) {
			return p.malformed() // a cell not closed before the next
		}
		if col >= p.book.limits.MaxColumns {
			continue
		}
		c, ok := p.cell(col, ta, content)
		if p.err != nil {
			return p.err
		}
		if ok {
			if len(c.Text) > p.book.limits.MaxCellBytes {
				return tooLarge("单元格" + ColLetter(col) + strconv.Itoa(p.row.Num) + "的内容过长")
			}
			p.row.Cells = append(p.row.Cells, c)
		}
	}
}

// hasTag reports an element opened by open ("<c") in b.
func hasTag(b, open []byte) bool {
	for {
		i := bytes.Index(b, open)
		if i < 0 || i+len(open) >= len(b) {
			return false
		}
		if c := b[i+len(open)]; isSpace(c) || c == '>' || c == '/' {
			return true
		}
		b = b[i+len(open):]
	}
}

// malformed is the error for a row whose cells are not well formed.
func (p *rowParser) malformed() error {
	return errPartMalformed(p.ref.path, "工作表“"+p.ref.name+"”", "第"+strconv.Itoa(p.row.Num)+"行")
}

// tagAttrs are the attributes of a <c> tag the reader uses.
type tagAttrs struct{ r, s, t []byte }

// cellAttrs reads r, s and t of a <c> start tag in one pass (the generic
// attr would scan the tag three times, for every cell of a big sheet).
func cellAttrs(tag []byte) tagAttrs {
	var a tagAttrs
	for i := 0; i < len(tag); i++ {
		if !isSpace(tag[i]) || i+3 >= len(tag) || tag[i+2] != '=' {
			continue
		}
		q := tag[i+3]
		if q != '"' && q != '\'' {
			continue
		}
		end := bytes.IndexByte(tag[i+4:], q)
		if end < 0 {
			break
		}
		v := tag[i+4 : i+4+end]
		switch tag[i+1] {
		case 'r':
			a.r = v
		case 's':
			a.s = v
		case 't':
			a.t = v
		}
		i += 3 + end
	}
	return a
}

// cellColumn returns a cell's 0-based column from its r attribute, or the
// next column after prev when r is absent or unreadable.
func cellColumn(ref []byte, prev int) int {
	col, n := 0, 0
	for ; n < len(ref) && ref[n] >= 'A' && ref[n] <= 'Z' && n < 4; n++ {
		col = col*26 + int(ref[n]-'A'+1)
	}
	if n == 0 {
		return prev + 1
	}
	return col - 1
}

// cell interprets one cell's type, style and content.
func (p *rowParser) cell(col int, ta tagAttrs, content []byte) (Cell, bool) {
	pt := p.patterns()
	t := ta.t
	if string(t) == "inlineStr" {
		i := bytes.Index(content, pt.is)
		if i < 0 {
			return p.valueText(col, content) // LibreOffice writes some as <v>
		}
		if p.src.Lazy && p.src.Wanted != nil && !p.src.Wanted(col) && len(content) > maxKeptRaw {
			return Cell{Col: col, Kind: KindSkipped}, true // a long text of a column not read
		}
		s := texts(content[i:], p.prefix)
		return Cell{Col: col, Kind: KindText, Text: s}, s != ""
	}
	v, st := elemText(content, pt.v, pt.vEnd)
	switch {
	case st == elemBroken:
		p.err = p.malformed()
		return Cell{}, false
	case st == elemAbsent && bytes.Contains(content, pt.f):
		return Cell{Col: col, Kind: KindNoCache}, true
	case st == elemAbsent:
		return Cell{}, false
	}
	switch string(t) {
	case "s":
		return p.shared(col, v)
	case "str":
		s := xmlText(v)
		return Cell{Col: col, Kind: KindText, Text: s}, s != ""
	case "b":
		return Cell{Col: col, Kind: KindBool, Text: string(v)}, true
	case "e":
		return Cell{Col: col, Kind: KindError, Text: xmlText(v)}, true
	case "d":
		return Cell{Col: col, Kind: KindISODate, Text: string(v)}, len(v) > 0
	}
	if len(v) == 0 {
		return Cell{}, false
	}
	return Cell{Col: col, Kind: p.numberKind(ta.s), Text: string(v)}, true
}

// valueText reads the text of an inline-string cell kept in <v>.
func (p *rowParser) valueText(col int, content []byte) (Cell, bool) {
	pt := p.patterns()
	v, st := elemText(content, pt.v, pt.vEnd)
	if st == elemBroken {
		p.err = p.malformed()
	}
	s := xmlText(v)
	return Cell{Col: col, Kind: KindText, Text: s}, st == elemFound && s != ""
}

// shared resolves a shared-string cell. A string skipped by the lazy
// table reads as KindSkipped (its column is not read).
func (p *rowParser) shared(col int, v []byte) (Cell, bool) {
	if len(v) == 0 {
		return Cell{}, false
	}
	idx, ok := smallInt(v)
	if !ok {
		p.err = p.missingString(col)
		return Cell{}, false
	}
	if p.book.lazySST == nil {
		if idx >= len(p.book.sst) {
			p.err = p.missingString(col)
			return Cell{}, false
		}
		s := p.book.sst[idx]
		return Cell{Col: col, Kind: KindText, Text: s}, s != ""
	}
	wanted := p.src.Wanted == nil || p.src.Wanted(col)
	s, skipped, ok, err := p.book.lazySST.get(idx, wanted)
	switch {
	case err != nil:
		p.err = err
		return Cell{}, false
	case skipped && wanted:
		p.err = ErrRedo // a long text first met in a column not read, now wanted
		return Cell{}, false
	case skipped:
		return Cell{Col: col, Kind: KindSkipped}, true
	case !ok:
		p.err = p.missingString(col)
		return Cell{}, false
	}
	return Cell{Col: col, Kind: KindText, Text: s}, s != ""
}

// missingString is the error for a cell naming a shared string the table
// does not have: the table is cut short or the file damaged.
func (p *rowParser) missingString(col int) error {
	return errorf(Unprocessable, "工作表“%s”的单元格%s%d引用的共享字符串不存在（共享字符串表不完整或已损坏），无法读取。"+
		"请用Excel打开原文件，重新保存为.xlsx后再上传", p.ref.name, ColLetter(col), p.row.Num)
}

// numberKind says whether a number cell's style shows a date.
func (p *rowParser) numberKind(s []byte) Kind {
	idx := 0
	for _, c := range s {
		if c < '0' || c > '9' || idx > 1<<20 {
			return KindNumber
		}
		idx = idx*10 + int(c-'0')
	}
	if len(s) > 0 && idx < len(p.book.dateStyles) && p.book.dateStyles[idx] {
		return KindDate
	}
	return KindNumber
}

// What elemText found.
const (
	elemAbsent = iota
	elemFound
	elemBroken // opened but not closed
)

// elemText returns the raw content of the first element opened by open
// (e.g. "<v") in b.
func elemText(b, open, close []byte) ([]byte, int) {
	for {
		i := bytes.Index(b, open)
		if i < 0 {
			return nil, elemAbsent
		}
		b = b[i+len(open):]
		if len(b) == 0 {
			return nil, elemBroken
		}
		if b[0] == '/' {
			return nil, elemFound // <v/>
		}
		if b[0] != '>' && !isSpace(b[0]) {
			continue
		}
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			return nil, elemBroken
		}
		if gt > 0 && b[gt-1] == '/' {
			return nil, elemFound
		}
		j := bytes.Index(b[gt+1:], close)
		if j < 0 {
			return nil, elemBroken
		}
		return b[gt+1 : gt+1+j], elemFound
	}
}

// smallInt reads a non-negative decimal without allocating.
func smallInt(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' || n > 1<<40 {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(b) > 0
}
