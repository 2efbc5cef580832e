package importer

import (
	"fmt"

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
	// Limits bound the work done on one file; zero fields take defaults.
	Limits Limits
}

// Ledger is what Read found in one file.
type Ledger struct {
	Format    string       `json:"format"`     // "xlsx", "xls" or "csv"
	Period    models.Month `json:"period"`     // the reporting month
	District  string       `json:"district"`   // canonical unit named by a title or 填报单位 line, "" if none
	Sheets    []string     `json:"sheets"`     // sheets read as ledger data
	RowsTotal int          `json:"rows_total"` // data rows found (not title/header/section/subtotal/blank/note rows)
	Records   []Record     `json:"records"`    // rows to apply: rows with an error excluded, exact duplicates dropped
	Problems  []Problem    `json:"problems"`   // in sheet/row order
}

// Record is one data row, normalised. Amounts are exact yuan whatever unit
// the ledger used; months are YYYYMM. Has tells which fields the ledger
// actually stated: a blank cell or an absent column is not stated and must
// never overwrite stored data.
type Record struct {
	Sheet           string        `json:"sheet"`
	Row             int           `json:"row"` // Excel row number, 1-based
	Code            string        `json:"code"`
	Name            string        `json:"name"`
	District        string        `json:"district"` // canonical unit name
	Unit            string        `json:"unit"`     // 责任单位
	Nature          models.Nature `json:"nature"`   // "" when not stated
	Category        string        `json:"category"`
	Level           string        `json:"level"`
	TotalInvestment models.Money  `json:"total_investment_wan"`
	AnnualPlan      models.Money  `json:"annual_plan_wan"`
	CompletedYTD    models.Money  `json:"completed_ytd_wan"`
	PlannedStart    models.Month  `json:"planned_start"`
	ActualStart     models.Month  `json:"actual_start"` // zero and stated when the cell says 未开工 or —
	Has             Field         `json:"has"`
}

// Problem is one doubtful cell, row or file condition. Rows with an error
// are not in Ledger.Records; rows with only warnings are.
type Problem struct {
	Sheet    string `json:"sheet"`
	Row      int    `json:"row"`      // Excel row number, 1-based; 0 for the whole file or sheet
	Column   string `json:"column"`   // Excel column letter, e.g. "F"; "" for the whole row/file
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`  // Chinese, names sheet/row/column header
}

// Problem severities.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Read reads a ledger. Rows with problems are data (Ledger.Problems); a file
// that cannot be used at all is a *models.Error: EUNSUPPORTED (not a
// spreadsheet, encrypted, unreadable .xls), EUNPROCESSABLE (empty, no
// recognisable header, no reporting month) or ETOOLARGE (over Limits).
// Read never panics: a panic deep in a parser becomes EUNPROCESSABLE.
func Read(data []byte, opts Options) (ledger *Ledger, err error) {
	defer func() {
		if r := recover(); r != nil {
			ledger, err = nil, models.Errorf(models.EUNPROCESSABLE,
				"文件内容无法解析，请用Excel打开后另存为.xlsx再上传（%s）", panicSummary(r))
		}
	}()
	res, err := parse(data, opts)
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
