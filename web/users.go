package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// usersView is 用户管理 (admins only): every user with forms to set the role
// and unit, reset the password and disable or enable, and a form to add one.
type usersView struct {
	Users  []models.User
	Units  []models.Unit
	Roles  []roleOption
	Me     string
	Blocks []httpx.Block // who must wait before the next login attempt
	// PerAccount and PerAddress are the throttles' limits, for the hint.
	PerAccount, PerAddress int
	// Form is the add form as typed when it comes back refused (the
	// password is never sent back).
	Form models.User
}

type roleOption struct{ Value, Label string }

var roleOptions = []roleOption{
	{models.RoleUploader, "填报员（上传本单位台账）"},
	{models.RoleReviewer, "审阅人（只读和下载）"},
	{models.RoleAdmin, "管理员（全部权限）"},
}

func (s *Server) usersPage(c *gin.Context) { s.renderUsers(c, http.StatusOK, "", models.User{}) }

// renderUsers shows 用户管理, with an error and the add form as typed
// after a refused change.
func (s *Server) renderUsers(c *gin.Context, status int, errMsg string, form models.User) {
	users, err := s.Store.Users(c)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	units, err := s.Store.Units(c)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	lim := s.Logins.Limits()
	v := usersView{Users: users, Units: units, Roles: roleOptions, Me: httpx.CurrentUser(c).Name, Blocks: s.Logins.Blocks(),
		PerAccount: lim.PerAccount, PerAddress: lim.PerAddress, Form: form}
	s.render(c, status, "users", view{Title: "用户管理", Nav: "users", Error: errMsg, Data: v})
}

// userDone redirects after a change, or shows the list again with the
// error in Chinese.
func (s *Server) userDone(c *gin.Context, err error, ok string) {
	s.userDoneForm(c, err, ok, models.User{})
}

// userDoneForm is userDone for the add form, which comes back as typed.
func (s *Server) userDoneForm(c *gin.Context, err error, ok string, form models.User) {
	if err != nil {
		s.renderUsers(c, httpx.Status(err), models.ErrorMessage(err), form)
		return
	}
	s.Log.Info("user changed", "by", httpx.CurrentUser(c).Name, "what", ok, "id", c.Param("id"))
	c.Redirect(http.StatusSeeOther, "/users?ok="+ok)
}

func (s *Server) postUser(c *gin.Context) {
	// The admin chose the first password, so its owner must change it.
	u := models.User{Name: strings.TrimSpace(c.PostForm("name")), Role: c.PostForm("role"), District: c.PostForm("district"),
		MustChangePassword: true}
	if u.Role != models.RoleUploader {
		u.District = ""
	}
	_, err := s.Store.CreateUser(c, u, c.PostForm("password"))
	s.userDoneForm(c, err, "created", models.User{Name: u.Name, Role: u.Role, District: c.PostForm("district")})
}

func (s *Server) postUserRole(c *gin.Context) {
	id, err := userID(c)
	if err == nil {
		err = s.Store.SetUserRole(c, id, c.PostForm("role"), c.PostForm("district"))
	}
	s.userDone(c, err, "role")
}

func (s *Server) postUserPassword(c *gin.Context) {
	id, err := userID(c)
	if err == nil {
		err = s.Store.ResetPassword(c, id, c.PostForm("password"))
	}
	s.userDone(c, err, "password")
}

// postUserDisabled disables (disabled=1) or enables a user; admins cannot
// disable themselves, which would end their own session mid-task.
func (s *Server) postUserDisabled(c *gin.Context) {
	id, err := userID(c)
	disable := c.PostForm("disabled") == "1"
	if err == nil && disable && id == httpx.CurrentUser(c).ID {
		err = models.Errorf(models.ECONFLICT, "不能停用自己正在使用的账号")
	}
	if err == nil {
		err = s.Store.SetUserDisabled(c, id, disable)
	}
	ok := "enabled"
	if disable {
		ok = "disabled"
	}
	s.userDone(c, err, ok)
}

func userID(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, models.Errorf(models.EINVALID, "用户编号“%s”无效", c.Param("id"))
	}
	return id, nil
}

// postLoginBlock clears one login block of the list on 用户管理.
func (s *Server) postLoginBlock(c *gin.Context) {
	account, address := c.PostForm("account"), c.PostForm("address")
	var err error
	if account == "" && address == "" {
		err = models.Errorf(models.EINVALID, "请指定要解除限制的用户名或客户端地址")
	} else {
		s.Logins.Clear(account, address)
	}
	s.userDone(c, err, "unblocked")
}
