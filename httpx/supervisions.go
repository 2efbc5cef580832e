package httpx

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// SupervisionID reads the :id of a 督办 item.
func SupervisionID(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, models.Errorf(models.EINVALID, "督办事项编号“%s”无效", c.Param("id"))
	}
	return id, nil
}

// SupervisionFilter reads the 督办 list's filters, shared by the API and
// the pages: ?status= (open, replied, closed or their Chinese labels),
// ?unit= (a reporting unit by any spelling), ?code= (a project) and
// ?overdue= (1/true only the overdue, 0/false only those in time).
func (e *Env) SupervisionFilter(c *gin.Context) (models.SupervisionFilter, error) {
	var f models.SupervisionFilter
	var err error
	if f.Status, err = models.ParseSupervisionStatus(c.Query("status")); err != nil {
		return f, err
	}
	if f.Unit, err = e.District(c, "unit"); err != nil {
		return f, err
	}
	f.Code = models.NormalizeCode(c.Query("code"))
	switch v := strings.TrimSpace(c.Query("overdue")); v {
	case "":
	case "1", "true", "是":
		yes := true
		f.Overdue = &yes
	case "0", "false", "否":
		no := false
		f.Overdue = &no
	default:
		return f, models.Errorf(models.EINVALID, "参数 overdue 应为 1（只看逾期）或 0（只看未逾期），不是“%s”", v)
	}
	return f, nil
}
