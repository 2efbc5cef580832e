package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// statusOf maps each error code to its one HTTP status.
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

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// fail answers with err's status and a JSON body with its code and Chinese
// message. Internal errors are logged with their detail and answered with a
// generic message: no SQL or paths reach the client.
func (s *Server) fail(c *gin.Context, err error) {
	code := models.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	if status >= 500 {
		s.log.Error("request failed", "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
	}
	var body errorBody
	body.Error.Code, body.Error.Message = code, models.ErrorMessage(err)
	c.AbortWithStatusJSON(status, body)
}

// recoverPanics turns a panic in any handler into a logged 500 with a
// generic message; the server keeps serving.
func (s *Server) recoverPanics(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("panic in handler", "path", c.Request.URL.Path, "panic", v)
			s.fail(c, models.Errorf(models.EINTERNAL, "服务器内部错误，请稍后重试或联系管理员"))
		}
	}()
	c.Next()
}

func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
	c.Next()
}
