package httpx

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
)

// XLSXType is the media type of an .xlsx workbook.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// Attachment sends a download whose Chinese file name browsers show as is
// (RFC 6266 filename*), with an ASCII fallback for old clients.
func Attachment(c *gin.Context, name, contentType string, data []byte) {
	fallback := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, fallback, url.PathEscape(name)))
	c.Data(http.StatusOK, contentType, data)
}
