package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

type loginResponse struct {
	Token string      `json:"token"`
	User  models.User `json:"user"`
}

func (s *Server) login(c *gin.Context) {
	var req loginRequest
	if err := c.ShouldBindJSON(&req); err != nil || req.Username == "" {
		s.Fail(c, models.Errorf(models.EINVALID, "请求格式不对：需要 JSON {\"username\": \"…\", \"password\": \"…\"}"))
		return
	}
	u, token, err := s.Login(c, req.Username, req.Password)
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, loginResponse{Token: token, User: u})
}

type passwordRequest struct {
	OldPassword string `json:"old_password"`
	NewPassword string `json:"new_password"`
}

// changePassword is the API's self-service password change.
func (s *Server) changePassword(c *gin.Context) {
	var req passwordRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		s.Fail(c, models.Errorf(models.EINVALID, "请求格式不对：需要 JSON {\"old_password\": \"…\", \"new_password\": \"…\"}"))
		return
	}
	if err := s.ChangeOwnPassword(c, req.OldPassword, req.NewPassword, req.NewPassword, bearer(c)); err != nil {
		s.Fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) logout(c *gin.Context) {
	if err := s.Store.Logout(c, bearer(c)); err != nil {
		s.Fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) me(c *gin.Context) { c.JSON(http.StatusOK, httpx.CurrentUser(c)) }

// authenticate admits requests with a valid bearer token. A user whose
// password someone else chose (models.User.MustChangePassword) may only
// change it, see who they are, and log out, until they have changed it.
func (s *Server) authenticate(c *gin.Context) {
	u, err := s.Store.UserByToken(c, bearer(c))
	if err != nil {
		c.Header("WWW-Authenticate", `Bearer realm="tracker"`)
		s.Fail(c, err)
		return
	}
	httpx.SetUser(c, u)
	if u.MustChangePassword && !beforeOwnPassword[c.Request.Method+" "+c.FullPath()] {
		s.Fail(c, models.Errorf(models.EFORBIDDEN, "您的密码是别人设置的，请先用 POST /api/v1/me/password 修改密码后再使用其他功能"))
		return
	}
	c.Next()
}

// beforeOwnPassword are the routes a user who must change their password
// may call before doing so.
var beforeOwnPassword = map[string]bool{
	"POST /api/v1/me/password": true, "GET /api/v1/me": true, "POST /api/v1/logout": true,
}

func bearer(c *gin.Context) string {
	h := c.GetHeader("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "Bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// require admits users for whom allowed says yes.
func (s *Server) require(allowed func(models.User) bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !allowed(httpx.CurrentUser(c)) {
			s.Fail(c, models.Errorf(models.EFORBIDDEN, "您的账号没有此操作的权限"))
			return
		}
		c.Next()
	}
}

// tokens lists the caller's own tokens (never the tokens themselves).
func (s *Server) tokens(c *gin.Context) {
	list, err := s.Store.Tokens(c, httpx.CurrentUser(c).ID, bearer(c))
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

// revokeToken ends one of the caller's own tokens, e.g. one left on a
// shared computer.
func (s *Server) revokeToken(c *gin.Context) {
	if err := s.Store.RevokeToken(c, httpx.CurrentUser(c).ID, c.Param("id")); err != nil {
		s.Fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// loginBlocks lists the account and address pairs, and the addresses, that
// must wait before their next login attempt (admins).
func (s *Server) loginBlocks(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"items": s.Logins.Blocks()})
}

// clearLoginBlocks forgets the failed logins of ?account= (from every
// address, or only ?address=) or of ?address= alone (admins).
func (s *Server) clearLoginBlocks(c *gin.Context) {
	account, address := c.Query("account"), c.Query("address")
	if account == "" && address == "" {
		s.Fail(c, models.Errorf(models.EINVALID, "请指定 account（用户名）或 address（客户端地址）"))
		return
	}
	n := s.Logins.Clear(account, address)
	s.Log.Info("login blocks cleared", "by", httpx.CurrentUser(c).Name, "account", account, "address", address, "entries", n)
	c.JSON(http.StatusOK, gin.H{"cleared": n})
}
