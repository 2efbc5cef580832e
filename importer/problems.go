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

// problemsColumn heads the column that explains each copied row.
const problemsColumn = "问题说明"

// ProblemsWorkbook re-reads the original file and writes, per sheet read
// as ledger data, its header rows and only the rows that had problems, in
// their original columns, with a 问题说明 column joining that row's
// messages. Problems about a whole sheet or file go on a first sheet
// 文件问题. Text is written as text, so a cell starting with = + - @ stays
// a string and never becomes a formula.
func ProblemsWorkbook(data []byte, opts Options, problems []Problem) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, models.Errorf(models.EUNPROCESSABLE, "文件内容无法解析（%s）", panicSummary(r))
		}
	}()
	p, err := parseMode(data, opts, false)
	if err != nil {
		return nil, err
	}
	byRow := map[rowKey][]string{}
	var general []string
	for _, pr := range problems {
		h := p.headers[pr.Sheet]
		if pr.Row == 0 || h == nil || pr.Row >= h.top && pr.Row <= h.bottom {
			general = append(general, pr.Message)
			continue
		}
		k := rowKey{pr.Sheet, pr.Row}
		byRow[k] = append(byRow[k], pr.Message)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := writeGeneral(f, general); err != nil {
		return nil, err
	}
	for _, src := range p.sources {
		if h := p.headers[src.Name]; h != nil {
			if err := copyProblemRows(f, src, h, byRow); err != nil {
				return nil, err
			}
		}
	}
	if len(f.GetSheetList()) > 1 {
		if err := f.DeleteSheet("Sheet1"); err != nil {
			return nil, err
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
	if _, err := f.NewSheet("文件问题"); err != nil {
		return err
	}
	for i, m := range msgs {
		if err := f.SetCellStr("文件问题", "A"+strconv.Itoa(i+1), m); err != nil {
			return err
		}
	}
	return nil
}

// copyProblemRows copies a sheet's header rows and problem rows.
func copyProblemRows(f *excelize.File, src *sheet.Sheet, h *header, byRow map[rowKey][]string) error {
	name := safeSheetName(f, src.Name)
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	out, lastCol := 0, 0
	var keep []*sheet.Row
	err := src.Rows(func(r *sheet.Row) error {
		if r.Num >= h.top && r.Num <= h.bottom || byRow[rowKey{src.Name, r.Num}] != nil {
			keep = append(keep, copyRow(r))
			if n := len(r.Cells); n > 0 {
				lastCol = max(lastCol, r.Cells[n-1].Col)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	note := sheet.ColLetter(lastCol+1) + "%d"
	for _, r := range keep {
		out++
		if err := writeRow(f, name, out, r); err != nil {
			return err
		}
		msg := problemsColumn
		if r.Num > h.bottom || r.Num < h.top {
			msg = strings.Join(byRow[rowKey{src.Name, r.Num}], "；")
		} else if r.Num != h.top {
			msg = ""
		}
		if err := f.SetCellStr(name, fmt.Sprintf(note, out), msg); err != nil {
			return err
		}
	}
	return nil
}

// writeRow writes one source row: numbers as numbers, everything else as
// text.
func writeRow(f *excelize.File, name string, out int, r *sheet.Row) error {
	for _, c := range r.Cells {
		ref := sheet.ColLetter(c.Col) + strconv.Itoa(out)
		var err error
		if v, perr := strconv.ParseFloat(c.Text, 64); perr == nil && (c.Kind == sheet.KindNumber || c.Kind == sheet.KindDate) {
			err = f.SetCellFloat(name, ref, v, -1, 64)
		} else {
			err = f.SetCellStr(name, ref, c.Text)
		}
		if err != nil {
			return err
		}
	}
	return nil
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
