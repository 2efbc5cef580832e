// Package web serves the tracker's pages in Chinese: server-rendered HTML
// from the templates and static files embedded here, SVG charts drawn on
// the server, page sessions with CSRF tokens and the log-in page. It works
// without script; the pages load nothing from outside the server. Package
// server registers it beside the API (package api) on one engine.
package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// assets holds the page templates and the static files (CSS, JS, icon):
// the pages load nothing from outside the binary, so they work on an
// intranet.
//
//go:embed templates static
var assets embed.FS

// Server holds the pages' handlers on what they share with the API.
type Server struct {
	*httpx.Env
	downloads Downloads
}

// Downloads are the API's download handlers the pages offer under the page
// session (the API's routes want a bearer token a browser does not have).
// A nil handler leaves its page route and its link out.
type Downloads struct {
	Projects   gin.HandlerFunc // the project list as a workbook (项目库's filters)
	Problems   gin.HandlerFunc // an import's problem rows as a workbook
	ImportFile gin.HandlerFunc // an import's uploaded file
	Quarterly  gin.HandlerFunc // the quarterly or monthly workbook
	Notice     gin.HandlerFunc // the 通报 (.docx) of a quarter or a month
	Template   gin.HandlerFunc // the ledger template
	Audit      gin.HandlerFunc // the audit trail as a workbook (admins)
}

// New makes the pages' handlers on env, offering the downloads d.
func New(env *httpx.Env, d Downloads) *Server { return &Server{Env: env, downloads: d} }

// Register adds the server-rendered pages in Chinese. Every page but the
// log-in page needs a session cookie; every POST needs the session's CSRF
// token (see session.go).
func (s *Server) Register(r *gin.Engine) {
	d := s.downloads
	r.GET("/static/*filepath", serveStatic)
	r.GET("/login", s.loginPage)
	r.POST("/login", s.postLogin)

	p := r.Group("", s.pageSession, s.checkCSRF, s.requireOwnPassword, s.HeavyWork(s.FailPage))
	p.GET("/", s.landing)
	p.GET(passwordPath, s.passwordPage)
	p.POST(passwordPath, s.postPassword)
	p.POST("/logout", s.postLogout)
	p.GET("/dashboard", s.dashboardPage)
	p.GET("/projects", s.projectsPage)
	s.offer(p, "/projects.xlsx", d.Projects)
	p.GET("/projects/:code", s.projectPage)
	p.GET("/imports", s.importsPage)
	p.GET("/imports/:id", s.importPage)
	s.offer(p, "/imports/:id/file", s.visibleImport(d.ImportFile))
	p.GET("/imports/:id/revert", s.revertConfirmPage)
	s.offer(p, "/imports/:id/problems.xlsx", s.visibleImport(d.Problems))
	p.GET("/submissions", s.submissionsPage)
	p.GET("/supervisions", s.supervisionsPage)
	p.GET("/lists", s.listPage)
	p.GET("/reports", s.reportsPage)
	s.offer(p, "/reports/quarterly.xlsx", d.Quarterly)
	s.offer(p, "/reports/quarterly.docx", d.Notice)
	s.offer(p, "/reports/template.xlsx", d.Template)

	w := p.Group("", s.pageRequire(models.User.CanImport))
	w.POST("/imports", s.postImportPage)
	w.POST("/imports/:id/commit", s.commitImportPage)
	w.POST("/imports/:id/discard", s.discardImportPage)
	w.POST("/imports/:id/remap", s.remapImportPage)
	w.POST("/imports/:id/forget-mapping", s.forgetMappingPage)
	w.POST("/imports/:id/revert", s.revertImportPage)
	w.POST("/imports/:id/withdraw", s.withdrawImportPage)
	w.POST("/projects/:code/edit", s.postProjectEdit)
	w.POST("/supervisions/:id/reply", s.superviseStepPage(models.SuperviseReply))

	a := p.Group("", s.pageRequire(models.User.IsAdmin))
	a.GET("/users", s.usersPage)
	s.offer(a, "/audit.xlsx", d.Audit)
	a.POST("/users", s.postUser)
	a.POST("/users/:id/role", s.postUserRole)
	a.POST("/users/:id/password", s.postUserPassword)
	a.POST("/users/:id/disabled", s.postUserDisabled)
	a.POST("/users/login-blocks", s.postLoginBlock)
	a.GET("/reports/locks", s.lockConfirmPage)
	a.POST("/reports/locks", s.postLock)
	a.POST("/lists/changes", s.postListChange)
	a.POST("/lists/rollover", s.rolloverPage)
	a.POST("/imports/:id/additions", s.acceptAdditionsPage)
	a.POST("/imports/:id/approve", s.approveImportPage)
	a.POST("/imports/:id/return", s.returnImportPage)
	a.POST("/supervisions", s.postSupervision)
	a.POST("/supervisions/:id/close", s.superviseStepPage(models.SuperviseClose))
	a.POST("/supervisions/:id/reopen", s.superviseStepPage(models.SuperviseReopen))
}

// offer adds a download route when the server has its handler; its
// refusals are shown as the error page (FailPage), not the API's JSON.
func (s *Server) offer(g *gin.RouterGroup, path string, h gin.HandlerFunc) {
	if h != nil {
		g.GET(path, func(c *gin.Context) { httpx.FailAsPage(c, s.FailPage) }, h)
	}
}

// serveStatic serves a file of static/; directories are not listed.
func serveStatic(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("filepath"), "/")
	if name == lightsCSSName {
		c.Header("Cache-Control", "public, max-age=3600")
		c.Data(http.StatusOK, staticTypes[".css"], lightsCSS())
		return
	}
	data, err := fs.ReadFile(assets, "static/"+name)
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
	if u, ok := httpx.SignedIn(c); ok {
		v.User = u
		v.CSRF = CSRFToken(c.GetString(sessionKey))
	}
	if v.Notice == "" {
		v.Notice = notices[c.Query("ok")]
	}
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, v); err != nil {
		s.Log.Error("render page", "page", name, "err", err)
		c.String(http.StatusInternalServerError, "页面生成失败，请稍后重试或联系管理员")
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// FailPage shows an error as a page with the error's status and Chinese
// message; an expired session goes back to the log-in page. (The embedded
// Env's Fail answers the API's JSON error instead.)
func (s *Server) FailPage(c *gin.Context, err error) {
	if models.ErrorCode(err) == models.EUNAUTHORIZED {
		c.Redirect(http.StatusSeeOther, "/login")
		c.Abort()
		return
	}
	status := httpx.Status(err)
	if status >= 500 {
		s.Log.Error("page failed", "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
	}
	s.render(c, status, "error", view{Title: errorTitles[status], Error: models.ErrorMessage(err), Data: backTo(c)})
	c.Abort()
}

// backTo is the page of this site the request came from (its Referer,
// path and query only), for the error page's 返回上一页; "" when there is
// none or it is the failing address itself.
func backTo(c *gin.Context) string {
	ref, err := url.Parse(c.Request.Referer())
	if err != nil || ref.Host != c.Request.Host || !strings.HasPrefix(ref.Path, "/") || strings.HasPrefix(ref.Path, "//") ||
		ref.RequestURI() == c.Request.URL.RequestURI() {
		return ""
	}
	return ref.RequestURI()
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
	"submitted":    "已提交审核：市重大项目办审核通过后，数据才会更新。",
	"approved":     "已审核通过：数据已按本次报送更新。",
	"returned":     "已退回：数据没有任何变化，报送单位会看到退回原因。",
	"withdrawn":    "已撤回：本次报送不再等待审核，数据没有任何变化；如需报送，请重新上传。",
	"accepted":     "已确认增补：下面是重新计算的预览，数据库还没有变化；核对无误后点“确认提交”。",
	"list_changed": "已调整年度清单。这次调整记入导入记录（类型“清单调整”），可以撤销。",
	"discarded":    "已放弃本次预览，数据没有任何变化。",
	"remapped":     "已按所选的列对应关系重新预览；本单位同样表头的台账下次将按此读取。",
	"forgotten":    "已清除记住的列对应关系，并按表头和内容重新识别。",
	"reverted":     "已撤销：本次导入修改的数据已全部恢复原值。",
	"edited":       "已保存手工修改。下面是改动的内容；如有错误，可以撤销。",
	"edit_sent":    "已提交审核：这次修改要经市重大项目办审核通过后才生效，现在数据没有变化。",
	"created":      "已添加用户。",
	"role":         "已保存角色和所属单位。",
	"password":     "已重置密码，该用户需用新密码重新登录。",
	"own_password": "已修改密码。其他设备上的登录已失效。",
	"disabled":     "已停用该用户，其登录已失效。",
	"enabled":      "已启用该用户。",
	"unblocked":    "已解除该登录限制，可以立即再次尝试登录。",
	"locked":       "已锁定该季度：其各月数据不能再导入、修改或撤销。",
	"unlocked":     "已解锁该季度：其各月数据可以再次导入和修改。",
	"sv_opened":    "已交办：责任单位的填报人员会在本项目和“督办事项”中看到并回复。",
	"sv_reply":     "已回复：市重大项目办会看到您的回复并决定是否办结。",
	"sv_close":     "已办结该督办事项。",
	"sv_reopen":    "已重新交办：该事项重新变为待回复，责任单位需要再次回复。",
}

// pages are the parsed templates: each page file defines one template
// named after the page, built from the shared "head" and "foot".
var pages = template.Must(template.New("").Funcs(pageFuncs).ParseFS(assets, "templates/*.html"))
