package server

import (
	"crypto/subtle"
	"fmt"
	"net"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// metricsPage answers /metrics on the main address: with a bearer token
// when Config.MetricsToken is set, else to loopback clients only, so the
// figures are not public by accident. The client is the one the login
// throttles see: behind a trusted proxy on this host, the address it
// forwards (the proxy's own loopback address answered everyone).
func (s *Server) metricsPage(c *gin.Context) {
	if s.cfg.MetricsToken == "" && !isLoopback(c.ClientIP()) {
		s.env.Fail(c, models.Errorf(models.EFORBIDDEN, "/metrics 只回答本机访问；请设置 TRACKER_METRICS_TOKEN 后凭令牌访问"))
		return
	}
	s.serveMetrics(c.Writer, c.Request)
}

// MetricsHandler serves /metrics alone, for a separate listen address
// (TRACKER_METRICS_ADDR): the address itself limits who reaches it, and
// the token, when set, is still required.
func (s *Server) MetricsHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /metrics", s.serveMetrics)
	return mux
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	if t := s.cfg.MetricsToken; t != "" && !tokenMatches(r.Header.Get("Authorization"), t) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="tracker-metrics"`)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error":{"code":"unauthorized","message":"/metrics 需要正确的 Bearer 令牌"}}`)
		return
	}
	s.env.Metrics.Handler().ServeHTTP(w, r)
}

func tokenMatches(header, token string) bool {
	if len(header) < 7 || !strings.EqualFold(header[:7], "Bearer ") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(header[7:])), []byte(token)) == 1
}

func isLoopback(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
