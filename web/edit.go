package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// postProjectEdit applies a hand correction from the project page: the
// fields filled in, for the chosen month. It is kept as an import of kind
// 手工修改, so it shows in the history with who and why, and can be
// reverted like an upload.
func (s *Server) postProjectEdit(c *gin.Context) {
	code := models.NormalizeCode(c.Param("code"))
	e, err := editForm(c)
	var imp *models.Import
	if err == nil {
		imp, err = s.Store.EditProject(c, code, e, httpx.CurrentUser(c))
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	s.Log.Info("project edited", "code", code, "user", httpx.CurrentUser(c).Name, "import", imp.ID)
	c.Redirect(http.StatusSeeOther, importURL(imp.ID, "edited"))
}

// editForm reads the edit form: 报告期 is required, every other field only
// when filled in, and a reason.
func editForm(c *gin.Context) (models.Edit, error) {
	var e models.Edit
	period, err := models.ParseMonth(c.PostForm("period"))
	if err != nil {
		return e, models.Errorf(models.EINVALID, "请选择修改所属的报告期")
	}
	e.Period = period
	for _, d := range models.EditableFields() {
		raw := strings.TrimSpace(c.PostForm(d.Name))
		if raw == "" {
			continue
		}
		v, err := models.ParseInput(d, raw)
		if err == nil {
			err = e.Put(d.Field, v)
		}
		if err != nil {
			return e, err
		}
	}
	e.Note = models.TrimText(c.PostForm("note"))
	if e.Empty() {
		return e, models.Errorf(models.EINVALID, "没有填写要修改的内容")
	}
	if e.Note == "" {
		return e, models.Errorf(models.EINVALID, "请填写修改原因，便于日后核对")
	}
	return e, nil
}
