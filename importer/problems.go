package importer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tracker/importer/sheet"
	"tracker/models"
)

// The two columns added after a sheet's last one: the row's level (错误
// when any of its problems is an error, else 警告) and its messages.
const (
	levelColumn    = "问题级别"
	problemsColumn = "问题说明"
)

// ProblemsWorkbook re-reads the original file and writes, per sheet read
// as ledger data, the rows above its header (title, 填报单位, 报告期), its
// header rows and only the rows that had problems, in their original
// columns, with a 问题级别 and a 问题说明 column joining that row's
// messages. When no row above the header states opts.Period (the import's
// period), a 报告期 line stating it is added, so the corrected workbook
// imports again without the period being typed. Problems about a whole sheet or
// file go on a first sheet 文件问题. Text is written as text, so a cell
// starting with = + - @ stays a string and never becomes a formula, also
// when the row is corrected in Excel (rowCells).
func ProblemsWorkbook(data []byte, opts Options, problems []Problem) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, models.Errorf(models.EUNPROCESSABLE, "文件内容无法解析（%s）", panicSummary(r))
		}
	}()
	p, err := parseMode(inMemory(data), opts, false)
	if err != nil {
		return nil, err
	}
	byRow := map[rowKey][]Problem{}
	var general []string
	for _, pr := range problems {
		h := p.headers[pr.Sheet]
		if pr.Row == 0 || h == nil || pr.Row >= h.top && pr.Row <= h.bottom {
			general = append(general, pr.Message)
			continue
		}
		k := rowKey{pr.Sheet, pr.Row}
		byRow[k] = append(byRow[k], pr)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := writeGeneral(f, general); err != nil {
		return nil, err
	}
	for _, src := range p.sources {
		if h := p.headers[src.Name]; h != nil {
			if err := copyProblemRows(f, src, h, byRow, opts.Period); err != nil {
				return nil, err
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("problems workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// writeGeneral lists the problems that concern no single row.
func writeGeneral(f *excelize.File, msgs []string) error {
	if len(msgs) == 0 {
		return nil
	}
	if err := addSheet(f, "文件问题"); err != nil {
		return err
	}
	for i, m := range msgs {
		if err := f.SetCellStr("文件问题", "A"+strconv.Itoa(i+1), m); err != nil {
			return err
		}
	}
	return nil
}

// copyProblemRows copies a sheet's rows above and in its header, with a
// 报告期 line when they do not state the period, and its problem rows.
func copyProblemRows(f *excelize.File, src *sheet.Sheet, h *header, byRow map[rowKey][]Problem, period models.Month) error {
	name := safeSheetName(f, src.Name)
	if err := addSheet(f, name); err != nil {
		return err
	}
	lastCol, statesPeriod := 0, false
	var keep []*sheet.Row
	err := src.Rows(func(r *sheet.Row) error {
		if r.Num <= h.bottom || byRow[rowKey{src.Name, r.Num}] != nil {
			keep = append(keep, copyRow(r))
			if n := len(r.Cells); n > 0 {
				lastCol = max(lastCol, r.Cells[n-1].Col)
			}
			for _, c := range r.Cells {
				if y, m := periodIn(c.Text); r.Num < h.top && y == period.Year() && m == period.Num() {
					statesPeriod = true
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@", Text
	if err != nil {
		return err
	}
	// Streamed: the cells of 100,000 problem rows held as excelize's cell
	// model took 950 MiB.
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	out := 0
	for _, r := range keep {
		if r.Num == h.top && !statesPeriod && !period.IsZero() {
			out++
			line := fmt.Sprintf("报告期：%d年1-%d月", period.Year(), period.Num())
			if err := sw.SetRow(fmt.Sprintf("A%d", out), []any{line}); err != nil {
				return err
			}
		}
		out++
		cells := rowCells(r, lastCol+3, textStyle)
		switch probs := byRow[rowKey{src.Name, r.Num}]; {
		case r.Num == h.top:
			cells[lastCol+1], cells[lastCol+2] = levelColumn, problemsColumn
		case r.Num > h.bottom:
			cells[lastCol+1], cells[lastCol+2] = rowLevel(probs), joinMessages(probs)
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", out), cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// rowLevel is 错误 when any of a row's problems is an error, else 警告.
func rowLevel(probs []Problem) string {
	for _, p := range probs {
		if p.Severity == SeverityError {
			return "错误"
		}
	}
	return "警告"
}

func joinMessages(probs []Problem) string {
	msgs := make([]string, len(probs))
	for i, p := range probs {
		msgs[i] = p.Message
	}
	return strings.Join(msgs, "；")
}

// rowCells are a source row's cells for the stream, n wide: numbers as
// numbers, everything else as text; text that looks like a formula
// (models.LooksLikeFormula) gets the Text format (style textStyle), so
// that correcting the row in Excel, the workbook's purpose, does not turn
// "=HYPERLINK(…)" into a formula.
func rowCells(r *sheet.Row, n, textStyle int) []any {
	cells := make([]any, n)
	for _, c := range r.Cells {
		if c.Col >= n {
			continue
		}
		if v, err := strconv.ParseFloat(c.Text, 64); err == nil && (c.Kind == sheet.KindNumber || c.Kind == sheet.KindDate) {
			cells[c.Col] = v
		} else if models.LooksLikeFormula(c.Text) {
			cells[c.Col] = excelize.Cell{StyleID: textStyle, Value: c.Text}
		} else if c.Text != "" {
			cells[c.Col] = c.Text
		}
	}
	return cells
}

// addSheet adds a sheet; the first takes the place of the new file's
// empty Sheet1 (deleting Sheet1 afterwards re-read every streamed sheet:
// 300 MiB for 20,000 problem rows).
func addSheet(f *excelize.File, name string) error {
	if list := f.GetSheetList(); len(list) == 1 && list[0] == "Sheet1" {
		return f.SetSheetName("Sheet1", name)
	}
	_, err := f.NewSheet(name)
	return err
}

// safeSheetName keeps a sheet name excelize accepts and that is not taken.
func safeSheetName(f *excelize.File, name string) string {
	r := []rune(strings.NewReplacer(":", "_", "\\", "_", "/", "_", "?", "_", "*", "_", "[", "(", "]", ")").Replace(name))
	if len(r) > 28 {
		r = r[:28]
	}
	n := string(r)
	if n == "" || n == "Sheet1" {
		n = "台账"
	}
	taken := f.GetSheetList()
	sort.Strings(taken)
	for i := 2; contains(taken, n); i++ {
		n = fmt.Sprintf("%s_%d", string(r), i)
	}
	return n
}

func contains(list []string, s string) bool {
	i := sort.SearchStrings(list, s)
	return i < len(list) && list[i] == s
}
