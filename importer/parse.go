package importer

import (
	"errors"
	"strings"

	"tracker/importer/sheet"
	"tracker/models"
)

// parsed is a read ledger plus what ProblemsWorkbook needs to copy rows.
type parsed struct {
	ledger  *Ledger
	sources []*sheet.Sheet
	headers map[string]*header
	b       *builder // also when the file is refused, for Inspect
}

// parse is Read without the panic guard.
func parse(data []byte, opts Options) (*parsed, error) { return parseMode(inMemory(data), opts, true) }

// opener opens the file being read with the readers' options.
type opener func(name string, o sheet.Options) (*sheet.Book, error)

func inMemory(data []byte) opener {
	return func(name string, o sheet.Options) (*sheet.Book, error) { return sheet.Open(data, name, o) }
}

func fromSource(src Source) opener {
	return func(name string, o sheet.Options) (*sheet.Book, error) { return sheet.OpenSource(src, name, o) }
}

// parseMode reads a file; lazy allows the one-pass .xlsx read. Callers that
// stream the rows again afterwards (ProblemsWorkbook) need the eager one,
// whose shared strings are all there. The readers' errors become
// *models.Error here.
func parseMode(open opener, opts Options, lazy bool) (*parsed, error) {
	p, err := parseFormat(open, opts, lazy)
	if errors.Is(err, sheet.ErrRedo) {
		p, err = parseFormat(open, opts, false)
	}
	return p, readerError(err)
}

// parseFormat reads a file. lazy lets an .xlsx be read in one pass,
// trusting that its merged cells (known only at the end of each sheet)
// change nothing; when they do, sheet.ErrRedo asks for an eager read.
// The builder comes back also with an error, for Inspect.
func parseFormat(open opener, opts Options, lazy bool) (*parsed, error) {
	limits := opts.Limits.withDefaults()
	b, err := newBuilder(opts)
	if err != nil {
		return nil, err
	}
	p := &parsed{b: b}
	book, err := open(opts.FileName, sheet.Options{Limits: limits.Limits, Lazy: lazy, Skip: b.skipper})
	if err != nil {
		return p, err
	}
	defer book.Close()
	b.ledger.Format = book.Format
	if err := b.readSheets(book.Sheets); err != nil {
		return p, err
	}
	p.ledger, p.sources, p.headers = b.finish(), append(book.Sheets[:len(book.Sheets):len(book.Sheets)], b.blocks...), b.headers
	return p, p.ledger.Records.Err() // the records' temporary file failed: a fault of the server, not the file

}

// readerErrorCodes maps the readers' error kinds to the importer's codes.
var readerErrorCodes = map[sheet.ErrorKind]string{
	sheet.Unsupported:   models.EUNSUPPORTED,
	sheet.Unprocessable: models.EUNPROCESSABLE,
	sheet.TooLarge:      models.ETOOLARGE,
}

// readerError turns a *sheet.Error into the *models.Error with the same
// message; other errors pass unchanged.
func readerError(err error) error {
	var se *sheet.Error
	if errors.As(err, &se) {
		return &models.Error{Code: readerErrorCodes[se.Kind], Message: se.Message}
	}
	return err
}

// skipSheet reports the sheets not read as ledgers: hidden ones, and
// instruction and summary sheets by their name.
func skipSheet(name string, hidden bool) bool {
	if hidden {
		return true
	}
	n := foldText(name)
	for _, w := range sheetSkipWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// readSheets reads every sheet that holds a ledger.
// A file in which no sheet is a ledger is refused, saying what is
// missing: a header, or a column that can be the project code.
func (b *builder) readSheets(sources []*sheet.Sheet) error {
	if bad := b.opts.Mapping.unknownSheets(sources); len(bad) > 0 {
		return models.Errorf(models.EINVALID, "列对应关系中的工作表“%s”在文件中不存在", strings.Join(bad, "”“"))
	}
	for _, src := range sources {
		s := &sheetReader{b: b, src: src}
		_, err := s.read()
		if sbs := (sideBySide{}); errors.As(err, &sbs) {
			err = b.readBlocks(src, sbs.from)
		}
		if err != nil {
			return err
		}
	}
	switch {
	case len(b.ledger.Sheets) > 0 && b.ledger.RowsTotal == 0 && b.examples == 0:
		return b.headerOnlyError()
	case len(b.ledger.Sheets) > 0:
		b.noCodeWarnings()
	case len(b.noCode) > 0:
		return b.noCodeError()
	default:
		return models.Errorf(models.EUNPROCESSABLE, "文件中找不到台账表头。请确认前30行内有表头，至少包括“项目名称”和项目代码或投资金额列。可识别的表头有：%s", expectedHeaders())
	}
	return nil
}
