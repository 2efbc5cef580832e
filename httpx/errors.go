package httpx

import (
	"net/http"
	"sort"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// statusOf maps each error code to its one HTTP status; the API's JSON
// errors and the pages' error pages both read it.
var statusOf = map[string]int{
	models.EINVALID:       http.StatusBadRequest,
	models.EUNAUTHORIZED:  http.StatusUnauthorized,
	models.EFORBIDDEN:     http.StatusForbidden,
	models.ENOTFOUND:      http.StatusNotFound,
	models.ECONFLICT:      http.StatusConflict,
	models.ETOOLARGE:      http.StatusRequestEntityTooLarge,
	models.EUNSUPPORTED:   http.StatusUnsupportedMediaType,
	models.EUNPROCESSABLE: http.StatusUnprocessableEntity,
	models.ETOOMANY:       http.StatusTooManyRequests,
	models.EINTERNAL:      http.StatusInternalServerError,
}

// Status is err's HTTP status: the status of its code, 500 for an error
// without a known code (a plain Go error is an internal one).
func Status(err error) int {
	if status, ok := statusOf[models.ErrorCode(err)]; ok {
		return status
	}
	return http.StatusInternalServerError
}

// Codes are the error codes the table maps, sorted (the OpenAPI
// description lists exactly these).
func Codes() []string {
	codes := make([]string, 0, len(statusOf))
	for code := range statusOf {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	return codes
}

// ErrorBody is the JSON body of every API error.
type ErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// Fail answers with err's status and a JSON body with its code and Chinese
// message. Internal errors are logged with their detail and answered with a
// generic message: no SQL or paths reach the client.
func (e *Env) Fail(c *gin.Context, err error) {
	if page, ok := c.Value(pageFailKey).(func(*gin.Context, error)); ok {
		page(c, err)
		return
	}
	status := Status(err)
	if status >= 500 {
		e.Log.Error("request failed", "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
	}
	var body ErrorBody
	body.Error.Code, body.Error.Message = models.ErrorCode(err), models.ErrorMessage(err)
	c.AbortWithStatusJSON(status, body)
}

// pageFailKey holds, on a request from a page, how its errors are shown.
const pageFailKey = "httpx.pageFail"

// FailAsPage makes Fail answer c's errors with page instead of JSON: the
// pages offer the API's downloads (workbooks, 通报, 预填台账) under the
// page session, and a browser that asked for a file and met a refusal
// ("2025年没有项目清单") must get the Chinese error page, not raw JSON. The
// status stays the error's own (Status).
func FailAsPage(c *gin.Context, page func(*gin.Context, error)) { c.Set(pageFailKey, page) }
