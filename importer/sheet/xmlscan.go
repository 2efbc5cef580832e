package sheet

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// elemReader streams the complete elements with one local name (e.g. "row"
// in a sheet, "si" in sharedStrings.xml) out of an XML document without
// building a tree: the hot path of a 200,000-row sheet. It keeps one buffer
// and hands out slices of it, valid until the next call. Elements larger
// than maxElem are an ETOOLARGE error, so memory stays bounded.
type elemReader struct {
	r       io.Reader
	buf     []byte
	pos     int
	eof     bool
	maxElem int
	open    []byte // "<p:row"
	close   []byte // "</p:row>"
	stop    []byte // when set, next returns errStopped on meeting it ("</p:sheetData>")
	tail    []byte // the last bytes read, to check how the document ends
}

// errStopped says the elemReader met its stop pattern; pos is left there so
// the caller can go on reading what follows with other patterns.
var errStopped = errors.New("stop pattern reached")

const chunkSize = 256 << 10

func newElemReader(r io.Reader, prefix, local string, maxElem int) *elemReader {
	return &elemReader{
		r: r, buf: make([]byte, 0, chunkSize), maxElem: maxElem,
		open:  []byte("<" + prefix + local),
		close: []byte("</" + prefix + local + ">"),
	}
}

// next returns the next whole element, or io.EOF at the end.
func (e *elemReader) next() ([]byte, error) {
	for {
		i := bytes.Index(e.buf[e.pos:], e.open)
		if e.stopsBefore(i) {
			return nil, errStopped
		}
		if i < 0 {
			keep := max(len(e.buf)-max(len(e.open), len(e.stop)), e.pos)
			if err := e.fill(keep); err != nil {
				return nil, err
			}
			continue
		}
		s := e.pos + i
		elem, ok := e.complete(s)
		if elem != nil {
			return elem, nil
		}
		if ok { // not our element (e.g. <rowBreaks>): skip past it
			e.pos = s + 1
			continue
		}
		if err := e.fill(s); err != nil {
			return nil, err
		}
	}
}

// stopsBefore reports whether the stop pattern comes before the next open
// at offset i (i < 0: none in the buffer); only the short stretch between
// elements is searched, so this costs nothing on the hot path.
func (e *elemReader) stopsBefore(i int) bool {
	if e.stop == nil {
		return false
	}
	end := len(e.buf)
	if i >= 0 {
		end = e.pos + i
	}
	j := bytes.Index(e.buf[e.pos:end], e.stop)
	if j < 0 {
		return false
	}
	e.pos += j
	return true
}

// complete returns the element starting at s if the buffer holds all of
// it; ok reports that the bytes at s were enough to decide.
func (e *elemReader) complete(s int) (elem []byte, ok bool) {
	b := e.buf[s:]
	if len(b) <= len(e.open) {
		return nil, false
	}
	switch b[len(e.open)] {
	case ' ', '>', '/', '\t', '\r', '\n':
	default:
		return nil, true
	}
	gt := bytes.IndexByte(b, '>')
	if gt < 0 {
		return nil, false
	}
	if b[gt-1] == '/' {
		e.pos = s + gt + 1
		return b[:gt+1], true
	}
	j := bytes.Index(b[gt:], e.close)
	if j < 0 {
		return nil, false
	}
	end := gt + j + len(e.close)
	e.pos = s + end
	return b[:end], true
}

// fill drops the buffer before keep and reads more; io.EOF when no more
// data can come.
func (e *elemReader) fill(keep int) error {
	if e.eof {
		return io.EOF
	}
	n := copy(e.buf, e.buf[keep:])
	e.buf = e.buf[:n]
	e.pos -= keep
	if e.pos < 0 {
		e.pos = 0
	}
	if n > e.maxElem {
		return tooLarge("单个单元格或行的内容过长")
	}
	if cap(e.buf)-n < chunkSize {
		nb := make([]byte, n, 2*cap(e.buf)+chunkSize)
		copy(nb, e.buf)
		e.buf = nb
	}
	m, err := io.ReadFull(e.r, e.buf[n:n+chunkSize])
	e.buf = e.buf[:n+m]
	e.keepTail(e.buf[n:])
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		e.eof = true
		if m == 0 {
			return io.EOF
		}
		return nil
	}
	return err
}

// tailBytes is how much of a document's end keepTail keeps.
const tailBytes = 256

// keepTail remembers the last tailBytes of what has been read.
func (e *elemReader) keepTail(b []byte) {
	if len(b) >= tailBytes {
		e.tail = append(e.tail[:0], b[len(b)-tailBytes:]...)
		return
	}
	e.tail = append(e.tail, b...)
	if len(e.tail) > tailBytes {
		e.tail = append(e.tail[:0], e.tail[len(e.tail)-tailBytes:]...)
	}
}

// closed reports, once next or fill has returned io.EOF, whether the
// document ends with the end tag of its root element (root as in
// rootName): a part cut short or not closed does not.
func (e *elemReader) closed(root string) bool {
	end := bytes.TrimRight(e.tail, " \t\r\n")
	return root != "" && (bytes.HasSuffix(end, []byte("</"+root+">")) || bytes.HasSuffix(end, []byte("<"+root+"/>")))
}

// attr returns the value of attribute name in a start tag, raw (entities
// not decoded), and whether it was there. Prefixed names ("r:id") match by
// their full spelling.
func attr(tag []byte, name string) ([]byte, bool) {
	end := bytes.IndexByte(tag, '>')
	if end < 0 {
		end = len(tag)
	}
	tag = tag[:end]
	for off := 0; ; {
		i := bytes.Index(tag[off:], []byte(name))
		if i < 0 {
			return nil, false
		}
		i += off
		j := i + len(name)
		off = j
		if i == 0 || !isSpace(tag[i-1]) || j+1 >= len(tag) || tag[j] != '=' {
			continue
		}
		q := tag[j+1]
		if q != '"' && q != '\'' {
			continue
		}
		k := bytes.IndexByte(tag[j+2:], q)
		if k < 0 {
			return nil, false
		}
		return tag[j+2 : j+2+k], true
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// xmlText decodes character data as an XML reader does: line ends
// normalised (CR LF and a lone CR become LF), CDATA sections taken
// literally, the five entities and numeric references decoded, and the
// _xHHHH_ escapes Excel writes for control characters.
func xmlText(b []byte) string {
	if bytes.IndexAny(b, "&\r<_") < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		switch {
		case b[i] == '&':
			n, adv := entity(b[i:])
			out = append(out, n...)
			i += adv
		case b[i] == '\r':
			out = append(out, '\n')
			if i++; i < len(b) && b[i] == '\n' {
				i++
			}
		case b[i] == '<' && bytes.HasPrefix(b[i:], cdataOpen):
			body := b[i+len(cdataOpen):]
			end := bytes.Index(body, cdataClose)
			if end < 0 {
				end = len(body) // unterminated: taken as text
			}
			out = appendLines(out, body[:end])
			i += len(cdataOpen) + min(end+len(cdataClose), len(body))
		case b[i] == '_' && i+6 < len(b) && b[i+1] == 'x' && b[i+6] == '_':
			v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
			if err != nil {
				out = append(out, b[i])
				i++
				continue
			}
			out = utf8.AppendRune(out, rune(v))
			i += 7
		default:
			out = append(out, b[i])
			i++
		}
	}
	return string(out)
}

var cdataOpen, cdataClose = []byte("<![CDATA["), []byte("]]>")

// appendLines appends literal text with its line ends normalised.
func appendLines(out, b []byte) []byte {
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] != '\r':
			out = append(out, b[i])
		case i+1 < len(b) && b[i+1] == '\n':
		default:
			out = append(out, '\n')
		}
	}
	return out
}

// entity decodes the reference at the start of b and says how many bytes
// it used; an unknown one is kept as is.
func entity(b []byte) ([]byte, int) {
	semi := bytes.IndexByte(b, ';')
	if semi < 0 || semi > 10 {
		return b[:1], 1
	}
	name := string(b[1:semi])
	switch name {
	case "amp":
		return []byte("&"), semi + 1
	case "lt":
		return []byte("<"), semi + 1
	case "gt":
		return []byte(">"), semi + 1
	case "quot":
		return []byte(`"`), semi + 1
	case "apos":
		return []byte("'"), semi + 1
	}
	if len(name) > 1 && name[0] == '#' {
		base, digits := 10, name[1:]
		if digits[0] == 'x' || digits[0] == 'X' {
			base, digits = 16, digits[1:]
		}
		if v, err := strconv.ParseUint(digits, base, 32); err == nil && utf8.ValidRune(rune(v)) {
			return utf8.AppendRune(nil, rune(v)), semi + 1
		}
	}
	return b[:1], 1
}

// rootName returns the name of the document's root element as written
// ("x:worksheet", "sst"), reading only its first bytes; "" when none is
// there.
func rootName(head []byte) string {
	for i := 0; i < len(head)-1; i++ {
		if head[i] != '<' || head[i+1] == '?' || head[i+1] == '!' {
			continue
		}
		end := i + 1
		for end < len(head) && !isSpace(head[end]) && head[end] != '>' && head[end] != '/' {
			end++
		}
		return string(head[i+1 : end])
	}
	return ""
}

// rootPrefix returns the namespace prefix of the root element ("x:" for
// <x:worksheet>, "" for none).
func rootPrefix(head []byte) string {
	name := rootName(head)
	if k := strings.IndexByte(name, ':'); k >= 0 {
		return name[:k+1]
	}
	return ""
}

// texts returns the concatenated character data of every <t> element in
// b (a <si> or <is>), leaving out phonetic runs (<rPh>).
func texts(b []byte, prefix string) string {
	open, close := []byte("<"+prefix+"t"), []byte("</"+prefix+"t>")
	var parts [][]byte
	for {
		i := bytes.Index(b, open)
		if i < 0 {
			break
		}
		if ph := bytes.Index(b, []byte("<"+prefix+"rPh")); ph >= 0 && ph < i {
			end := bytes.Index(b[ph:], []byte("</"+prefix+"rPh>"))
			if end < 0 {
				break
			}
			b = b[ph+end:]
			continue
		}
		rest := b[i+len(open):]
		if len(rest) == 0 || (rest[0] != '>' && rest[0] != ' ' && rest[0] != '/') {
			b = rest
			continue
		}
		gt := bytes.IndexByte(rest, '>')
		if gt < 0 {
			break
		}
		if gt > 0 && rest[gt-1] == '/' { // <t/>
			b = rest[gt+1:]
			continue
		}
		j := bytes.Index(rest[gt+1:], close)
		if j < 0 {
			break
		}
		parts = append(parts, rest[gt+1:gt+1+j])
		b = rest[gt+1+j+len(close):]
	}
	if len(parts) == 1 {
		return xmlText(parts[0])
	}
	return xmlText(bytes.Join(parts, nil))
}
