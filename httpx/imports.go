package httpx

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"tracker/models"
	"tracker/models/store"
)

// ImportID reads the :id path parameter of an import (a positive integer).
func ImportID(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, models.Errorf(models.EINVALID, "导入编号“%s”无效", c.Param("id"))
	}
	return id, nil
}

// Import reads the :id import.
func (e *Env) Import(c *gin.Context) (*store.Import, error) {
	id, err := ImportID(c)
	if err != nil {
		return nil, err
	}
	return e.Store.Import(c, id)
}

// MayChange allows admins any import and uploaders the imports they sent
// that touch only their own unit.
func MayChange(u models.User, imp *store.Import) error {
	if u.IsAdmin() {
		return nil
	}
	denied := models.Errorf(models.EFORBIDDEN, "您只能提交或撤销本单位（%s）自己上传的导入", u.District)
	if u.Role != models.RoleUploader || imp.User != u.Name {
		return denied
	}
	for _, d := range imp.Districts {
		if !u.CanWriteDistrict(d) {
			return denied
		}
	}
	return nil
}

// MayView allows admins and reviewers every import, and a district
// uploader those it sent or that touched its unit.
func MayView(u models.User, imp *store.Import) bool {
	if u.Role != models.RoleUploader || imp.User == u.Name {
		return true
	}
	for _, d := range imp.Districts {
		if d == u.District {
			return true
		}
	}
	return false
}
