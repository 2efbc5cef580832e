package sheet

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Options say how to open a file.
type Options struct {
	// Limits bound the work; zero fields take DefaultLimits.
	Limits Limits
	// Lazy reads an .xlsx in one pass: a sheet's merges are known only
	// after its rows have been streamed (Sheet.Lazy), and shared strings are
	// decoded as the sheet first uses them, so that long texts of columns
	// Sheet.Wanted rejects are skipped (KindSkipped) rather than kept. A
	// reader that cannot stay faithful this way returns ErrRedo: open the
	// file again without Lazy. Other formats ignore it.
	Lazy bool
	// Skip, when set, leaves out the sheets it reports (by name, and
	// whether the workbook hides them) without reading anything of them.
	Skip func(name string, hidden bool) bool
}

// Book is an opened file: its format and its sheets in workbook order.
type Book struct {
	Format   string // "xlsx", "xls" or "csv"
	Date1904 bool   // serial days count from 1904-01-01 (old Mac workbooks), else from 1899-12-30
	Sheets   []*Sheet
	close    func()
}

// Close releases what a lazy read keeps open; the sheets' rows cannot be
// streamed afterwards.
func (b *Book) Close() {
	if b.close != nil {
		b.close()
	}
}

// Sheet is one sheet of any format: its layout and a stream of its rows.
// Chart sheets, and chart and macro substreams, are never listed.
type Sheet struct {
	Name       string
	Hidden     bool         // hidden or very hidden in the workbook
	Date1904   bool         // the book's date system, for reading KindDate serials
	HiddenCols map[int]bool // 0-based columns hidden in the sheet's layout
	// Merges are the merged ranges. With Lazy they are known only after
	// Rows has run to its end (they are stored after the rows).
	Merges   []Range
	RowsHint int  // rows the sheet says it has, to size slices once; 0 unknown
	Lazy     bool // Merges are filled by Rows
	// Wanted, set by the caller once it knows which columns it reads, lets
	// a lazy read skip long shared strings elsewhere; nil wants all.
	Wanted func(col int) bool
	stream func(fn func(*Row) error) error
}

// Rows streams the sheet's rows in order, non-empty cells only, and stops
// at fn's first error, which it returns. A row handed to fn is valid only
// during the call (its cells are reused): copy what you keep. Rows may be
// called more than once. A part found cut short or malformed is an error
// at the point it is found, possibly after rows were handed out: on any
// error, drop what was read.
func (s *Sheet) Rows(fn func(*Row) error) error { return s.stream(fn) }

// Open reads a file's format from its content (the name only breaks a tie
// and names a CSV's sheet) and opens its sheets. A file that cannot be read
// is an *Error; ErrRedo only with Options.Lazy.
func Open(data []byte, fileName string, o Options) (*Book, error) {
	l := o.Limits.WithDefaults()
	if int64(len(data)) > l.MaxFileBytes {
		return nil, tooLarge(fmt.Sprintf("文件有%s，超过上限%s", sizeText(int64(len(data))), sizeText(l.MaxFileBytes)))
	}
	format, err := Sniff(data, fileName)
	if err != nil {
		return nil, err
	}
	skip := o.Skip
	if skip == nil {
		skip = func(string, bool) bool { return false }
	}
	b := &Book{Format: format}
	switch format {
	case "xlsx":
		err = b.openXlsx(bytes.NewReader(data), int64(len(data)), l, o.Lazy, skip)
	case "xls":
		err = b.openXls(data, l, skip)
	default:
		b.Sheets, err = csvSources(data, csvSheetName(fileName), l)
	}
	if err != nil {
		return nil, err
	}
	return b, nil
}

// Source is a file read where it lies, without holding its bytes: the
// command line's file, an upload's temporary file (io.NewSectionReader
// gives one of any io.ReaderAt) or bytes in memory (bytes.Reader).
type Source interface {
	io.ReaderAt
	Size() int64
}

// OpenSource is Open on a Source. A workbook (.xlsx) is read through it
// part by part, so that a 26 MB upload is not in memory while its rows
// are; anything else is read into memory first and opened as Open does
// (the .xls and CSV readers need the whole file).
func OpenSource(src Source, fileName string, o Options) (*Book, error) {
	l := o.Limits.WithDefaults()
	size := src.Size()
	if size > l.MaxFileBytes {
		return nil, tooLarge(fmt.Sprintf("文件有%s，超过上限%s", sizeText(size), sizeText(l.MaxFileBytes)))
	}
	head := make([]byte, min(size, int64(len(sigZip))))
	if _, err := src.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, err
	}
	if !bytes.Equal(head, sigZip) {
		data := make([]byte, size)
		if _, err := src.ReadAt(data, 0); err != nil && err != io.EOF {
			return nil, err
		}
		return Open(data, fileName, o)
	}
	skip := o.Skip
	if skip == nil {
		skip = func(string, bool) bool { return false }
	}
	b := &Book{Format: "xlsx"}
	if err := b.openXlsx(src, size, l, o.Lazy, skip); err != nil {
		return nil, err
	}
	return b, nil
}

// openXlsx lists the sheets of a workbook that are not skipped.
func (b *Book) openXlsx(r io.ReaderAt, size int64, l Limits, lazy bool, skip func(string, bool) bool) error {
	book, err := openXlsx(r, size, l)
	if err != nil {
		return err
	}
	if err := book.loadStrings(lazy); err != nil {
		return err
	}
	b.Date1904, b.close = book.date1904, func() { book.lazySST.close() }
	var refs []xlsxSheetRef
	for _, ref := range book.sheets {
		if !skip(ref.name, ref.hidden) {
			refs = append(refs, ref)
		}
	}
	for i, ref := range refs {
		ref.last = i == len(refs)-1
		src, err := book.sheetSource(ref, lazy)
		if err != nil {
			b.Close()
			return err
		}
		src.Hidden, src.Date1904 = ref.hidden, book.date1904
		b.Sheets = append(b.Sheets, src)
	}
	return nil
}

// csvSheetName names a CSV's only sheet after the file.
func csvSheetName(fileName string) string {
	base := strings.TrimSuffix(filepath.Base(fileName), filepath.Ext(fileName))
	if base == "" || base == "." || base == "/" {
		return "Sheet1"
	}
	return base
}
