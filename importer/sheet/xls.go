package sheet

import (
	"bytes"
	"errors"
)

// openXls reads an old binary .xls workbook (BIFF8, Excel 97-2003, or
// BIFF5/7, Excel 5.0/95) with the reader of this package: the compound
// file (or a bare BIFF stream), a workbook encrypted with Excel's default
// password, the globals, then each worksheet's layout. Charts, macro-less
// dialog and other substreams are not sheets; VBA or Excel 4.0 macro
// sheets make the file refused, as for .xlsx.
func (b *Book) openXls(data []byte, l Limits, skip func(string, bool) bool) error {
	stream, err := xlsStream(data)
	if err != nil {
		return err
	}
	book, err := parseGlobals(stream, l)
	if errors.Is(err, errBIFF) {
		return errXlsDamaged("工作簿目录")
	}
	if err != nil {
		return err
	}
	b.Date1904 = book.date1904
	var seq []int
	for i, ref := range book.sheets {
		if ref.off < book.globalsEnd || !atBOF(stream, ref.off) {
			// A writer that got the offset wrong: the substreams follow
			// the globals in the order of the BOUNDSHEET records.
			if seq == nil {
				seq = substreamStarts(stream, book.globalsEnd)
			}
			if i < len(seq) {
				ref.off = seq[i]
			}
		}
		src, err := book.sheet(ref, skip)
		if err != nil {
			return err
		}
		if src != nil {
			b.Sheets = append(b.Sheets, src)
		}
	}
	return nil
}

// xlsStream returns the workbook stream, decrypted when Excel's default
// password opens it.
func xlsStream(data []byte) ([]byte, error) {
	stream := data
	if bytes.HasPrefix(data, sigCFB) {
		wb, err := openCFB(data)
		switch {
		case errors.Is(err, errNoWorkbook):
			return nil, errNotWorkbook()
		case err != nil:
			return nil, unsupportedXlsx("旧版.xls文件已损坏，无法读取")
		case wb.macros:
			return nil, errMacros()
		}
		stream = wb.stream
	}
	fp, ok := filepass(stream)
	if !ok {
		return stream, nil
	}
	biff8 := len(stream) >= 6 && u16(stream, 4) == 0x0600
	out, err := decrypt(stream, fp, biff8)
	switch {
	case errors.Is(err, errXOR):
		return nil, errorf(Unsupported, "文件使用旧式（Excel 95兼容）加密设置了密码，无法读取。请在Excel中取消密码后另存为.xlsx再上传")
	case errors.Is(err, errBIFF):
		return nil, errXlsDamaged("加密信息")
	}
	return out, err
}

// sheet opens one BOUNDSHEET's worksheet; nil for what is not one (a
// chart, a dialog) or is skipped.
func (book *biffBook) sheet(ref boundSheet, skip func(string, bool) bool) (*Sheet, error) {
	if ref.kind == 1 || ref.kind == 6 {
		return nil, errMacros() // an Excel 4.0 macro sheet, a VBA module
	}
	damaged := errXlsDamaged("工作表“" + ref.name + "”")
	sub, err := openSubstream(book.stream, ref.off)
	if err != nil || (ref.kind == 0) != (sub.kind == bofWorksheet) {
		return nil, damaged // a worksheet's BOF says otherwise, or the other way round
	}
	if ref.kind != 0 || skip(ref.name, ref.hidden) {
		if substream(book.stream, ref.off, func(record) error { return nil }) != nil {
			return nil, damaged // not read, but it must end where a whole file ends it
		}
		return nil, nil
	}
	bs := &biffSheet{book: book, ref: ref}
	src := &Sheet{Name: ref.name, Hidden: ref.hidden, Date1904: book.date1904}
	if err := bs.layout(src); err != nil {
		return nil, bs.damaged(err)
	}
	src.stream = func(fn func(*Row) error) error { return bs.damaged(bs.rows(fn)) }
	return src, nil
}

// damaged names the sheet in a records error; others pass.
func (s *biffSheet) damaged(err error) error {
	if errors.Is(err, errBIFF) {
		return errXlsDamaged("工作表“" + s.ref.name + "”")
	}
	return err
}

// atBOF reports a BOF record at off.
func atBOF(s []byte, off int) bool {
	return off >= 0 && off+4 <= len(s) && u16(s, off) == recBOF
}

// substreamStarts lists where the substreams after the globals start
// (their BOFs at the top level), in order.
func substreamStarts(s []byte, from int) []int {
	var out []int
	r := &records{s: s, pos: from}
	for depth := 0; ; {
		rec, ok, err := r.next()
		if err != nil || !ok {
			return out
		}
		switch rec.typ {
		case recBOF:
			if depth == 0 {
				out = append(out, rec.off)
			}
			depth++
		case recEOF:
			depth = max(depth-1, 0)
		}
	}
}

// isBIFF reports a bare BIFF stream (no compound file around it): a BOF
// record of any version at the start.
func isBIFF(data []byte) bool {
	if len(data) < 8 {
		return false
	}
	n := u16(data, 2)
	switch u16(data, 0) {
	case recBOF2, recBOF3, recBOF4, recBOF:
		return n >= 4 && n <= 20
	}
	return false
}
