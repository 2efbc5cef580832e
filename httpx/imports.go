package httpx

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// ImportID reads the :id path parameter of an import (a positive integer).
func ImportID(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, models.Errorf(models.EINVALID, "导入编号“%s”无效", c.Param("id"))
	}
	return id, nil
}

// Import reads the :id import, if the signed-in user may see it.
func (e *Env) Import(c *gin.Context) (*models.Import, error) {
	id, err := ImportID(c)
	if err != nil {
		return nil, err
	}
	return e.Ledgers.Get(c, id, CurrentUser(c))
}

// ImportHead reads the :id import without its changes (ledgers.Head), if
// the signed-in user may see it.
func (e *Env) ImportHead(c *gin.Context) (*models.Import, error) {
	id, err := ImportID(c)
	if err != nil {
		return nil, err
	}
	return e.Ledgers.Head(c, id, CurrentUser(c))
}
