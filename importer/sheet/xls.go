package sheet

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strconv"

	"github.com/shakinm/xlsReader/xls"
	"github.com/shakinm/xlsReader/xls/structure"
)

// xlsSources reads an old binary .xls workbook (BIFF8) with
// github.com/shakinm/xlsReader, a pure-Go reader. It gives numbers, text
// and each cell's number format (for dates), but no hidden columns or
// merged cells, and it skips formula cells, which therefore read as blank
// (not stated: stored data is kept). Whatever it cannot read, or panics
// on, is EUNSUPPORTED with the advice to save as .xlsx.
func xlsSources(data []byte, l Limits, skip func(string, bool) bool) (out []*Sheet, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, unsupportedXlsx(fmt.Sprintf("旧版.xls文件无法读取（%s）", panicSummary(r)))
		}
	}()
	stream, err := cfbWorkbook(data)
	switch {
	case err != nil:
		return nil, unsupportedXlsx("旧版.xls文件已损坏，无法读取")
	case len(stream) > cfbMaxStream:
		return nil, tooLarge("旧版.xls文件过大")
	case biffEncrypted(stream):
		return nil, errEncrypted()
	}
	wb, err := xls.OpenReader(bytes.NewReader(cfbBuild(stream)))
	if err != nil {
		return nil, unsupportedXlsx("旧版.xls文件无法读取（可能已加密、已损坏或是更早的版本）")
	}
	n := wb.GetNumberSheets()
	if n > l.MaxSheets {
		return nil, tooLarge(fmt.Sprintf("有%d个工作表，超过上限%d", n, l.MaxSheets))
	}
	for i := 0; i < n; i++ {
		ws, err := wb.GetSheet(i)
		if err != nil || ws == nil || skip(ws.GetName(), false) {
			continue
		}
		rows, err := xlsRows(&wb, ws, l)
		if err != nil {
			return nil, err
		}
		out = append(out, &Sheet{Name: ws.GetName(), stream: func(fn func(*Row) error) error {
			for _, r := range rows {
				if err := fn(r); err != nil {
					return err
				}
			}
			return nil
		}})
	}
	return out, nil
}

// xlsRows collects a sheet's rows; the whole file is in memory anyway, and
// MaxFileBytes bounds it.
func xlsRows(wb *xls.Workbook, ws *xls.Sheet, l Limits) ([]*Row, error) {
	n := ws.GetNumberRows()
	if n > l.MaxRows+1000 {
		return nil, tooLarge(fmt.Sprintf("工作表“%s”超过%d行", ws.GetName(), l.MaxRows))
	}
	rows := make([]*Row, 0, n)
	for i := 0; i < n; i++ {
		r, err := ws.GetRow(i)
		if err != nil || r == nil {
			continue
		}
		row := &Row{Num: i + 1}
		for c, cd := range r.GetCols() {
			if c >= l.MaxColumns {
				break
			}
			if x, ok := xlsCell(wb, c, cd); ok {
				if len(x.Text) > l.MaxCellBytes {
					return nil, tooLarge("单元格内容过长")
				}
				row.Cells = append(row.Cells, x)
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// xlsCell converts one BIFF cell: numbers keep their exact shortest
// decimal, and a date number format makes them dates.
func xlsCell(wb *xls.Workbook, col int, cd structure.CellData) (Cell, bool) {
	switch cd.GetType() {
	case "*record.Number", "*record.Rk":
		kind := KindNumber
		if xlsDateFormat(wb, cd.GetXFIndex()) {
			kind = KindDate
		}
		return Cell{Col: col, Kind: kind, Text: strconv.FormatFloat(cd.GetFloat64(), 'g', -1, 64)}, true
	case "*record.Blank", "*record.FakeBlank", "*record.MulBlank":
		return Cell{}, false
	case "*record.BoolErr":
		return Cell{Col: col, Kind: KindError, Text: cd.GetString()}, cd.GetString() != ""
	}
	s := cd.GetString()
	return Cell{Col: col, Kind: KindText, Text: s}, s != ""
}

// xlsDateFormat reports whether an XF's number format shows a date.
func xlsDateFormat(wb *xls.Workbook, xf int) (isDate bool) {
	defer func() {
		if recover() != nil {
			isDate = false
		}
	}()
	x := wb.GetXFbyIndex(xf)
	id := x.GetFormatIndex()
	if id < 164 {
		return isBuiltinDate(id)
	}
	f := wb.GetFormatByIndex(id)
	return isDateFormat(f.String())
}

// biffEncrypted reports a FILEPASS record (0x002F) among the workbook
// globals: the .xls has an opening password.
func biffEncrypted(s []byte) bool {
	for off := 0; off+4 <= len(s); {
		typ, n := binary.LittleEndian.Uint16(s[off:]), int(binary.LittleEndian.Uint16(s[off+2:]))
		switch typ {
		case 0x002F:
			return true
		case 0x000A: // EOF of the globals
			return false
		}
		off += 4 + n
	}
	return false
}
