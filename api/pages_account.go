package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// passwordPath is the page where users change their own password.
const passwordPath = "/account/password"

// requireOwnPassword sends a user whose password someone else chose to
// the password page before any other page; signing out stays possible.
func (s *Server) requireOwnPassword(c *gin.Context) {
	p := c.Request.URL.Path
	if !currentUser(c).MustChangePassword || p == passwordPath || p == "/logout" || strings.HasPrefix(p, "/static/") {
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
	err := s.changeOwnPassword(c, c.PostForm("old_password"), c.PostForm("new_password"), c.PostForm("confirm_password"), c.GetString(sessionKey))
	if err != nil {
		s.render(c, statusOfErr(err), "password", view{Title: "修改密码", Error: models.ErrorMessage(err)})
		return
	}
	c.Redirect(http.StatusSeeOther, "/dashboard?ok=own_password")
}

type passwordRequest struct {
	OldPassword string `json:"old_password"`
	NewPassword string `json:"new_password"`
}

// changePassword is the API's self-service password change.
func (s *Server) changePassword(c *gin.Context) {
	var req passwordRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		s.fail(c, models.Errorf(models.EINVALID, "请求格式不对：需要 JSON {\"old_password\": \"…\", \"new_password\": \"…\"}"))
		return
	}
	if err := s.changeOwnPassword(c, req.OldPassword, req.NewPassword, req.NewPassword, bearer(c)); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// changeOwnPassword changes the caller's password, keeping the token of
// this request valid and revoking the others.
func (s *Server) changeOwnPassword(c *gin.Context, old, new, confirm, keep string) error {
	if new != confirm {
		return models.Errorf(models.EINVALID, "两次输入的新密码不一致")
	}
	return s.store.ChangePassword(c, currentUser(c).ID, old, new, keep)
}
