package models

// Ledger is what the importer read from one uploaded file: normalised rows
// to apply and the problems found. It is plain data, so the store can apply
// a ledger without knowing spreadsheets.
type Ledger struct {
	Format    string         `json:"format"`     // "xlsx", "xls" or "csv"
	Period    Month          `json:"period"`     // the reporting month
	District  string         `json:"district"`   // canonical unit named by a title or 填报单位 line, "" if none
	Sheets    []string       `json:"sheets"`     // sheets read as ledger data
	RowsTotal int            `json:"rows_total"` // data rows found (not title/header/section/subtotal/blank/note rows)
	Records   Records        `json:"records"`    // rows to apply: rows with an error excluded, exact duplicates dropped
	Problems  []Problem      `json:"problems"`   // in sheet/row order
	Columns   []LedgerColumn `json:"columns"`    // every column of the sheets read, as read
	Layouts   []LedgerLayout `json:"layouts"`    // per sheet read: its header layout and the office's mapping applied
}

// LedgerColumn is one source column and what it was read as (the
// ImportResult's columns, CONTRACT.md): Field is a field name of
// FieldNamed ("code" for the code) or "" for a column not read; By is how
// that was decided: "label", "content" or "mapping"; Note says why, in
// Chinese, for the preview. Unit is the money unit of an amount column
// (万元, 亿元, 元).
type LedgerColumn struct {
	Sheet  string `json:"sheet"`
	Column string `json:"column"` // Excel column letters, e.g. "C"
	Label  string `json:"label"`  // the header as written; rows of a multi-row header joined with "/"
	Field  string `json:"field"`
	Unit   string `json:"unit,omitempty"`
	By     string `json:"by"`
	Note   string `json:"note"`
}

// Column reading methods (LedgerColumn.By).
const (
	ByLabel   = "label"
	ByContent = "content"
	ByMapping = "mapping"
)

// LedgerLayout identifies the header of one sheet read: the unit whose
// layout it is (the sender's unit, else the one its title names, else ""
// for the office), a Signature of its header texts that next month's
// ledger of the same shape shares, and the office's mapping applied to it
// (column letter → field name or ""), Remembered when that mapping is the
// one confirmed for the layout before rather than one sent with the upload.
type LedgerLayout struct {
	Sheet      string            `json:"sheet"`
	Unit       string            `json:"unit"`
	Signature  string            `json:"signature"`
	Mapping    map[string]string `json:"mapping,omitempty"`
	Remembered bool              `json:"remembered,omitempty"`
}

// LedgerRecord is one data row, normalised. Amounts are exact yuan whatever
// unit the ledger used; months are YYYYMM. Has tells which fields the
// ledger actually stated: a blank cell or an absent column is not stated
// and must never overwrite stored data. District is the canonical unit
// name; Nature is "" when not stated; ActualStart is zero and stated when
// the cell says 未开工 or —.
type LedgerRecord struct {
	Sheet string `json:"sheet"`
	Row   int    `json:"row"` // Excel row number, 1-based
	Code  string `json:"code"`
	Facts
	Has Field `json:"has"`
}

// Problem is one doubtful cell, row or file condition. Rows with an error
// are not applied; rows with only warnings are.
type Problem struct {
	Sheet    string `json:"sheet"`
	Row      int    `json:"row"`      // Excel row number, 1-based; 0 for the whole file or sheet
	Column   string `json:"column"`   // Excel column letter, e.g. "F"; "" for the whole row/file
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`  // Chinese, names sheet/row/column header
	// Code and Kind, when set, say which project a row's problem concerns
	// and what it is, so that a page can offer the fix (ProblemNotOnList:
	// accept the project as 增补).
	Code string `json:"code,omitempty"`
	Kind string `json:"kind,omitempty"`
}

// ProblemNotOnList is the kind of a row refused because its project is not
// on the year's list.
const ProblemNotOnList = "not_on_list"

// Problem severities.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// SeverityLabel is a problem severity in Chinese: 错误 or 警告.
func SeverityLabel(severity string) string {
	if severity == SeverityError {
		return "错误"
	}
	return "警告"
}
