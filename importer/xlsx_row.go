package importer

import (
	"bytes"
	"strconv"
)

// rowParser turns one <row> element into a srcRow. It reuses its cell
// slice between rows: callers copy what they keep.
type rowParser struct {
	book    *xlsxBook
	prefix  string
	lastRow int
	row     srcRow
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
func (p *rowParser) parse(el []byte) (*srcRow, error) {
	num := p.lastRow + 1
	if v, ok := attr(el, "r"); ok {
		if n, err := strconv.Atoi(string(v)); err == nil && n > 0 && n <= 1<<21 {
			num = n
		}
	}
	p.lastRow = num
	p.row = srcRow{num: num, cells: p.row.cells[:0]}
	gt := bytes.IndexByte(el, '>')
	if gt < 0 || el[gt-1] == '/' {
		return &p.row, nil
	}
	return &p.row, p.cells(el[gt+1:])
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
			return nil
		}
		tag := b[:gt]
		col = cellCol(tag, col)
		if gt > 0 && tag[gt-1] == '/' {
			b = b[gt+1:]
			continue
		}
		end := bytes.Index(b[gt:], pt.cEnd)
		if end < 0 {
			return nil
		}
		content := b[gt+1 : gt+end]
		b = b[gt+end+len(pt.cEnd):]
		if col >= p.book.limits.MaxColumns {
			continue
		}
		if c, ok := p.cell(col, tag, content); ok {
			if len(c.text) > p.book.limits.MaxCellBytes {
				return tooLarge("单元格" + colLetter(col) + strconv.Itoa(p.row.num) + "的内容过长")
			}
			p.row.cells = append(p.row.cells, c)
		}
	}
}

// cellCol returns a cell's 0-based column from its r attribute, or the
// next column after prev when r is absent or unreadable.
func cellCol(tag []byte, prev int) int {
	if v, ok := attr(tag, "r"); ok {
		if c, _, ok := parseCellRef(string(v)); ok {
			return c
		}
	}
	return prev + 1
}

// cell interprets one cell's type, style and content.
func (p *rowParser) cell(col int, tag, content []byte) (cell, bool) {
	pt := p.patterns()
	t, _ := attr(tag, "t")
	if string(t) == "inlineStr" {
		i := bytes.Index(content, pt.is)
		if i < 0 {
			return cell{}, false
		}
		s := texts(content[i:], p.prefix)
		return cell{col: col, kind: kindText, text: s}, s != ""
	}
	v, ok := elemText(content, pt.v, pt.vEnd)
	if !ok {
		if bytes.Contains(content, pt.f) {
			return cell{col: col, kind: kindNoCache}, true
		}
		return cell{}, false
	}
	switch string(t) {
	case "s":
		idx, err := strconv.Atoi(string(v))
		if err != nil || idx < 0 || idx >= len(p.book.sst) {
			return cell{}, false
		}
		s := p.book.sst[idx]
		return cell{col: col, kind: kindText, text: s}, s != ""
	case "str":
		s := xmlText(v)
		return cell{col: col, kind: kindText, text: s}, s != ""
	case "b":
		return cell{col: col, kind: kindBool, text: string(v)}, true
	case "e":
		return cell{col: col, kind: kindError, text: xmlText(v)}, true
	case "d":
		return cell{col: col, kind: kindISODate, text: string(v)}, len(v) > 0
	}
	if len(v) == 0 {
		return cell{}, false
	}
	return cell{col: col, kind: p.numberKind(tag), text: string(v)}, true
}

// numberKind says whether a number cell's style shows a date.
func (p *rowParser) numberKind(tag []byte) cellKind {
	s, ok := attr(tag, "s")
	if !ok {
		return kindNumber
	}
	idx, err := strconv.Atoi(string(s))
	if err == nil && idx >= 0 && idx < len(p.book.dateStyles) && p.book.dateStyles[idx] {
		return kindDate
	}
	return kindNumber
}

// elemText returns the raw content of the first element opened by open
// (e.g. "<v") in b.
func elemText(b, open, close []byte) ([]byte, bool) {
	for {
		i := bytes.Index(b, open)
		if i < 0 {
			return nil, false
		}
		b = b[i+len(open):]
		if len(b) == 0 {
			return nil, false
		}
		if b[0] == '/' {
			return nil, true // <v/>
		}
		if b[0] != '>' && !isSpace(b[0]) {
			continue
		}
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			return nil, false
		}
		if gt > 0 && b[gt-1] == '/' {
			return nil, true
		}
		j := bytes.Index(b[gt+1:], close)
		if j < 0 {
			return nil, false
		}
		return b[gt+1 : gt+1+j], true
	}
}
