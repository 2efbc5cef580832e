package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

const userKey = "user"

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
		s.fail(c, models.Errorf(models.EINVALID, "请求格式不对：需要 JSON {\"username\": \"…\", \"password\": \"…\"}"))
		return
	}
	u, token, err := s.checkedLogin(c, req.Username, req.Password)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, loginResponse{Token: token, User: u})
}

// checkedLogin logs in unless the account or the client address has failed
// too often lately (429); the pages use it too.
func (s *Server) checkedLogin(c *gin.Context, name, password string) (models.User, string, error) {
	account, address := "u:"+name, "a:"+c.ClientIP()
	for _, t := range []*throttle{s.accountLogins, s.addressLogins} {
		key := account
		if t == s.addressLogins {
			key = address
		}
		if blocked, wait := t.blocked(key); blocked {
			return models.User{}, "", models.Errorf(models.ETOOMANY, "登录失败次数过多，请 %d 分钟后再试", int(wait.Minutes())+1)
		}
	}
	u, token, err := s.store.Login(c, name, password)
	if models.ErrorCode(err) == models.EUNAUTHORIZED {
		s.accountLogins.fail(account)
		s.addressLogins.fail(address)
	} else if err == nil {
		s.accountLogins.reset(account)
	}
	return u, token, err
}

func (s *Server) logout(c *gin.Context) {
	if err := s.store.Logout(c, bearer(c)); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) me(c *gin.Context) { c.JSON(http.StatusOK, currentUser(c)) }

// authenticate admits requests with a valid bearer token.
func (s *Server) authenticate(c *gin.Context) {
	u, err := s.store.UserByToken(c, bearer(c))
	if err != nil {
		c.Header("WWW-Authenticate", `Bearer realm="tracker"`)
		s.fail(c, err)
		return
	}
	c.Set(userKey, u)
	c.Next()
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
		if !allowed(currentUser(c)) {
			s.fail(c, models.Errorf(models.EFORBIDDEN, "您的账号没有此操作的权限"))
			return
		}
		c.Next()
	}
}

func currentUser(c *gin.Context) models.User {
	u, _ := c.Get(userKey)
	user, _ := u.(models.User)
	return user
}

// tokens lists the caller's own tokens (never the tokens themselves).
func (s *Server) tokens(c *gin.Context) {
	list, err := s.store.Tokens(c, currentUser(c).ID, bearer(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

// revokeToken ends one of the caller's own tokens, e.g. one left on a
// shared computer.
func (s *Server) revokeToken(c *gin.Context) {
	if err := s.store.RevokeToken(c, currentUser(c).ID, c.Param("id")); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
