package httpx

import (
	"sort"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// Work bounds the requests whose memory grows with a ledger or with the
// portfolio (heavyRoutes): reading an upload, re-reading a kept file for
// its problem rows, planning a commit, writing a workbook, an import's
// whole list of problems and changes. Each may take
// hundreds of MiB (a 100,000-row ledger's problems.xlsx 1.26 GiB), so
// without a bound a reader with a token could start eight and take 10 GiB.
// At most Slots run at once in a process; the others wait their turn, up
// to Wait or their request's end, then get 429.
type Work struct {
	slots chan struct{}
	wait  time.Duration
}

// NewWork allows n heavy requests at once (at least one), each waiting at
// most wait for its turn.
func NewWork(n int, wait time.Duration) *Work {
	return &Work{slots: make(chan struct{}, max(n, 1)), wait: wait}
}

// Slots is how many heavy requests may run at once.
func (w *Work) Slots() int { return cap(w.slots) }

// heavyRoutes are the routes Work bounds, API and pages (method and
// route as registered). A route not listed runs at once.
var heavyRoutes = map[string]bool{
	"POST /api/v1/imports": true, "POST /imports": true,
	"POST /api/v1/imports/:id/commit": true, "POST /imports/:id/commit": true,
	"POST /api/v1/imports/:id/approve": true, "POST /imports/:id/approve": true,
	"POST /api/v1/imports/:id/additions": true, "POST /imports/:id/additions": true,
	"POST /api/v1/imports/:id/revert": true, "POST /imports/:id/revert": true,
	"POST /imports/:id/remap": true, "POST /api/v1/lists/:year/rollover": true, "POST /lists/rollover": true,
	"GET /api/v1/imports/:id": true, "GET /imports/:id": true, // 100,000 problems: 29 MB of JSON, 16 MB of page
	"GET /imports/:id/revert": true, "GET /api/v1/audit": true,
	// The history reads every import whole, its problems too (two imports
	// of 100,000 problems: a 59 MB list, some 240 MiB a page).
	"GET /api/v1/imports": true, "GET /imports": true, "GET /dashboard": true,
	"GET /api/v1/imports/:id/file": true, "GET /imports/:id/file": true,
	"GET /api/v1/imports/:id/problems.xlsx": true, "GET /imports/:id/problems.xlsx": true,
	"GET /api/v1/reports/quarterly.xlsx": true, "GET /reports/quarterly.xlsx": true,
	"GET /api/v1/reports/quarterly.docx": true, "GET /reports/quarterly.docx": true,
	"GET /api/v1/template.xlsx": true, "GET /reports/template.xlsx": true,
	"GET /api/v1/projects.xlsx": true, "GET /projects.xlsx": true,
	"GET /api/v1/audit.xlsx": true, "GET /audit.xlsx": true,
}

// HeavyRoutes lists the routes Work bounds, as "METHOD /path", sorted.
func HeavyRoutes() []string {
	out := make([]string, 0, len(heavyRoutes))
	for r := range heavyRoutes {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// RestartBodyDeadline names, in a request's context, a func() that starts
// its body's read deadline again: the server sets it for an upload, whose
// deadline must not run out while the request waits its turn.
const RestartBodyDeadline = "restart_body_deadline"

// HeavyWork is the middleware, after authentication, that makes a heavy
// route's request wait for a slot of e.Work; fail answers one that waited
// too long (the API's JSON error or the pages' error page).
func (e *Env) HeavyWork(fail func(*gin.Context, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		if e.Work == nil || !heavyRoutes[c.Request.Method+" "+c.FullPath()] {
			c.Next()
			return
		}
		if !e.Work.acquire(c) {
			c.Header("Retry-After", "30")
			fail(c, models.Errorf(models.ETOOMANY, "服务器正忙：已有%d个导入或大文件下载正在处理，请稍后重试", e.Work.Slots()))
			return
		}
		defer func() { <-e.Work.slots }()
		if restart, ok := c.Get(RestartBodyDeadline); ok {
			restart.(func())()
		}
		c.Next()
	}
}

// acquire takes a slot, waiting at most w.wait or until the request ends.
func (w *Work) acquire(c *gin.Context) bool {
	select {
	case w.slots <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(w.wait)
	defer t.Stop()
	select {
	case w.slots <- struct{}{}:
		return true
	case <-t.C:
	case <-c.Request.Context().Done():
	}
	return false
}
