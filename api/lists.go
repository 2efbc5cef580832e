package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// listYear reads the :year of a list route.
func listYear(c *gin.Context) (int, error) {
	y, err := strconv.Atoi(c.Param("year"))
	if err != nil || !models.MonthOf(y, 1).Valid() {
		return 0, models.Errorf(models.EINVALID, "年度“%s”无效", c.Param("year"))
	}
	return y, nil
}

// getList answers a year's list: its projects with their class and months
// on it, and the changes made to it during the year.
func (s *Server) getList(c *gin.Context) {
	year, err := listYear(c)
	var items []models.ListItem
	var changes []models.ListChange
	if err == nil {
		items, err = s.Store.ListItems(c, year)
	}
	if err == nil {
		changes, err = s.Store.ListChanges(c, year, "")
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"year": year, "items": items, "changes": changes})
}

// postListChange makes one change of a year's list (admins): JSON
// {"code", "action": "add"|"remove"|"implement", "effective": "YYYY-MM",
// "reason"}; it answers the import that records it (revertible).
func (s *Server) postListChange(c *gin.Context) {
	year, err := listYear(c)
	var body struct {
		Code      string       `json:"code"`
		Action    string       `json:"action"`
		Effective models.Month `json:"effective"`
		Reason    string       `json:"reason"`
	}
	if err == nil {
		if err = c.ShouldBindJSON(&body); err != nil && models.ErrorCode(err) != models.EINVALID {
			err = models.Errorf(models.EINVALID, `请求格式不对：需要 JSON，如 {"code": "…", "action": "remove", "effective": "2024-07", "reason": "…"}`)
		}
	}
	var imp *models.Import
	if err == nil {
		action, _ := models.ParseListAction(body.Action)
		ch := models.ListChange{Code: models.NormalizeCode(body.Code), Action: action, Effective: body.Effective, Reason: models.TrimText(body.Reason)}
		if action == "" {
			ch.Action = models.ListAction(body.Action)
		}
		imp, err = s.Store.ChangeList(c, year, ch, httpx.CurrentUser(c))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, imp)
}

// acceptAdditions accepts rows of a preview that are not on the year's
// list as 增补 (admins): JSON {"codes": [...] or ["*"], "reason"}; it
// answers the preview planned again.
func (s *Server) acceptAdditions(c *gin.Context) {
	id, err := httpx.ImportID(c)
	var body struct {
		Codes  []string `json:"codes"`
		Reason string   `json:"reason"`
	}
	if err == nil {
		if err = c.ShouldBindJSON(&body); err != nil && models.ErrorCode(err) != models.EINVALID {
			err = models.Errorf(models.EINVALID, `请求格式不对：需要 JSON，如 {"codes": ["2406-370303-04-01-000123"], "reason": "…"}`)
		}
	}
	var imp *models.Import
	if err == nil {
		imp, err = s.Ledgers.Accept(c, id, httpx.CurrentUser(c), models.ParseCodes(strings.Join(body.Codes, ",")), body.Reason)
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, imp)
}

// rollover starts year+1's list from year's (admins): it answers the
// preview of the list import it makes, for the office to review and commit.
func (s *Server) rollover(c *gin.Context) {
	year, err := listYear(c)
	var imp *models.Import
	if err == nil {
		imp, err = s.Ledgers.Rollover(c, year, httpx.CurrentUser(c))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, imp)
}
