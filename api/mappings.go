package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// listMappings lists the remembered readings of header layouts the caller
// may see.
func (s *Server) listMappings(c *gin.Context) {
	ms, err := s.Ledgers.Mappings(c, httpx.CurrentUser(c))
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": ms})
}

// forgetMapping deletes one remembered reading (204).
func (s *Server) forgetMapping(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		err = models.Errorf(models.EINVALID, "列对应关系编号“%s”无效", c.Param("id"))
	} else {
		err = s.Ledgers.Forget(c, id, httpx.CurrentUser(c))
	}
	if err != nil {
		s.Fail(c, err)
		return
	}
	s.Log.Info("column mapping forgotten", "id", id, "user", httpx.CurrentUser(c).Name)
	c.Status(http.StatusNoContent)
}
