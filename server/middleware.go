package server

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// recoverPanics turns a panic in any handler into a logged 500 with a
// generic message; the server keeps serving.
func (s *Server) recoverPanics(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler { // an answer cut short on purpose: net/http drops the connection
				panic(v)
			}
			s.env.Log.Error("panic in handler", "path", c.Request.URL.Path, "panic", v)
			s.env.Fail(c, models.Errorf(models.EINTERNAL, "服务器内部错误，请稍后重试或联系管理员"))
		}
	}()
	c.Next()
}

func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	// Nothing behind the login may stay in a browser's or a proxy's cache
	// (static files set their own).
	h.Set("Cache-Control", "no-store")
	c.Next()
}

// notFound answers unknown addresses: an HTML page for a browser, the API's
// JSON error for everything else.
func (s *Server) notFound(c *gin.Context) {
	err := models.Errorf(models.ENOTFOUND, "没有这个地址：%s", c.Request.URL.Path)
	if strings.HasPrefix(c.Request.URL.Path, "/api/") || !strings.Contains(c.GetHeader("Accept"), "text/html") {
		s.env.Fail(c, err)
		return
	}
	s.pages.FailPage(c, err)
}
