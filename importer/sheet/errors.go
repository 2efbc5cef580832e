package sheet

import (
	"errors"
	"fmt"
)

// ErrorKind says why a file cannot be read; the importer maps each kind to
// one error code of its own.
type ErrorKind uint8

const (
	// Unsupported: not a spreadsheet this package reads (another format, an
	// encrypted or damaged workbook, a version too old).
	Unsupported ErrorKind = iota + 1
	// Unprocessable: a spreadsheet of a known format whose content cannot be
	// used (an empty file, a malformed CSV line).
	Unprocessable
	// TooLarge: a limit of Limits was reached.
	TooLarge
)

// Error is a file that cannot be read. Message is Chinese, names the part,
// sheet or cell where it can, says what to do about it, and is safe to show.
type Error struct {
	Kind    ErrorKind
	Message string
}

func (e *Error) Error() string { return e.Message }

// errorf returns an *Error with a formatted message.
func errorf(kind ErrorKind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// ErrRedo says a one-pass read (Options.Lazy) cannot give a faithful result
// (a long shared string was skipped and is now wanted, or the sheet's head
// is unusually long): open the file again without Lazy. Callers that decide
// after a lazy read that its merges change their result return it too.
var ErrRedo = errors.New("sheet: read again without Options.Lazy")

// TooLargeError is the error for a limit, with what to do about it; what
// names the limit reached ("数据行超过300000行").
func TooLargeError(what string) *Error {
	return errorf(TooLarge, "文件过大或结构异常：%s。请删除多余的工作表、行和列后另存为.xlsx再上传，或分成几个文件上传", what)
}

// tooLarge is TooLargeError as an error.
func tooLarge(what string) error { return TooLargeError(what) }

// errEncrypted is the error for a password-protected workbook.
func errEncrypted() error {
	return errorf(Unsupported, "文件已加密（设置了打开密码），无法读取。请在Excel中取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为未加密的.xlsx再上传")
}

// errTooOld is the error for a workbook of Excel 2.x-4.0 (BIFF2-4).
func errTooOld() error {
	return errorf(Unsupported, "文件是Excel 4.0或更早版本保存的旧格式，系统无法读取。请用Excel或WPS打开，“另存为”Excel工作簿（.xlsx）后再上传")
}

// errNotWorkbook is the error for a compound file holding no workbook.
func errNotWorkbook() error {
	return errorf(Unsupported, "文件是Office复合文档，但其中没有Excel工作簿（可能是Word、PowerPoint或其他程序的文件）。请上传Excel台账（.xlsx）")
}

// errMacros is the error for a workbook with VBA code or macro sheets:
// the kept original is served back to users, so such files are refused.
func errMacros() error {
	return errorf(Unsupported, "工作簿含有宏（VBA代码或宏表）。为安全起见系统不接收带宏的文件，"+
		"请在Excel中“另存为”Excel工作簿（*.xlsx，不含宏）后再上传")
}

// errXlsDamaged is the error for .xls records that do not hold together
// (a file cut short or damaged); where names the part ("工作表“台账”").
func errXlsDamaged(where string) error {
	return errorf(Unprocessable, "旧版.xls文件不完整或已损坏（%s），无法读取。请用Excel或WPS打开原文件，“另存为”Excel工作簿（.xlsx）后再上传", where)
}

// unsupportedXlsx is Unsupported with the advice to save as .xlsx.
func unsupportedXlsx(why string) error {
	return errorf(Unsupported, "%s。请用Excel或WPS打开文件，“另存为”Excel工作簿（.xlsx）后再上传", why)
}

// errPartCut is the error for an XML part that ends before its root
// element is closed (a file saved or downloaded in part, or cut on
// purpose): what was read before the cut is not used. what names the part
// for people ("工作表“台账”", "共享字符串表").
func errPartCut(part, what string) error {
	return errorf(Unprocessable, "文件中的“%s”（%s）不完整：内容在中途中断，文件可能只保存或下载了一部分。"+
		"请用Excel打开原文件，重新保存为.xlsx后再上传", part, what)
}

// errPartMalformed is the error for an XML part that is not well formed
// where it is read; detail says where ("第12行").
func errPartMalformed(part, what, detail string) error {
	return errorf(Unprocessable, "文件中的“%s”（%s）%s的XML格式有误，无法读取。请用Excel打开原文件，重新保存为.xlsx后再上传", part, what, detail)
}

// sizeText writes a byte count for people: "512 MiB", "64 KiB", "900 字节".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// panicSummary keeps a panic's value short and free of paths for the user.
func panicSummary(r any) string {
	s := fmt.Sprint(r)
	if len(s) > 80 {
		s = s[:80]
	}
	return s
}
