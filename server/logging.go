package server

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
)

// requestIDKey holds the request's id in the gin context.
const requestIDKey = "tracker.request_id"

// observe gives every request an id (the client's X-Request-ID when it
// sent a usable one, else a random one), echoes it in the answer, and when
// the request is done logs one line and counts it in the metrics.
func (s *Server) observe(c *gin.Context) {
	start := time.Now()
	id := requestID(c.GetHeader("X-Request-ID"))
	c.Set(requestIDKey, id)
	c.Header("X-Request-ID", id)
	c.Next()
	d := time.Since(start)
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	status := c.Writer.Status()
	s.env.Metrics.Request(route, methodLabel(c.Request.Method), status, d)
	level := slog.LevelInfo
	switch {
	case status >= 500:
		level = slog.LevelError
	case route == "/healthz" || route == "/metrics" || route == "/static/*filepath":
		level = slog.LevelDebug // probes and assets would drown the rest
	}
	s.env.Log.LogAttrs(c.Request.Context(), level, "request",
		slog.String("request_id", id), slog.String("method", c.Request.Method), slog.String("route", route),
		slog.String("path", c.Request.URL.Path), slog.Int("status", status),
		slog.Float64("duration_ms", float64(d.Microseconds())/1000), slog.String("user", httpx.CurrentUser(c).Name),
		slog.Int("bytes", max(c.Writer.Size(), 0)), slog.String("client", c.ClientIP()))
}

// requestID keeps a client's id when it is short printable ASCII (it goes
// into logs and headers), else makes a random 16-byte one.
func requestID(given string) string {
	ok := given != "" && len(given) <= 128
	for i := 0; ok && i < len(given); i++ {
		ok = given[i] > 0x20 && given[i] < 0x7f
	}
	if ok {
		return given
	}
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// methodLabel keeps the metrics' method label to the methods HTTP defines.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return m
	}
	return "OTHER"
}
