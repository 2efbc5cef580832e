package server

import (
	"net"
	"net/http"
	"net/netip"
	"sync"
	"time"
)

// HTTPServer is the http.Server for a handler with the tracker's
// connection timeouts: request headers within 10 s (64 KiB at most), an
// idle keep-alive connection closed after 2 minutes, and a write deadline
// that each request then narrows to its route's (see limitRequest). The
// body's read deadline is set per route as well.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		WriteTimeout: s.uploadWriteTime(), MaxHeaderBytes: 64 << 10}
}

// LimitConns wraps a listener so that one client address holds at most
// Config.MaxConnsPerClient connections at once (unlimited when 0); a
// connection over the cap is closed at once. Trusted proxies are not
// capped: every client behind them shares their address.
func (s *Server) LimitConns(ln net.Listener) net.Listener {
	if s.cfg.MaxConnsPerClient <= 0 {
		return ln
	}
	return &limitedListener{Listener: ln, max: s.cfg.MaxConnsPerClient, trusted: s.trusted, open: map[netip.Addr]int{}}
}

type limitedListener struct {
	net.Listener
	max     int
	trusted []netip.Prefix
	mu      sync.Mutex
	open    map[netip.Addr]int
}

func (l *limitedListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := remoteAddr(c)
		if l.isTrusted(ip) {
			return c, nil
		}
		l.mu.Lock()
		over := l.open[ip] >= l.max
		if !over {
			l.open[ip]++
		}
		l.mu.Unlock()
		if over {
			c.Close()
			continue
		}
		return &countedConn{Conn: c, release: func() { l.release(ip) }}, nil
	}
}

func (l *limitedListener) isTrusted(ip netip.Addr) bool {
	for _, p := range l.trusted {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

func (l *limitedListener) release(ip netip.Addr) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[ip]--; l.open[ip] <= 0 {
		delete(l.open, ip)
	}
}

func remoteAddr(c net.Conn) netip.Addr {
	if ap, err := netip.ParseAddrPort(c.RemoteAddr().String()); err == nil {
		return ap.Addr().Unmap()
	}
	return netip.Addr{}
}

// countedConn gives its slot back once, when closed.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *countedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}

// ParseProxies reads the trusted proxies setting: addresses or CIDR
// ranges (10.0.0.1, 10.0.0.0/8, ::1), separated by commas or spaces.
func ParseProxies(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range list {
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, err
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}
