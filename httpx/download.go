package httpx

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
)

// XLSXType is the media type of an .xlsx workbook.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// DOCXType is the media type of a .docx document.
const DOCXType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// Attachment sends a download whose Chinese file name browsers show as is
// (RFC 6266 filename*), with an ASCII fallback for old clients. The name
// is cleaned as an upload's is (no control or direction characters).
func Attachment(c *gin.Context, name, contentType string, data []byte) {
	name = CleanFileName(name)
	fallback := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, fallback, url.PathEscape(name)))
	c.Data(http.StatusOK, contentType, data)
}

// Original sends an uploaded file back byte for byte as an attachment.
// Its name keeps a spreadsheet extension: a name stored before uploads
// were held to one (张店区台账.cmd) gets the extension of what the bytes
// are, so a saved copy never runs as a program.
func Original(c *gin.Context, name string, data []byte) {
	name = CleanFileName(name)
	if !SpreadsheetName(name) {
		switch {
		case bytes.HasPrefix(data, []byte("PK")):
			name += ".xlsx"
		case bytes.HasPrefix(data, []byte{0xd0, 0xcf, 0x11, 0xe0}):
			name += ".xls"
		default:
			name += ".csv"
		}
	}
	Attachment(c, name, "application/octet-stream", data)
}
