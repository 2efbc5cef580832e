package api

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// web holds the page templates and the static assets (CSS, JS, icon): the
// pages load nothing from outside the binary, so they work on an intranet.
//
//go:embed web
var web embed.FS

// pageRoutes adds the server-rendered pages in Chinese. Every page but the
// log-in page needs a session cookie; every POST needs the session's CSRF
// token (see pages_auth.go).
func (s *Server) pageRoutes() {
	r := s.engine
	r.GET("/static/*filepath", serveStatic)
	r.GET("/login", s.loginPage)
	r.POST("/login", s.postLogin)

	p := r.Group("", s.pageSession, s.checkCSRF, s.requireOwnPassword)
	p.GET("/", s.landing)
	p.GET(passwordPath, s.passwordPage)
	p.POST(passwordPath, s.postPassword)
	p.POST("/logout", s.postLogout)
	p.GET("/dashboard", s.dashboardPage)
	p.GET("/projects", s.projectsPage)
	if h := s.apiHandler("GET", "/api/v1/projects.xlsx"); h != nil {
		p.GET("/projects.xlsx", h)
	}
	p.GET("/projects/:code", s.projectPage)
	p.GET("/imports", s.importsPage)
	p.GET("/imports/:id", s.importPage)
	p.GET("/imports/:id/file", s.importFilePage)
	p.GET("/imports/:id/revert", s.revertConfirmPage)
	if h := s.apiHandler("GET", "/api/v1/imports/:id/problems.xlsx"); h != nil {
		p.GET("/imports/:id/problems.xlsx", s.visibleImport(h))
	}
	p.GET("/reports", s.reportsPage)
	p.GET("/reports/quarterly.xlsx", s.quarterlyReport)
	if h := s.apiHandler("GET", "/api/v1/template.xlsx"); h != nil {
		p.GET("/reports/template.xlsx", h)
	}

	w := p.Group("", s.pageRequire(models.User.CanImport))
	w.POST("/imports", s.postImportPage)
	w.POST("/imports/:id/commit", s.commitImportPage)
	w.POST("/imports/:id/discard", s.discardImportPage)
	w.POST("/imports/:id/revert", s.revertImportPage)
	w.POST("/projects/:code/edit", s.postProjectEdit)

	a := p.Group("", s.pageRequire(models.User.IsAdmin))
	a.GET("/users", s.usersPage)
	if h := s.apiHandler("GET", "/api/v1/audit.xlsx"); h != nil {
		a.GET("/audit.xlsx", h)
	}
	a.POST("/users", s.postUser)
	a.POST("/users/:id/role", s.postUserRole)
	a.POST("/users/:id/password", s.postUserPassword)
	a.POST("/users/:id/disabled", s.postUserDisabled)
	a.POST("/reports/locks", s.postLock)
	r.NoRoute(s.notFound)
}

// apiHandler returns the handler of an API route when the server has it,
// so a page route can offer the same download under the page session
// (the API route wants a bearer token a browser does not have).
func (s *Server) apiHandler(method, path string) gin.HandlerFunc {
	for _, rt := range s.engine.Routes() {
		if rt.Method == method && rt.Path == path {
			return rt.HandlerFunc
		}
	}
	return nil
}

// serveStatic serves a file of web/static; directories are not listed.
func serveStatic(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("filepath"), "/")
	data, err := fs.ReadFile(web, "web/static/"+name)
	if err != nil || !fs.ValidPath(name) {
		c.String(http.StatusNotFound, "没有这个文件")
		return
	}
	c.Header("Cache-Control", "public, max-age=3600")
	c.Data(http.StatusOK, staticTypes[path.Ext(name)], data)
}

var staticTypes = map[string]string{
	".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml",
}

// notFound answers unknown addresses: an HTML page for a browser, the API's
// JSON error for everything else.
func (s *Server) notFound(c *gin.Context) {
	err := models.Errorf(models.ENOTFOUND, "没有这个地址：%s", c.Request.URL.Path)
	if strings.HasPrefix(c.Request.URL.Path, "/api/") || !strings.Contains(c.GetHeader("Accept"), "text/html") {
		s.fail(c, err)
		return
	}
	s.pageFail(c, err)
}

// view is what every page template receives: the signed-in user, the CSRF
// token for its forms, the active menu entry, a one-off notice and the
// page's own data.
type view struct {
	Title  string
	User   models.User
	CSRF   string
	Nav    string
	Notice string
	Error  string
	Data   any
}

// render executes a page template into a buffer first, so a template error
// becomes a clean 500 instead of half a page.
func (s *Server) render(c *gin.Context, status int, name string, v view) {
	if u, ok := c.Get(userKey); ok {
		v.User = u.(models.User)
		v.CSRF = csrfToken(c.GetString(sessionKey))
	}
	if v.Notice == "" {
		v.Notice = notices[c.Query("ok")]
	}
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, v); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		c.String(http.StatusInternalServerError, "页面生成失败，请稍后重试或联系管理员")
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// pageFail shows an error as a page with the error's status and Chinese
// message; an expired session goes back to the log-in page.
func (s *Server) pageFail(c *gin.Context, err error) {
	code := models.ErrorCode(err)
	if code == models.EUNAUTHORIZED {
		c.Redirect(http.StatusSeeOther, "/login")
		c.Abort()
		return
	}
	status, ok := statusOf[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	if status >= 500 {
		s.log.Error("page failed", "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
	}
	s.render(c, status, "error", view{Title: errorTitles[status], Error: models.ErrorMessage(err)})
	c.Abort()
}

var errorTitles = map[int]string{
	http.StatusBadRequest: "请求有误", http.StatusForbidden: "没有权限", http.StatusNotFound: "找不到页面",
	http.StatusConflict: "当前状态不允许此操作", http.StatusRequestEntityTooLarge: "文件太大",
	http.StatusUnsupportedMediaType: "文件格式不支持", http.StatusUnprocessableEntity: "文件无法使用",
	http.StatusInternalServerError: "服务器内部错误",
}

// notices are the fixed messages a redirect after a form can ask for with
// ?ok=KEY; nothing a user typed is echoed.
var notices = map[string]string{
	"committed":    "已提交：数据已按本次导入更新。",
	"discarded":    "已放弃本次预览，数据没有任何变化。",
	"reverted":     "已撤销：本次导入修改的数据已全部恢复原值。",
	"edited":       "已保存手工修改。下面是改动的内容；如有错误，可以撤销。",
	"created":      "已添加用户。",
	"role":         "已保存角色和所属单位。",
	"password":     "已重置密码，该用户需用新密码重新登录。",
	"own_password": "已修改密码。其他设备上的登录已失效。",
	"disabled":     "已停用该用户，其登录已失效。",
	"enabled":      "已启用该用户。",
	"locked":       "已锁定该季度：其各月数据不能再导入、修改或撤销。",
	"unlocked":     "已解锁该季度：其各月数据可以再次导入和修改。",
}

// pages are the parsed templates: each page file defines one template
// named after the page, built from the shared "head" and "foot".
var pages = template.Must(template.New("").Funcs(pageFuncs).ParseFS(web, "web/templates/*.html"))
