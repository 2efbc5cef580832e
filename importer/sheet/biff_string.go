package sheet

import (
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// segments reads bytes from a record and its CONTINUE records. BIFF8
// splits a long string over records; the characters that go on in the next
// record are preceded by a new flags byte saying whether they are
// compressed (one byte each) or UTF-16.
type segments struct {
	segs [][]byte
	i    int // the current segment
	pos  int // the offset in it
}

// take returns the next n bytes, copied when they span segments.
func (r *segments) take(n int) ([]byte, bool) {
	for r.i < len(r.segs) && r.pos == len(r.segs[r.i]) {
		r.i, r.pos = r.i+1, 0
	}
	if r.i >= len(r.segs) {
		return nil, n == 0
	}
	if s := r.segs[r.i]; r.pos+n <= len(s) {
		r.pos += n
		return s[r.pos-n : r.pos], true
	}
	out := make([]byte, 0, n)
	for len(out) < n && r.i < len(r.segs) {
		s := r.segs[r.i][r.pos:]
		k := min(len(s), n-len(out))
		out = append(out, s[:k]...)
		r.pos += k
		if r.pos == len(r.segs[r.i]) && len(out) < n {
			r.i, r.pos = r.i+1, 0
		}
	}
	return out, len(out) == n
}

// done reports that every byte has been read.
func (r *segments) done() bool {
	for i := r.i; i < len(r.segs); i++ {
		if i == r.i && r.pos < len(r.segs[i]) || i > r.i && len(r.segs[i]) > 0 {
			return false
		}
	}
	return true
}

func (r *segments) u8() (int, bool) {
	b, ok := r.take(1)
	if !ok {
		return 0, false
	}
	return int(b[0]), true
}

func (r *segments) u16() (int, bool) {
	b, ok := r.take(2)
	if !ok {
		return 0, false
	}
	return int(binary.LittleEndian.Uint16(b)), true
}

func (r *segments) u32() (int, bool) {
	b, ok := r.take(4)
	if !ok {
		return 0, false
	}
	return int(binary.LittleEndian.Uint32(b) & 0x7FFFFFFF), true
}

// unicode reads a BIFF8 string (XLUnicodeRichExtendedString and its
// simpler forms): a character count of lenBytes bytes, a flags byte, the
// rich-text and phonetic sizes when flagged, the characters (continuing
// over record boundaries), then the runs and phonetic data, skipped.
func (r *segments) unicode(lenBytes int) (string, bool) {
	var cch int
	var ok bool
	if lenBytes == 2 {
		cch, ok = r.u16()
	} else {
		cch, ok = r.u8()
	}
	flags, ok2 := r.u8()
	if !ok || !ok2 {
		return "", false
	}
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		if runs, ok = r.u16(); !ok {
			return "", false
		}
	}
	if flags&0x04 != 0 {
		if ext, ok = r.u32(); !ok {
			return "", false
		}
	}
	s, ok := r.chars(cch, flags&0x01 != 0)
	if !ok {
		return "", false
	}
	if _, ok := r.take(4*runs + ext); !ok {
		return "", false
	}
	return s, true
}

// chars reads cch characters, UTF-16 when high, else one byte each (the
// low byte of a UTF-16 unit: Latin-1, whatever the codepage says). Where
// the characters go on in the next record, that record starts with a new
// flags byte (0 or 1); a writer that leaves it out (Gnumeric, for long
// formula results) is read too, even when it splits a UTF-16 unit.
func (r *segments) chars(cch int, high bool) (string, bool) {
	out := make([]byte, 0, cch)
	var pending uint16 // a high surrogate waiting for its pair
	half := -1         // the first byte of a UTF-16 unit split over records
	for cch > 0 {
		if r.i < len(r.segs) && r.pos == len(r.segs[r.i]) {
			r.i, r.pos = r.i+1, 0
			if r.i < len(r.segs) && len(r.segs[r.i]) > 0 && r.segs[r.i][0] <= 1 && half < 0 {
				high, r.pos = r.segs[r.i][0] == 1, 1
			}
		}
		if r.i >= len(r.segs) {
			return "", false
		}
		s := r.segs[r.i][r.pos:]
		switch {
		case !high:
			k := min(len(s), cch)
			for _, b := range s[:k] {
				out = utf8.AppendRune(out, rune(b))
			}
			r.pos, cch = r.pos+k, cch-k
		case half >= 0 && len(s) > 0:
			out, pending = appendUTF16(out, pending, uint16(half)|uint16(s[0])<<8)
			r.pos, cch, half = r.pos+1, cch-1, -1
		default:
			k := min(len(s)/2, cch)
			for j := 0; j < k; j++ {
				out, pending = appendUTF16(out, pending, binary.LittleEndian.Uint16(s[2*j:]))
			}
			r.pos, cch = r.pos+2*k, cch-k
			if cch > 0 && len(s)-2*k == 1 {
				half, r.pos = int(s[2*k]), r.pos+1
			}
		}
	}
	if pending != 0 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return string(out), true
}

// appendUTF16 appends one UTF-16 unit, pairing surrogates; a lone
// surrogate becomes U+FFFD.
func appendUTF16(out []byte, pending, u uint16) ([]byte, uint16) {
	switch {
	case pending != 0 && utf16.IsSurrogate(rune(u)) && u >= 0xDC00:
		return utf8.AppendRune(out, utf16.DecodeRune(rune(pending), rune(u))), 0
	case pending != 0:
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	if u >= 0xD800 && u < 0xDC00 {
		return out, u
	}
	if u >= 0xDC00 && u < 0xE000 {
		return utf8.AppendRune(out, utf8.RuneError), 0
	}
	return utf8.AppendRune(out, rune(u)), 0
}

// codepageDecoder returns the decoder of a BIFF5 CODEPAGE value; text of
// a codepage not listed is read as Windows-1252 (Excel's default).
func codepageDecoder(cp int) *encoding.Decoder {
	enc := map[int]encoding.Encoding{
		437: charmap.CodePage437, 850: charmap.CodePage850, 852: charmap.CodePage852, 855: charmap.CodePage855,
		858: charmap.CodePage858, 860: charmap.CodePage860, 862: charmap.CodePage862, 863: charmap.CodePage863,
		865: charmap.CodePage865, 866: charmap.CodePage866, 874: charmap.Windows874,
		932: japanese.ShiftJIS, 936: simplifiedchinese.GBK, 949: korean.EUCKR, 950: traditionalchinese.Big5,
		1250: charmap.Windows1250, 1251: charmap.Windows1251, 1252: charmap.Windows1252, 1253: charmap.Windows1253,
		1254: charmap.Windows1254, 1255: charmap.Windows1255, 1256: charmap.Windows1256, 1257: charmap.Windows1257,
		1258: charmap.Windows1258, 10000: charmap.Macintosh, 32768: charmap.Macintosh,
	}[cp]
	if enc == nil {
		enc = charmap.Windows1252
	}
	return enc.NewDecoder()
}

// byteString decodes BIFF5 text in the book's codepage.
func byteString(b []byte, dec *encoding.Decoder) string {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	out, err := dec.Bytes(b)
	if err != nil {
		return string([]rune(string(b))) // not valid in the codepage: kept byte for byte, as U+FFFD where invalid
	}
	return string(out)
}
