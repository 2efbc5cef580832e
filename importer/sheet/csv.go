package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
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
			if !blank(f) {
				row.Cells = append(row.Cells, Cell{Col: i, Kind: KindText, Text: f})
			}
		}
		if err := fn(row); err != nil {
			return err
		}
	}
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
