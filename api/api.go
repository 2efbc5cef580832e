// Package api serves the tracker's JSON API (/api/v1, /healthz and the
// OpenAPI description) with Gin. Handlers stay thin: they parse, call the
// store or a pure package once, and respond; errors become HTTP statuses
// through the one table in httpx. The pages are package web; package
// server registers both on one engine.
package api

import (
	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// Server holds the API's handlers on what they share with the pages.
type Server struct {
	*httpx.Env
	version string // answered by /api/v1/version; "dev" when empty
}

// New makes the API's handlers on env; version is the build's.
func New(env *httpx.Env, version string) *Server { return &Server{Env: env, version: version} }

// Register adds every API route and who may call it.
func (s *Server) Register(r *gin.Engine) {
	r.GET("/healthz", s.health)
	r.GET("/api/openapi.json", openAPI)

	v1 := r.Group("/api/v1")
	v1.POST("/login", s.login)
	v1.GET("/version", s.getVersion)
	read := v1.Group("", s.authenticate, s.require(models.User.CanRead), s.HeavyWork(s.Fail))
	read.POST("/logout", s.logout)
	read.GET("/me", s.me)
	read.POST("/me/password", s.changePassword)
	read.GET("/tokens", s.tokens)
	read.DELETE("/tokens/:id", s.revokeToken)
	read.GET("/projects", s.listProjects)
	read.GET("/projects.xlsx", s.ProjectsWorkbook)
	read.GET("/projects/:code", s.getProject)
	read.GET("/rates", s.rates)
	read.GET("/units", s.units)
	read.GET("/imports", s.listImports)
	read.GET("/imports/:id", s.getImport)
	read.GET("/imports/:id/file", s.ImportFile)
	read.GET("/reports/quarterly.xlsx", s.QuarterlyReport)
	read.GET("/reports/quarterly.docx", s.QuarterlyNotice)
	read.GET("/submissions", s.submissions)
	read.GET("/template.xlsx", s.Template)
	read.GET("/imports/:id/problems.xlsx", s.ProblemsWorkbook)
	read.GET("/locks", s.listLocks)
	read.GET("/lists/:year", s.getList)
	read.GET("/mappings", s.listMappings)
	read.GET("/supervisions", s.listSupervisions)
	read.GET("/supervisions/:id", s.getSupervision)

	write := read.Group("", s.require(models.User.CanImport))
	write.POST("/imports", s.postImport)
	write.POST("/imports/:id/commit", s.commitImport)
	write.POST("/imports/:id/revert", s.revertImport)
	write.POST("/imports/:id/discard", s.discardImport)
	write.POST("/imports/:id/withdraw", s.withdrawImport)
	write.PATCH("/projects/:code", s.editProject)
	write.DELETE("/mappings/:id", s.forgetMapping)
	write.POST("/supervisions/:id/reply", s.superviseStep(models.SuperviseReply))

	admin := read.Group("", s.require(models.User.IsAdmin))
	admin.GET("/audit", s.audit)
	admin.GET("/audit.xlsx", s.AuditWorkbook)
	admin.POST("/locks", s.lockQuarter)
	admin.DELETE("/locks", s.lockQuarter)
	admin.POST("/lists/:year/changes", s.postListChange)
	admin.POST("/lists/:year/rollover", s.rollover)
	admin.POST("/imports/:id/additions", s.acceptAdditions)
	admin.POST("/imports/:id/approve", s.approveImport)
	admin.POST("/imports/:id/return", s.returnImport)
	admin.POST("/supervisions", s.openSupervision)
	admin.POST("/supervisions/:id/close", s.superviseStep(models.SuperviseClose))
	admin.POST("/supervisions/:id/reopen", s.superviseStep(models.SuperviseReopen))
	admin.GET("/login-blocks", s.loginBlocks)
	admin.DELETE("/login-blocks", s.clearLoginBlocks)
}
