package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"unicode"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
	"tracker/models/store"
)

// SessionCookie holds a page session's token: the same kind of token the
// API issues (store.Login), so sessions expire and are revoked alike.
const SessionCookie = "tracker_session"

const sessionKey = "session"

// CSRFToken is the token every page form carries: hex(SHA-256("csrf:" +
// session token)). It needs no server secret, and nobody can compute it
// without the HttpOnly session cookie.
func CSRFToken(session string) string {
	sum := sha256.Sum256([]byte("csrf:" + session))
	return hex.EncodeToString(sum[:])
}

// pageSession admits requests with a valid session cookie and sends the
// others to the log-in page, remembering where they wanted to go.
func (s *Server) pageSession(c *gin.Context) {
	token, _ := c.Cookie(SessionCookie)
	u, err := s.Store.UserByToken(c, token)
	if err != nil {
		if token != "" {
			setSessionCookie(c, "", -1)
		}
		target := "/login"
		if c.Request.Method == http.MethodGet && c.Request.URL.Path != "/" && len(c.Request.URL.RequestURI()) <= 500 {
			target += "?next=" + url.QueryEscape(c.Request.URL.RequestURI())
		}
		c.Redirect(http.StatusSeeOther, target)
		c.Abort()
		return
	}
	httpx.SetUser(c, u)
	c.Set(sessionKey, token)
	c.Next()
}

// checkCSRF refuses a POST whose csrf field is not the session's token.
// It reads the form within the upload limit first, so a too-large upload
// is told so rather than refused as forged. A file past httpx.FormMemory
// waits in a temporary file, as in the API.
func (s *Server) checkCSRF(c *gin.Context) {
	if c.Request.Method != http.MethodPost {
		c.Next()
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.MaxUploadBytes+1<<20)
	err := c.Request.ParseMultipartForm(httpx.FormMemory)
	if errors.Is(err, http.ErrNotMultipart) {
		err = c.Request.ParseForm()
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.FailPage(c, s.TooLarge())
		return
	}
	want := CSRFToken(c.GetString(sessionKey))
	if subtle.ConstantTimeCompare([]byte(c.Request.PostFormValue("csrf")), []byte(want)) != 1 {
		s.FailPage(c, models.Errorf(models.EFORBIDDEN, "表单已过期或来源不明（安全校验未通过），请返回上一页刷新后重试"))
		return
	}
	c.Next()
}

// pageRequire admits users for whom allowed says yes, and shows the others
// a 403 page.
func (s *Server) pageRequire(allowed func(models.User) bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !allowed(httpx.CurrentUser(c)) {
			s.FailPage(c, models.Errorf(models.EFORBIDDEN, "您的账号（%s）没有访问此页面或执行此操作的权限", roleNames[httpx.CurrentUser(c).Role]))
			return
		}
		c.Next()
	}
}

// setSessionCookie sets (or with maxAge -1 clears) the session cookie:
// HttpOnly so no script reads it, SameSite=Lax so other sites' forms do not
// carry it, and Secure over TLS, also when a proxy in front ends the TLS.
func setSessionCookie(c *gin.Context, token string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: c.Request.TLS != nil || c.GetHeader("X-Forwarded-Proto") == "https", SameSite: http.SameSiteLaxMode})
}

// loginView is the log-in page's data. NoUsers says the database has no
// user yet, so the page tells the operator how to create the first one.
type loginView struct {
	Username string
	Next     string
	NoUsers  bool
}

// newLoginView fills the log-in page's data.
func (s *Server) newLoginView(c *gin.Context, username, next string) loginView {
	n, err := s.Store.CountUsers(c)
	return loginView{Username: username, Next: next, NoUsers: err == nil && n == 0}
}

func (s *Server) loginPage(c *gin.Context) {
	token, _ := c.Cookie(SessionCookie)
	if u, err := s.Store.UserByToken(c, token); err == nil {
		c.Redirect(http.StatusSeeOther, landingOf(u))
		return
	}
	s.render(c, http.StatusOK, "login", view{Title: "登录", Data: s.newLoginView(c, "", safeNext(c.Query("next")))})
}

// postLogin checks the name and password and starts a session. A form
// posted from another site (its Origin is not this host, or "null" as from
// a sandboxed frame or a data: page) is refused: there is no session yet
// whose CSRF token it could carry.
func (s *Server) postLogin(c *gin.Context) {
	if o := c.GetHeader("Origin"); o != "" && !sameHost(o, c.Request.Host) {
		s.FailPage(c, models.Errorf(models.EFORBIDDEN, "登录请求来自其他网站，已拒绝"))
		return
	}
	name, next := strings.TrimSpace(c.PostForm("username")), safeNext(c.PostForm("next"))
	u, token, err := s.Login(c, name, c.PostForm("password"))
	if err != nil {
		v := view{Title: "登录", Error: models.ErrorMessage(err), Data: s.newLoginView(c, name, next)}
		s.render(c, httpx.Status(err), "login", v)
		return
	}
	setSessionCookie(c, token, int(store.TokenLifetime.Seconds()))
	s.Log.Info("page login", "user", u.Name)
	if next == "" {
		next = landingOf(u)
	}
	c.Redirect(http.StatusSeeOther, next)
}

func (s *Server) postLogout(c *gin.Context) {
	if err := s.Store.Logout(c, c.GetString(sessionKey)); err != nil {
		s.FailPage(c, err)
		return
	}
	setSessionCookie(c, "", -1)
	c.Redirect(http.StatusSeeOther, "/login")
}

// landing sends a user to the page that fits the role: uploaders to 数据导入,
// admins and reviewers to 总览.
func (s *Server) landing(c *gin.Context) {
	c.Redirect(http.StatusSeeOther, landingOf(httpx.CurrentUser(c)))
}

func landingOf(u models.User) string {
	if u.Role == models.RoleUploader {
		return "/imports"
	}
	return "/dashboard"
}

// safeNext keeps a post-login target only when it is an absolute path on
// this site: it starts with one "/" followed by neither "/" nor "\\", and
// holds no control character, space or backslash anywhere (browsers drop
// tabs and newlines from addresses, so "/\t/evil.example" would become
// "//evil.example", another site).
func safeNext(next string) string {
	if len(next) < 1 || next[0] != '/' || len(next) > 1 && (next[1] == '/' || next[1] == '\\') {
		return ""
	}
	for _, r := range next {
		if r <= ' ' || r == 0x7f || r == '\\' || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return ""
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return ""
	}
	return next
}

func sameHost(origin, host string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host == host
}

var roleNames = map[string]string{models.RoleAdmin: "管理员", models.RoleUploader: "填报员", models.RoleReviewer: "审阅人"}
