package reports

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
)

// This file measures the size at which a PDF prints its text, for the
// print tests. pdffonts gives no sizes, and the word boxes of
// `pdftotext -bbox` are the font's ascent to descent, a height that
// depends on each font's metrics, not the size. So the page content
// streams are interpreted here, as a viewer would place text: the size of
// a glyph on the page is the size of the Tf operator times the length of
// the text space's unit vertical vector under the text matrix (Tm, Td, TD,
// T*) times the current transformation matrix (cm, q/Q, and the /Matrix of
// a form XObject drawn with Do). Only text that is shown (Tj, TJ, ', " with
// a non-empty string, not in the invisible rendering mode 3) counts. This
// reads what LibreOffice writes: a classic cross-reference table with
// plain or FlateDecode streams (no object streams, no encryption); a PDF
// it cannot read makes the test fail, not pass.

// pdfText is one shown piece of text: its page (1-based), size in points
// and position (user space, origin bottom left).
type pdfText struct {
	page       int
	size, x, y float64
}

// pdfObj is one indirect object: its dictionary text and its decoded
// stream (nil for none).
type pdfObj struct {
	dict   string
	stream []byte
}

var (
	objRe      = regexp.MustCompile(`(\d+)\s+0\s+obj`)
	refRe      = regexp.MustCompile(`^\s*(\d+)\s+0\s+R`)
	pageTypeRe = regexp.MustCompile(`/Type\s*/Page[^s]`)
)

// pdfObjects reads every indirect object of pdf, in file order, skipping
// stream data by its /Length so that bytes inside a stream are never taken
// for an object.
func pdfObjects(pdf []byte) (map[int]*pdfObj, []int, error) {
	objs := map[int]*pdfObj{}
	var order []int
	type pending struct {
		num    int
		length string
		data   int // offset of the stream data
	}
	var streams []pending
	pos := 0
	for {
		loc := objRe.FindSubmatchIndex(pdf[pos:])
		if loc == nil {
			break
		}
		num, _ := strconv.Atoi(string(pdf[pos+loc[2] : pos+loc[3]]))
		start := pos + loc[1]
		end := bytes.Index(pdf[start:], []byte("endobj"))
		st := bytes.Index(pdf[start:], []byte("stream"))
		if end < 0 {
			return nil, nil, fmt.Errorf("object %d has no endobj", num)
		}
		o := &pdfObj{}
		objs[num] = o
		order = append(order, num)
		if st < 0 || st > end {
			o.dict = string(pdf[start : start+end])
			pos = start + end + 6
			continue
		}
		o.dict = string(pdf[start : start+st])
		data := start + st + len("stream")
		if pdf[data] == '\r' {
			data++
		}
		if pdf[data] == '\n' {
			data++
		}
		m := regexp.MustCompile(`/Length\s+(\d+)(\s+0\s+R)?`).FindStringSubmatch(o.dict)
		if m == nil {
			return nil, nil, fmt.Errorf("stream %d has no /Length", num)
		}
		if m[2] == "" {
			n, _ := strconv.Atoi(m[1])
			pos = data + n
			streams = append(streams, pending{num, m[1], data})
			continue
		}
		// An indirect length comes after the stream: find endstream.
		e := bytes.Index(pdf[data:], []byte("endstream"))
		if e < 0 {
			return nil, nil, fmt.Errorf("stream %d has no endstream", num)
		}
		streams = append(streams, pending{num, m[1] + " R", data})
		pos = data + e
	}
	for _, s := range streams {
		n, err := strconv.Atoi(s.length)
		if err != nil { // indirect: the object holds the number
			ref, _ := strconv.Atoi(s.length[:len(s.length)-2])
			lo, ok := objs[ref]
			if !ok {
				return nil, nil, fmt.Errorf("stream %d: no length object %d", s.num, ref)
			}
			if n, err = strconv.Atoi(trimSpace(lo.dict)); err != nil {
				return nil, nil, fmt.Errorf("stream %d: length %q", s.num, lo.dict)
			}
		}
		if s.data+n > len(pdf) {
			return nil, nil, fmt.Errorf("stream %d runs past the file", s.num)
		}
		raw := pdf[s.data : s.data+n]
		o := objs[s.num]
		switch {
		case regexp.MustCompile(`/Filter\s*/FlateDecode`).MatchString(o.dict):
			zr, err := zlib.NewReader(bytes.NewReader(raw))
			if err != nil {
				return nil, nil, fmt.Errorf("stream %d: %w", s.num, err)
			}
			if o.stream, err = io.ReadAll(zr); err != nil {
				return nil, nil, fmt.Errorf("stream %d: %w", s.num, err)
			}
		case regexp.MustCompile(`/Filter`).MatchString(o.dict):
			o.stream = nil // images (DCT and the like): no text
		default:
			o.stream = raw
		}
	}
	return objs, order, nil
}

func trimSpace(s string) string { return string(bytes.TrimSpace([]byte(s))) }

// pdfTexts returns every piece of text the pages of pdf show, page by page.
func pdfTexts(pdf []byte) ([]pdfText, int, error) {
	objs, order, err := pdfObjects(pdf)
	if err != nil {
		return nil, 0, err
	}
	var out []pdfText
	page := 0
	for _, num := range order {
		o := objs[num]
		if !pageTypeRe.MatchString(o.dict + " ") {
			continue
		}
		page++
		res := resolveDict(objs, dictEntry(o.dict, "Resources"))
		var contents []byte
		for _, ref := range refsOf(dictEntry(o.dict, "Contents")) {
			c, ok := objs[ref]
			if !ok || c.stream == nil {
				return nil, 0, fmt.Errorf("page %d: content stream %d unreadable", page, ref)
			}
			contents = append(append(contents, c.stream...), '\n')
		}
		in := &interp{objs: objs, page: page}
		if err := in.run(contents, res, identity6(), 0); err != nil {
			return nil, 0, fmt.Errorf("page %d: %w", page, err)
		}
		out = append(out, in.texts...)
	}
	if page == 0 {
		return nil, 0, fmt.Errorf("no pages found")
	}
	return out, page, nil
}

// dictEntry returns the raw value of /key in a dictionary's text: a
// reference "N 0 R", an array "[...]", a dictionary "<<...>>" or a token.
func dictEntry(dict, key string) string {
	re := regexp.MustCompile(`/` + key + `[\s/<\[(]`)
	loc := re.FindStringIndex(dict)
	if loc == nil {
		return ""
	}
	s := dict[loc[1]-1:]
	s = s[len(s)-len(trimLeft(s)):]
	switch {
	case len(s) >= 2 && s[:2] == "<<":
		depth := 0
		for i := 0; i+1 < len(s); i++ {
			switch s[i : i+2] {
			case "<<":
				depth++
				i++
			case ">>":
				depth--
				i++
				if depth == 0 {
					return s[:i+1]
				}
			}
		}
		return s
	case len(s) > 0 && s[0] == '[':
		if i := indexByte(s, ']'); i >= 0 {
			return s[:i+1]
		}
	}
	if m := refRe.FindString(s); m != "" {
		return m
	}
	end := 0
	for end < len(s) && !isDelim(s[end]) || end == 0 && end < len(s) {
		end++
	}
	return s[:end]
}

func trimLeft(s string) string {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	return s
}

func indexByte(s string, b byte) int { return bytes.IndexByte([]byte(s), b) }

// resolveDict follows a reference to the dictionary it names.
func resolveDict(objs map[int]*pdfObj, v string) string {
	if m := refRe.FindStringSubmatch(v); m != nil {
		n, _ := strconv.Atoi(m[1])
		if o, ok := objs[n]; ok {
			return o.dict
		}
	}
	return v
}

// refsOf returns the object numbers referenced in v ("N 0 R" or an array
// of them).
func refsOf(v string) []int {
	var out []int
	for _, m := range regexp.MustCompile(`(\d+)\s+0\s+R`).FindAllStringSubmatch(v, -1) {
		n, _ := strconv.Atoi(m[1])
		out = append(out, n)
	}
	return out
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

func identity6() matrix { return matrix{1, 0, 0, 1, 0, 0} }

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// interp interprets content streams for the text they show.
type interp struct {
	objs  map[int]*pdfObj
	page  int
	texts []pdfText
}

type gstate struct {
	ctm    matrix
	size   float64
	leadTL float64
	render int
}

func (in *interp) run(content []byte, res string, ctm matrix, depth int) error {
	if depth > 8 {
		return fmt.Errorf("form XObjects nested too deep")
	}
	gs := gstate{ctm: ctm}
	var stack []gstate
	var tm, tlm matrix
	var ops []token
	lex := &lexer{s: content}
	nums := func(n int) ([]float64, error) {
		if len(ops) < n {
			return nil, fmt.Errorf("operator needs %d operands, has %d", n, len(ops))
		}
		out := make([]float64, n)
		for i, t := range ops[len(ops)-n:] {
			if t.kind != tNum {
				return nil, fmt.Errorf("operand %q is not a number", t.text)
			}
			out[i] = t.num
		}
		return out, nil
	}
	show := func(nonEmpty bool) {
		if !nonEmpty || gs.render == 3 {
			return
		}
		m := tm.mul(gs.ctm)
		in.texts = append(in.texts, pdfText{page: in.page, size: gs.size * math.Hypot(m[2], m[3]), x: m[4], y: m[5]})
	}
	nextLine := func(tx, ty float64) {
		tlm = matrix{1, 0, 0, 1, tx, ty}.mul(tlm)
		tm = tlm
	}
	for {
		t, err := lex.next()
		if err != nil {
			return err
		}
		if t.kind == tEOF {
			return nil
		}
		if t.kind != tOp {
			ops = append(ops, t)
			continue
		}
		switch t.text {
		case "q":
			stack = append(stack, gs)
		case "Q":
			if len(stack) > 0 {
				gs, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			v, err := nums(6)
			if err != nil {
				return err
			}
			gs.ctm = matrix(v).mul(gs.ctm)
		case "BT":
			tm, tlm = identity6(), identity6()
		case "Tf":
			v, err := nums(1)
			if err != nil {
				return err
			}
			gs.size = v[0]
		case "Tr":
			v, err := nums(1)
			if err != nil {
				return err
			}
			gs.render = int(v[0])
		case "TL":
			v, err := nums(1)
			if err != nil {
				return err
			}
			gs.leadTL = v[0]
		case "Tm":
			v, err := nums(6)
			if err != nil {
				return err
			}
			tm, tlm = matrix(v), matrix(v)
		case "Td":
			v, err := nums(2)
			if err != nil {
				return err
			}
			nextLine(v[0], v[1])
		case "TD":
			v, err := nums(2)
			if err != nil {
				return err
			}
			gs.leadTL = -v[1]
			nextLine(v[0], v[1])
		case "T*":
			nextLine(0, -gs.leadTL)
		case "Tj":
			show(len(ops) > 0 && ops[len(ops)-1].kind == tStr && ops[len(ops)-1].text != "")
		case "'", `"`:
			nextLine(0, -gs.leadTL)
			show(len(ops) > 0 && ops[len(ops)-1].kind == tStr && ops[len(ops)-1].text != "")
		case "TJ":
			show(len(ops) > 0 && ops[len(ops)-1].kind == tArr && ops[len(ops)-1].text != "")
		case "Do":
			if len(ops) == 0 || ops[len(ops)-1].kind != tName {
				return fmt.Errorf("Do without a name")
			}
			if err := in.do(ops[len(ops)-1].text, res, gs.ctm, depth); err != nil {
				return err
			}
		}
		ops = ops[:0]
	}
}

// do draws the XObject name of resources res: a form's content is
// interpreted under its /Matrix; images have no text.
func (in *interp) do(name, res string, ctm matrix, depth int) error {
	xo := resolveDict(in.objs, dictEntry(res, "XObject"))
	refs := refsOf(dictEntry(xo, name[1:]))
	if len(refs) != 1 {
		return fmt.Errorf("XObject %s not found in the resources", name)
	}
	o, ok := in.objs[refs[0]]
	if !ok {
		return fmt.Errorf("XObject %s: no object %d", name, refs[0])
	}
	if !regexp.MustCompile(`/Subtype\s*/Form`).MatchString(o.dict) {
		return nil
	}
	if o.stream == nil {
		return fmt.Errorf("form XObject %s unreadable", name)
	}
	m := identity6()
	if a := dictEntry(o.dict, "Matrix"); a != "" {
		var v []float64
		for _, f := range regexp.MustCompile(`[-+]?[0-9]*\.?[0-9]+`).FindAllString(a, -1) {
			x, _ := strconv.ParseFloat(f, 64)
			v = append(v, x)
		}
		if len(v) != 6 {
			return fmt.Errorf("form XObject %s: matrix %q", name, a)
		}
		m = matrix(v)
	}
	own := resolveDict(in.objs, dictEntry(o.dict, "Resources"))
	if own == "" {
		own = res
	}
	return in.run(o.stream, own, m.mul(ctm), depth+1)
}

// token is one lexical item of a content stream. For strings, text is
// the raw bytes (empty for an empty string); for arrays it is the
// concatenation of the strings they hold.
type token struct {
	kind int
	text string
	num  float64
}

const (
	tEOF = iota
	tNum
	tName
	tStr
	tArr
	tDict
	tOp
	tOther
)

type lexer struct {
	s []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return isSpace(c) || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

func (l *lexer) next() (token, error) {
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch {
		case isSpace(c):
			l.i++
		case c == '%':
			for l.i < len(l.s) && l.s[l.i] != '\n' && l.s[l.i] != '\r' {
				l.i++
			}
		case c == '(':
			s, err := l.literal()
			return token{kind: tStr, text: s}, err
		case c == '<' && l.i+1 < len(l.s) && l.s[l.i+1] == '<':
			depth := 0
			for l.i+1 < len(l.s) {
				switch string(l.s[l.i : l.i+2]) {
				case "<<":
					depth++
					l.i += 2
					continue
				case ">>":
					depth--
					l.i += 2
					if depth == 0 {
						return token{kind: tDict}, nil
					}
					continue
				}
				l.i++
			}
			return token{}, fmt.Errorf("unterminated dictionary")
		case c == '<':
			end := bytes.IndexByte(l.s[l.i:], '>')
			if end < 0 {
				return token{}, fmt.Errorf("unterminated hex string")
			}
			hex := bytes.Map(func(r rune) rune {
				if isSpace(byte(r)) {
					return -1
				}
				return r
			}, l.s[l.i+1:l.i+end])
			l.i += end + 1
			return token{kind: tStr, text: string(hex)}, nil
		case c == '[':
			l.i++
			var text []byte
			for {
				t, err := l.next()
				if err != nil {
					return t, err
				}
				if t.kind == tEOF {
					return t, fmt.Errorf("unterminated array")
				}
				if t.kind == tOther && t.text == "]" {
					return token{kind: tArr, text: string(text)}, nil
				}
				if t.kind == tStr {
					text = append(text, t.text...)
				}
			}
		case c == ']':
			l.i++
			return token{kind: tOther, text: "]"}, nil
		case c == '/':
			j := l.i + 1
			for j < len(l.s) && !isDelim(l.s[j]) {
				j++
			}
			t := token{kind: tName, text: string(l.s[l.i:j])}
			l.i = j
			return t, nil
		default:
			j := l.i
			for j < len(l.s) && !isDelim(l.s[j]) {
				j++
			}
			if j == l.i { // a stray delimiter such as '>' or '{'
				l.i++
				continue
			}
			w := string(l.s[l.i:j])
			l.i = j
			if x, err := strconv.ParseFloat(w, 64); err == nil {
				return token{kind: tNum, text: w, num: x}, nil
			}
			if w == "BI" { // an inline image: skip to EI
				e := bytes.Index(l.s[l.i:], []byte("EI"))
				if e < 0 {
					return token{}, fmt.Errorf("inline image without EI")
				}
				l.i += e + 2
				continue
			}
			return token{kind: tOp, text: w}, nil
		}
	}
	return token{kind: tEOF}, nil
}

// literal reads a (string) with its escapes and nested parentheses.
func (l *lexer) literal() (string, error) {
	var out []byte
	depth := 0
	for l.i < len(l.s) {
		c := l.s[l.i]
		l.i++
		switch {
		case c == '\\' && l.i < len(l.s):
			out = append(out, l.s[l.i])
			l.i++
		case c == '(':
			if depth > 0 {
				out = append(out, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return string(out), nil
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return "", fmt.Errorf("unterminated string")
}
