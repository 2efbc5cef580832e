package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// remapImportPage reads a preview's file again with the fields the office
// chose for its columns on the page, as a new preview (the old one is
// discarded), and remembers the choice for the unit's ledgers of the same
// layout. The form sends, per column, its field ("field:台账!C") and the
// field it had ("was:台账!C"); the columns already read by a mapping keep
// theirs unless changed.
func (s *Server) remapImportPage(c *gin.Context) {
	imp, err := s.viewableImport(c)
	var next *models.Import
	if err == nil {
		next, err = s.Ledgers.Remap(c, imp.ID, chosenMapping(c, imp.Columns), httpx.CurrentUser(c))
	}
	s.afterRemap(c, next, err, "remapped")
}

// forgetMappingPage forgets the reading remembered for a preview's layouts
// and reads its file again by labels and content.
func (s *Server) forgetMappingPage(c *gin.Context) {
	imp, err := s.viewableImport(c)
	var next *models.Import
	if err == nil {
		next, err = s.Ledgers.ForgetAndRemap(c, imp.ID, httpx.CurrentUser(c))
	}
	s.afterRemap(c, next, err, "forgotten")
}

func (s *Server) afterRemap(c *gin.Context, next *models.Import, err error, ok string) {
	if err != nil {
		s.FailPage(c, err)
		return
	}
	s.Log.Info("import "+ok, "id", next.ID, "user", httpx.CurrentUser(c).Name, "rows", next.RowsTotal)
	c.Redirect(http.StatusSeeOther, importURL(next.ID, ok))
}

// chosenMapping is the mapping the page's form states: the columns read by
// a mapping as they are, and every column whose field was changed.
func chosenMapping(c *gin.Context, cols []models.LedgerColumn) map[string]string {
	m := map[string]string{}
	for _, col := range cols {
		if col.By == models.ByMapping {
			m[col.Sheet+"!"+col.Column] = col.Field
		}
	}
	if err := c.Request.ParseForm(); err != nil {
		return m
	}
	for k, vs := range c.Request.PostForm {
		key, ok := strings.CutPrefix(k, "field:")
		if ok && len(vs) == 1 && vs[0] != c.PostForm("was:"+key) {
			m[key] = vs[0]
		}
	}
	return m
}
