package importer

import (
	"errors"
	"fmt"
	"strings"

	"tracker/importer/sheet"
	"tracker/models"
)

// Inspection is how the importer reads a file, without importing it
// (`tracker inspect --json`, CONTRACT.md): per sheet its header rows,
// every column with its label, the field it is read as (or why not), the
// unit, how that was decided, and the number of data rows.
type Inspection struct {
	Format   string            `json:"format"`
	Period   models.Month      `json:"period"` // "YYYY-MM", or null when none was found
	Sheets   []SheetInspection `json:"sheets"`
	Problems []Problem         `json:"problems"`
}

// SheetInspection is one sheet of an Inspection. Skipped sheets are not
// read as ledger data; Reason says why.
type SheetInspection struct {
	Name       string          `json:"name"`
	Skipped    bool            `json:"skipped"`
	Reason     string          `json:"reason,omitempty"`
	HeaderRows []int           `json:"header_rows"` // 1-based; empty when no header was found
	DataRows   int             `json:"data_rows"`
	Columns    []ColumnReading `json:"columns"`
}

// ColumnReading is one column of a SheetInspection (LedgerColumn without
// the sheet).
type ColumnReading struct {
	Column string `json:"column"`
	Label  string `json:"label"`
	Field  string `json:"field"`
	Unit   string `json:"unit"`
	By     string `json:"by"`
	Note   string `json:"note"`
}

// Inspect reads a file as Read does and says how. The Inspection is
// filled as far as the reading went also when the file is refused; the
// refusal is then the error (as Read's).
func Inspect(data []byte, opts Options) (ins *Inspection, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = models.Errorf(models.EUNPROCESSABLE, "文件内容无法解析（%s）", panicSummary(r))
		}
	}()
	p, err := parse(data, opts)
	ins = &Inspection{Sheets: []SheetInspection{}, Problems: []Problem{}}
	if p != nil && p.b != nil {
		ins.Format, ins.Period, ins.Sheets = p.b.ledger.Format, p.b.ledger.Period, p.b.inspected()
		if err == nil {
			ins.Problems = p.ledger.Problems
		}
	}
	return ins, err
}

// sheetSeen is what the reading learnt of one sheet of the workbook.
type sheetSeen struct {
	name   string
	reason string // why it was not read as a ledger; "" when it was
	info   *SheetInspection
}

// skipper wraps skipSheet to remember every sheet and why one was skipped.
func (b *builder) skipper(name string, hidden bool) bool {
	skip := skipSheet(name, hidden)
	why := ""
	switch {
	case skip && hidden:
		why = "隐藏的工作表，不读取"
	case skip:
		why = "按名称是说明或汇总表，不读取"
	}
	b.seen = append(b.seen, &sheetSeen{name: name, reason: why})
	return skip
}

// seenSheet returns the record of a sheet, adding it when the reader did
// not list it first (CSV).
func (b *builder) seenSheet(name string) *sheetSeen {
	for _, s := range b.seen {
		if s.name == name && s.reason == "" {
			return s
		}
	}
	s := &sheetSeen{name: name}
	b.seen = append(b.seen, s)
	return s
}

// inspected lists the sheets in workbook order.
func (b *builder) inspected() []SheetInspection {
	out := []SheetInspection{}
	for _, s := range b.seen {
		switch {
		case s.info != nil:
			out = append(out, *s.info)
		case s.reason != "":
			out = append(out, SheetInspection{Name: s.name, Skipped: true, Reason: s.reason, HeaderRows: []int{}, Columns: []ColumnReading{}})
		default:
			out = append(out, SheetInspection{Name: s.name, Skipped: true, Reason: "未读取：文件在此前已无法使用", HeaderRows: []int{}, Columns: []ColumnReading{}})
		}
	}
	return out
}

// recordSheet keeps what a sheet's reading found, for Inspect; why is ""
// for a sheet read as a ledger.
func (s *sheetReader) recordSheet(why string) {
	info := &SheetInspection{Name: s.src.Name, Skipped: why != "", Reason: why, HeaderRows: []int{}, Columns: []ColumnReading{}, DataRows: s.rows}
	if s.h != nil {
		for r := s.h.top; r <= s.h.bottom; r++ {
			info.HeaderRows = append(info.HeaderRows, r)
		}
		for _, c := range s.columns() {
			info.Columns = append(info.Columns, ColumnReading{Column: c.Column, Label: c.Label, Field: c.Field, Unit: c.Unit, By: c.By, Note: c.Note})
		}
	}
	s.b.seenSheet(s.src.Name).info = info
}

// columns returns the sheet's columns as decided, for Ledger.Columns.
func (s *sheetReader) columns() []models.LedgerColumn {
	out := make([]models.LedgerColumn, 0, len(s.h.all))
	for _, c := range s.h.all {
		lc := models.LedgerColumn{Sheet: s.src.Name, Column: sheet.ColLetter(c.col), Label: c.label, Field: fieldName(c.field), By: c.by, Note: c.note}
		if d, ok := c.field.Def(); ok && d.Kind == models.ValueMoney {
			lc.Unit = unitName(c.unit)
		}
		out = append(out, lc)
	}
	return out
}

// unitName names a money unit.
func unitName(u models.Money) string {
	switch u {
	case models.Yi:
		return "亿元"
	case models.Yuan:
		return "元"
	}
	return "万元"
}

// notLedger notes a sheet that is no ledger: without a header, or with a
// header but no column that can be the project code. The latter is said
// in a warning when another sheet is read, and is the refusal when none is.
func (b *builder) notLedger(s *sheetReader, err error) {
	if errors.Is(err, errNoHeader) {
		s.h = nil
		s.recordSheet("前30行中没有台账表头")
		return
	}
	seen := s.knownColumns()
	b.noCode = append(b.noCode, noCodeSheet{name: s.src.Name, row: s.h.bottom, seen: seen})
	s.recordSheet("没有项目代码列（已识别的列：" + orNone(seen) + "）")
}

// noCodeSheet is a sheet with a header but no code column.
type noCodeSheet struct {
	name string
	row  int
	seen string // the columns recognised, for the message
}

// knownColumns lists the columns a sheet read as fields: "B（项目名称）、…".
func (s *sheetReader) knownColumns() string {
	var parts []string
	for _, c := range s.h.all {
		if c.field != 0 {
			parts = append(parts, fmt.Sprintf("%s列“%s”→%s", sheet.ColLetter(c.col), orDash(c.label), c.field.ZhName()))
		}
	}
	return strings.Join(parts, "、")
}

func orNone(s string) string {
	if s == "" {
		return "无"
	}
	return s
}

// noCodeError is the refusal of a file whose sheets have headers but none
// a column that can be the project code.
func (b *builder) noCodeError() error {
	n := b.noCode[0]
	return models.Errorf(models.EUNPROCESSABLE, "未找到项目代码列；已识别的列：%s（工作表“%s”第%d行）。请增加“项目代码”列（24位统一项目代码，如2403-370303-04-01-000123）；项目代码在某列中却未被识别时，上传时可用列对应关系（mapping）指定该列", orNone(n.seen), n.name, n.row)
}

// noCodeWarnings says, when some sheet was read, which others were not for
// want of a code column.
func (b *builder) noCodeWarnings() {
	for _, n := range b.noCode {
		b.problem(Problem{Sheet: n.name, Row: n.row, Severity: SeverityWarning,
			Message: fmt.Sprintf("工作表“%s”有表头但没有项目代码列，未读取（已识别的列：%s）", n.name, orNone(n.seen))})
	}
}
