package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// csvSources decodes a CSV (UTF-8, UTF-8 with BOM, UTF-16 with BOM as
// Excel's "Unicode text", else GB18030 which covers GBK as Excel saves it
// on Chinese Windows) into one sheet. The separator is a comma, a tab or a
// semicolon, whichever a line among the first rows (the title may have
// none) uses most.
func csvSources(data []byte, name string, l Limits) ([]*Sheet, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, errorf(Unsupported, "无法识别CSV文件的文字编码，请用Excel另存为.xlsx后上传")
	}
	if bytes.IndexByte(text, '\r') >= 0 && bytes.IndexByte(text, '\n') < 0 {
		text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n")) // old Mac line ends
	}
	sep := csvSeparator(text)
	if line, ok := csvFieldsWithin(text, byte(sep), maxCSVFields); !ok {
		return nil, tooLarge(fmt.Sprintf("CSV文件第%d行起的一条记录超过%d列（Excel最多%d列）", line, maxCSVFields, maxCSVFields))
	}
	src := &Sheet{Name: name}
	src.stream = func(fn func(*Row) error) error { return csvRows(text, sep, l, fn) }
	return []*Sheet{src}, nil
}

// decodeText returns data as UTF-8 (valid UTF-8: the cells go to the
// database as text); a file with a UTF-8 BOM and bytes that are not UTF-8
// is an error.
func decodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(data[3:]) { // marked UTF-8 but not: a damaged file, or another encoding behind the mark
			return nil, errors.New("not UTF-8 after a UTF-8 BOM")
		}
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		d := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, _, err := transform.Bytes(d, data)
		return out, err
	case utf8.Valid(data):
		return data, nil
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
	return out, err
}

// separatorLines is how many lines at the top of a CSV are looked at for
// its separator (a title line may have none).
const separatorLines = 30

// csvSeparator picks the separator a line among the first ones uses most.
func csvSeparator(text []byte) rune {
	best, n := ',', 0
	for i, line := 0, text; i < separatorLines && len(line) > 0; i++ {
		cur := line
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			cur, line = line[:j], line[j+1:]
		} else {
			line = nil
		}
		for _, c := range []rune{',', '\t', ';'} {
			if k := bytes.Count(cur, []byte(string(c))); k > n {
				best, n = c, k
			}
		}
	}
	return best
}

// csvRows streams the records as rows of text cells.
func csvRows(text []byte, sep rune, l Limits, fn func(*Row) error) error {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes, r.ReuseRecord = sep, -1, true, true
	row := &Row{}
	for {
		blanks := blankLines(text[r.InputOffset():])
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return errorf(Unprocessable, "CSV文件第%d行格式有误，无法读取：请用Excel另存为.xlsx后上传", row.Num+blanks+1)
		}
		row.Num, row.Cells = row.Num+blanks+1, row.Cells[:0]
		for i, f := range rec {
			if i >= l.MaxColumns {
				break
			}
			if len(f) > l.MaxCellBytes {
				return tooLarge("CSV单元格内容过长")
			}
			if f = excelText(f); !blank(f) {
				row.Cells = append(row.Cells, Cell{Col: i, Kind: KindText, Text: f})
			}
		}
		if err := fn(row); err != nil {
			return err
		}
	}
}

// excelText unwraps a field written in Excel's formula form of a text,
// ="2403-370303-04-01-000123" or ="12000.00": what systems export to keep
// codes and figures from being reformatted, and what Excel shows as the
// text inside.
func excelText(f string) string {
	if len(f) < 3 || f[0] != '=' || f[1] != '"' || f[len(f)-1] != '"' {
		return f
	}
	inner := f[2 : len(f)-1]
	if strings.Contains(strings.ReplaceAll(inner, `""`, ""), `"`) {
		return f // ="a"&"b" or the like: a formula, not one text
	}
	return strings.ReplaceAll(inner, `""`, `"`)
}

// blankLines counts the empty lines at the start of b, which the CSV
// reader skips but which are rows of the sheet (Excel shows them as empty
// rows), so that the rows after them keep their numbers.
func blankLines(b []byte) int {
	n := 0
	for {
		switch {
		case bytes.HasPrefix(b, []byte("\n")):
			b = b[1:]
		case bytes.HasPrefix(b, []byte("\r\n")):
			b = b[2:]
		default:
			return n
		}
		n++
	}
}

// maxCSVFields is the most fields a CSV record may have: Excel's column
// limit (XFD). encoding/csv keeps an index and a string for every field of
// a record before the reader sees any, so one line of 30 million commas
// (30 MB) took 2.3 GiB; csvFieldsWithin refuses such a file first.
const maxCSVFields = 16384

// csvFieldsWithin reports whether every record of text has at most max
// fields, splitting records as encoding/csv does with LazyQuotes (a quote
// opens a quoted field only at a field's start; in one, "" is a quote and
// a quote not followed by the separator or a line end is kept), and else
// the physical line (1-based) where the first longer record starts. It
// allocates nothing and reads text once.
func csvFieldsWithin(text []byte, sep byte, max int) (int, bool) {
	line, pos := 1, 0
	for pos < len(text) {
		start, fields := line, 1
		for end := false; !end; {
			if pos < len(text) && text[pos] == '"' {
				pos, line, end = csvQuoted(text, pos+1, line, sep)
			} else {
				pos, line, end = csvUnquoted(text, pos, line, sep)
			}
			if !end {
				if fields++; fields > max {
					return start, false
				}
			}
		}
	}
	return 0, true
}

// csvUnquoted skips an unquoted field from pos: past its separator (end
// false) or its line end (end true).
func csvUnquoted(text []byte, pos, line int, sep byte) (int, int, bool) {
	for ; pos < len(text); pos++ {
		switch text[pos] {
		case sep:
			return pos + 1, line, false
		case '\n':
			return pos + 1, line + 1, true
		}
	}
	return pos, line, true
}

// csvQuoted skips a quoted field whose text starts at pos, as csvUnquoted.
func csvQuoted(text []byte, pos, line int, sep byte) (int, int, bool) {
	for {
		i := bytes.IndexByte(text[pos:], '"')
		if i < 0 {
			return len(text), line + bytes.Count(text[pos:], []byte("\n")), true
		}
		line += bytes.Count(text[pos:pos+i], []byte("\n"))
		pos += i + 1
		switch {
		case pos < len(text) && text[pos] == '"':
			pos++
		case pos < len(text) && text[pos] == sep:
			return pos + 1, line, false
		case pos == len(text):
			return pos, line, true
		case text[pos] == '\n':
			return pos + 1, line + 1, true
		case text[pos] == '\r' && (pos+1 == len(text) || text[pos+1] == '\n'):
			return min(pos+2, len(text)), line + 1, true
		}
	}
}
