package server

import "github.com/gin-gonic/gin"

// Engine lets the tests of package server_test add a route (one that
// panics) to the server's engine.
func (s *Server) Engine() *gin.Engine { return s.engine }
