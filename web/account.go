package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// passwordPath is the page where users change their own password.
const passwordPath = "/account/password"

// requireOwnPassword sends a user whose password someone else chose to
// the password page before any other page; signing out stays possible.
func (s *Server) requireOwnPassword(c *gin.Context) {
	p := c.Request.URL.Path
	if !httpx.CurrentUser(c).MustChangePassword || p == passwordPath || p == "/logout" || strings.HasPrefix(p, "/static/") {
		c.Next()
		return
	}
	c.Redirect(http.StatusSeeOther, passwordPath)
	c.Abort()
}

func (s *Server) passwordPage(c *gin.Context) {
	s.render(c, http.StatusOK, "password", view{Title: "修改密码"})
}

func (s *Server) postPassword(c *gin.Context) {
	err := s.ChangeOwnPassword(c, c.PostForm("old_password"), c.PostForm("new_password"), c.PostForm("confirm_password"), c.GetString(sessionKey))
	if err != nil {
		s.render(c, httpx.Status(err), "password", view{Title: "修改密码", Error: models.ErrorMessage(err)})
		return
	}
	c.Redirect(http.StatusSeeOther, "/dashboard?ok=own_password")
}
