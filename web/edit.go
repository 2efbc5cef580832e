package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// postProjectEdit applies a hand correction from the project page: the
// fields filled in, for the chosen month. It is kept as an import of kind
// 手工修改, so it shows in the history with who and why, and can be
// reverted like an upload. A district uploader's edit, while review is
// on, waits in 待审核 for the office instead (ledgers.Service.Edit). A value that cannot be saved brings the page
// back with the form as typed and the message beside its field.
func (s *Server) postProjectEdit(c *gin.Context) {
	code := models.NormalizeCode(c.Param("code"))
	form := typedEdit(c)
	e, err := editForm(form)
	var imp *models.Import
	if err == nil {
		imp, err = s.Ledgers.Edit(c, code, e, httpx.CurrentUser(c))
	}
	if err != nil {
		s.refuseEdit(c, code, form, err)
		return
	}
	s.Log.Info("project edited", "code", code, "user", httpx.CurrentUser(c).Name, "import", imp.ID, "status", imp.Status)
	ok := "edited"
	if imp.Status == models.StatusSubmitted {
		ok = "edit_sent"
	}
	c.Redirect(http.StatusSeeOther, importURL(imp.ID, ok))
}

// refuseEdit shows the project page again for a value the edit cannot
// take (EINVALID, or ECONFLICT such as a locked quarter), with its status;
// anything else (no such project, not allowed) is an error page.
func (s *Server) refuseEdit(c *gin.Context, code string, form editState, err error) {
	if k := models.ErrorCode(err); k != models.EINVALID && k != models.ECONFLICT {
		s.FailPage(c, err)
		return
	}
	m, perr := models.ParseMonth(form.Period)
	if perr != nil || !m.Valid() {
		if m, perr = s.AsOfMonth(c); perr != nil {
			s.FailPage(c, err)
			return
		}
	}
	form.Field, form.Message = models.ErrorField(err), models.ErrorMessage(err)
	v, verr := s.projectData(c, code, m)
	if verr != nil {
		s.FailPage(c, verr)
		return
	}
	v.Form = form
	s.render(c, httpx.Status(err), "project", view{Title: v.P.Name, Nav: "projects", Error: "未保存：" + form.Message, Data: v})
}

// editState is the edit form as the user filled it in, and the message of
// the value that could not be saved: Field is the API name of its field
// ("" when it concerns the whole edit).
type editState struct {
	Period  string
	Values  map[string]string // by field name, as typed
	Note    string
	Field   string
	Message string
}

// Value is what the user typed into a field.
func (f editState) Value(name string) string { return f.Values[name] }

// ErrorFor is the message to show beside a field, "" for none.
func (f editState) ErrorFor(name string) string {
	if f.Field == name {
		return f.Message
	}
	return ""
}

// Failed reports whether the form comes back with a message.
func (f editState) Failed() bool { return f.Message != "" }

func typedEdit(c *gin.Context) editState {
	f := editState{Period: strings.TrimSpace(c.PostForm("period")), Note: c.PostForm("note"), Values: map[string]string{}}
	for _, d := range models.EditableFields() {
		if raw := strings.TrimSpace(c.PostForm(d.Name)); raw != "" {
			f.Values[d.Name] = raw
		}
	}
	return f
}

// editForm reads the edit form: 报告期 is required, every other field only
// when filled in, and a reason.
func editForm(f editState) (models.Edit, error) {
	var e models.Edit
	period, err := models.ParseMonth(f.Period)
	if err != nil {
		return e, models.FieldErrorf("period", models.EINVALID, "请选择修改所属的报告期")
	}
	e.Period = period
	for _, d := range models.EditableFields() {
		raw, ok := f.Values[d.Name]
		if !ok {
			continue
		}
		v, err := models.ParseInput(d, raw)
		if err == nil {
			err = e.Put(d.Field, v)
		}
		if err != nil {
			return e, onField(d.Name, err)
		}
	}
	e.Note = models.TrimText(f.Note)
	if e.Empty() {
		return e, models.Errorf(models.EINVALID, "没有填写要修改的内容")
	}
	if e.Note == "" {
		return e, models.FieldErrorf("note", models.EINVALID, "请填写修改原因，便于日后核对")
	}
	return e, nil
}

// onField names the field of an error about one field's value.
func onField(name string, err error) error {
	var me *models.Error
	if errors.As(err, &me) && me.Field == "" {
		return models.FieldErrorf(name, me.Code, "%s", me.Message)
	}
	return err
}
