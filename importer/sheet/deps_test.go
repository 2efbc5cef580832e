package sheet

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportsNothingOfTheModule: the readers stand alone, so the ledger
// rules can change without touching the byte parsing, and the other way.
func TestImportsNothingOfTheModule(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "tracker/") && dep != "tracker/importer/sheet" {
			t.Errorf("importer/sheet depends on %s", dep)
		}
	}
}
