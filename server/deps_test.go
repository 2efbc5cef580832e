package server_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestTheHTTPEdgeImportsNoDatabaseOrSpreadsheetLibrary: api, web, httpx
// and server reach the database through the store and workbooks through
// importer and reports, never GORM or excelize themselves; the API renders
// no HTML (the pages are package web).
func TestTheHTTPEdgeImportsNoDatabaseOrSpreadsheetLibrary(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}",
		"tracker/api", "tracker/web", "tracker/httpx", "tracker/server").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		for _, imp := range strings.Fields(imports) {
			if strings.HasPrefix(imp, "gorm.io/") || strings.HasPrefix(imp, "github.com/xuri/excelize") ||
				pkg == "tracker/api" && imp == "html/template" {
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
	}
}
