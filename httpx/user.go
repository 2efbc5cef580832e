package httpx

import (
	"github.com/gin-gonic/gin"

	"tracker/models"
)

// userKey holds the signed-in user in the gin context.
const userKey = "user"

// SetUser records the request's signed-in user (a bearer token's or a
// page session's).
func SetUser(c *gin.Context, u models.User) { c.Set(userKey, u) }

// SignedIn is the request's signed-in user, and false before
// authentication.
func SignedIn(c *gin.Context) (models.User, bool) {
	v, _ := c.Get(userKey)
	u, ok := v.(models.User)
	return u, ok
}

// CurrentUser is the request's signed-in user, the zero User (no name, no
// role) before authentication.
func CurrentUser(c *gin.Context) models.User {
	u, _ := SignedIn(c)
	return u
}
