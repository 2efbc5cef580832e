package api

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPIDoc is the OpenAPI 3 description of /healthz and every /api/v1
// route. TestOpenAPIConformance checks real answers of every route against
// it and fails when a route has no path in it.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves the description (with the registry's fields, see
// servedOpenAPI); it needs no login, so other systems can
// generate their clients from it.
func openAPI(c *gin.Context) {
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "application/json; charset=utf-8", servedOpenAPI)
}

type versionBody struct {
	Version string `json:"version"`
}

// version answers the build's version (set with -ldflags "-X main.version=…",
// "dev" otherwise); it needs no login.
func (s *Server) getVersion(c *gin.Context) {
	v := s.version
	if v == "" {
		v = "dev"
	}
	c.JSON(http.StatusOK, versionBody{Version: v})
}
