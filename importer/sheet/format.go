package sheet

import (
	"bytes"
	"path/filepath"
	"strings"
)

// File signatures.
var (
	sigZip = []byte("PK\x03\x04")
	sigCFB = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // OLE compound file: .xls or an encrypted .xlsx
)

// Sniff decides the format from the content; the file name only breaks a
// tie (it never makes a zip a CSV). It returns "xlsx", "xls", "csv", or an
// *Error saying what to send instead (Unprocessable for an empty file,
// Unsupported for anything else).
func Sniff(data []byte, fileName string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(fileName), "."))
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "", errorf(Unprocessable, "文件是空的，请上传填好的台账（.xlsx、.xls或.csv）")
	case bytes.HasPrefix(data, sigZip) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return "xlsx", nil
	case bytes.HasPrefix(data, sigCFB):
		if isEncryptedOOXML(data) {
			return "", errEncrypted()
		}
		return "xls", nil
	case isBIFF(data):
		return "xls", nil // a bare BIFF stream, as some programs write
	case looksLikeHTML(data):
		return "", errorf(Unsupported, "文件“%s”实际是网页（HTML）格式，不是Excel表格。请用Excel打开后“另存为”Excel工作簿（.xlsx）再上传", fileName)
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "", errorf(Unsupported, "文件是PDF，无法读取表格数据。请上传Excel台账（.xlsx）")
	case isPicture(data):
		return "", errorf(Unsupported, "文件是图片，无法读取表格数据。请上传Excel台账（.xlsx），不要上传截图或照片")
	case looksLikeText(data):
		return "csv", nil
	}
	if ext == "xls" || ext == "xlsx" || ext == "et" {
		return "", unsupportedXlsx("文件内容不是Excel工作簿")
	}
	return "", errorf(Unsupported, "无法识别文件“%s”的格式。请上传Excel台账（.xlsx，也支持.xls和.csv）", fileName)
}

// isEncryptedOOXML reports whether a compound file holds an encrypted
// .xlsx: Excel stores a password-protected workbook as a CFB file with the
// streams EncryptionInfo and EncryptedPackage (names in UTF-16LE).
func isEncryptedOOXML(data []byte) bool {
	return bytes.Contains(data, utf16le("EncryptedPackage")) || bytes.Contains(data, utf16le("EncryptionInfo"))
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func looksLikeHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimLeft(data[:min(len(data), 1024)], " \t\r\n\xef\xbb\xbf"))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.HasPrefix(head, []byte("<table")) || bytes.Contains(head, []byte("urn:schemas-microsoft-com:office:excel"))
}

// isPicture reports the signatures of PNG, JPEG, GIF and WebP images.
func isPicture(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) || bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}) ||
		bytes.HasPrefix(data, []byte("GIF87a")) || bytes.HasPrefix(data, []byte("GIF89a")) ||
		len(data) >= 12 && bytes.HasPrefix(data, []byte("RIFF")) && string(data[8:12]) == "WEBP"
}

// looksLikeText reports whether data can be a CSV: no NUL bytes in its
// first 8 KiB unless it is UTF-16 with a BOM, and control characters
// other than tab, line and page breaks in at most 1 byte of 100 there.
func looksLikeText(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return true
	}
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctl++
		}
	}
	return ctl*100 <= len(head)
}
