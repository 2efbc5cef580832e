package models

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestTheDomainKnowsNoDatabaseSpreadsheetOrHTTP: models is the domain
// every other package shares, so it depends on neither GORM, excelize nor
// gin, directly or not (issue 11).
func TestTheDomainKnowsNoDatabaseSpreadsheetOrHTTP(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("go list: %v", err)
		}
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "gorm.io/") || strings.HasPrefix(dep, "github.com/xuri/excelize") || strings.HasPrefix(dep, "github.com/gin-gonic/") {
			t.Errorf("models depends on %s", dep)
		}
	}
}
