package importer

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"tracker/models"
)

// parsed is a read ledger plus what ProblemsWorkbook needs to copy rows.
type parsed struct {
	ledger  *Ledger
	sources []*sheetSource
	headers map[string]*header
}

// parse is Read without the panic guard.
func parse(data []byte, opts Options) (*parsed, error) { return parseMode(data, opts, true) }

// parseMode reads a file; lazy allows the one-pass .xlsx read. Callers that
// stream the rows again afterwards (ProblemsWorkbook) need the eager one,
// whose shared strings are all there.
func parseMode(data []byte, opts Options, lazy bool) (*parsed, error) {
	limits := opts.Limits.withDefaults()
	if int64(len(data)) > limits.MaxFileBytes {
		return nil, tooLarge(fmt.Sprintf("文件有%s，超过上限%s", sizeText(int64(len(data))), sizeText(limits.MaxFileBytes)))
	}
	format, err := sniff(data, opts.FileName)
	if err != nil {
		return nil, err
	}
	p, err := parseFormat(data, format, opts, lazy)
	if errors.Is(err, errRedo) {
		p, err = parseFormat(data, format, opts, false)
	}
	return p, err
}

// parseFormat reads a file of a known format. lazy lets an .xlsx be read in
// one pass, trusting that its merged cells (known only at the end of each
// sheet) change nothing; when they do, errRedo asks for an eager read.
func parseFormat(data []byte, format string, opts Options, lazy bool) (*parsed, error) {
	b, err := newBuilder(opts, format)
	if err != nil {
		return nil, err
	}
	sources, done, err := openSources(data, format, opts.FileName, b.limits, lazy)
	if err != nil {
		return nil, err
	}
	defer done()
	if err := b.readSheets(sources); err != nil {
		return nil, err
	}
	return &parsed{ledger: b.finish(), sources: sources, headers: b.headers}, nil
}

// openSources opens every sheet of the file as a row stream.
// openSources opens every sheet of the file as a row stream; done releases
// what a lazy read keeps open.
func openSources(data []byte, format, fileName string, l Limits, lazy bool) (srcs []*sheetSource, done func(), err error) {
	done = func() {}
	switch format {
	case "xlsx":
		return xlsxSources(data, l, lazy)
	case "xls":
		srcs, err = xlsSources(data, l)
	default:
		srcs, err = csvSources(data, csvSheetName(fileName), l)
	}
	return srcs, done, err
}

// xlsxSources lists the visible sheets of a workbook.
func xlsxSources(data []byte, l Limits, lazy bool) ([]*sheetSource, func(), error) {
	book, err := openXlsx(data, l)
	if err != nil {
		return nil, nil, err
	}
	if err := book.loadStrings(lazy); err != nil {
		return nil, nil, err
	}
	done := func() { book.lazySST.close() }
	var out []*sheetSource
	for _, ref := range book.sheets {
		if ref.hidden || skipSheet(ref.name) {
			continue
		}
		src, err := book.sheetSource(ref, lazy)
		if err != nil {
			done()
			return nil, nil, err
		}
		src.date1904 = book.date1904
		out = append(out, src)
	}
	return out, done, nil
}

// skipSheet reports instruction and summary sheets by their name.
func skipSheet(name string) bool {
	n := foldText(name)
	for _, w := range sheetSkipWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// csvSheetName names a CSV's only sheet after the file.
func csvSheetName(fileName string) string {
	base := strings.TrimSuffix(filepath.Base(fileName), filepath.Ext(fileName))
	if base == "" || base == "." || base == "/" {
		return "Sheet1"
	}
	return base
}

// readSheets reads every sheet that holds a ledger.
func (b *builder) readSheets(sources []*sheetSource) error {
	for _, src := range sources {
		s := &sheetReader{b: b, src: src}
		if _, err := s.read(); err != nil {
			return err
		}
	}
	if len(b.ledger.Sheets) == 0 {
		return models.Errorf(models.EUNPROCESSABLE, "文件中找不到台账表头。请确认前30行内有表头，至少包括“项目名称”和项目代码或投资金额列。可识别的表头有：%s", expectedHeaders())
	}
	return nil
}
