package importer

import (
	"fmt"

	"tracker/importer/sheet"
	"tracker/models"
)

// Options says how to read one uploaded ledger.
type Options struct {
	// FileName is the original name. The format is sniffed from the content
	// first; the extension only decides between formats the content cannot
	// tell apart.
	FileName string
	// Period is the reporting month stated with the upload. Zero means: find
	// it in the ledger (the 1-N月 of the cumulative column, a 报告期 line or
	// the title). When both exist, Period wins and a warning says so.
	Period models.Month
	// Units are the reporting units used to resolve district spellings;
	// nil means models.DefaultUnits().
	Units []models.Unit
	// District is set when a district uploader sends the ledger: rows of any
	// other district are errors, and rows without a district get this one.
	District string
	// List reads the file as a year's list (kind=list) rather than a
	// monthly ledger: its year is Year, else the one the title or a header
	// states, and its period January of that year.
	List bool
	Year int
	// Limits bound the work done on one file; zero fields take defaults.
	Limits Limits
	// Mapping is the office's reading of columns sent with the upload
	// (ParseMapping); it overrides labels and content. When it is empty,
	// a Remembered mapping of the sender's unit for a sheet's layout is
	// applied instead.
	Mapping    Mapping
	Remembered []Remembered
}

// Ledger, Record and Problem are the domain's types (models): the store
// applies what the importer read without knowing spreadsheets.
type (
	// Ledger is what Read found in one file.
	Ledger = models.Ledger
	// Record is one data row, normalised; Has tells which fields the
	// ledger actually stated.
	Record = models.LedgerRecord
	// Problem is one doubtful cell, row or file condition.
	Problem = models.Problem
)

// Problem severities.
const (
	SeverityError   = models.SeverityError
	SeverityWarning = models.SeverityWarning
)

// Read reads a ledger. Rows with problems are data (Ledger.Problems); a file
// that cannot be used at all is a *models.Error: EUNSUPPORTED (not a
// spreadsheet, encrypted, unreadable .xls), EUNPROCESSABLE (empty, no
// recognisable header, no reporting month) or ETOOLARGE (over Limits).
// Read never panics: a panic deep in a parser becomes EUNPROCESSABLE.
func Read(data []byte, opts Options) (ledger *Ledger, err error) {
	return read(inMemory(data), opts)
}

// Source is a file read where it lies (sheet.Source): the command line's
// file, an upload's temporary file.
type Source = sheet.Source

// ReadSource is Read on a file that is not in memory: a workbook (.xlsx)
// is read through src part by part, so that its bytes are not held while
// its rows are read; other formats are read into memory first.
func ReadSource(src Source, opts Options) (*Ledger, error) { return read(fromSource(src), opts) }

func read(open opener, opts Options) (ledger *Ledger, err error) {
	defer func() {
		if r := recover(); r != nil {
			ledger, err = nil, models.Errorf(models.EUNPROCESSABLE,
				"文件内容无法解析，请用Excel打开后另存为.xlsx再上传（%s）", panicSummary(r))
		}
	}()
	res, err := parseMode(open, opts, true)
	if err != nil {
		return nil, err
	}
	return res.ledger, nil
}

// panicSummary keeps a panic's value short and free of paths for the user;
// the stack is dropped on purpose (it says nothing to a department).
func panicSummary(r any) string {
	s := fmt.Sprint(r)
	if len(s) > 80 {
		s = s[:80]
	}
	return s
}
