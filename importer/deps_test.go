package importer

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestImporterKnowsNoHTTPOrDatabase: the importer must not depend on gin
// or gorm, directly or not.
func TestImporterKnowsNoHTTPOrDatabase(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "gorm.io/") || strings.HasPrefix(dep, "github.com/gin-gonic/") {
			t.Errorf("importer depends on %s", dep)
		}
	}
}

// TestPeerLedger reads the peer benchmark's own 530-row ledger when it is
// there (shared/bench/run.sh writes it); peer_shape.xlsx always stands in.
func TestPeerLedger(t *testing.T) {
	data, err := os.ReadFile("/tmp/peerbench/data/ledger_530_sst.xlsx")
	if err != nil {
		t.Skip("no peer ledger")
	}
	l, err := Read(data, Options{FileName: "ledger_530_sst.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Records.Len() != 530 || l.RowsTotal != 530 || l.Period != 202410 {
		t.Errorf("got %d records of %d rows, period %v; want 530, 530, 2024-10", l.Records.Len(), l.RowsTotal, l.Period)
	}
	for _, p := range l.Problems {
		if p.Severity == SeverityError {
			t.Errorf("error: %s", p.Message)
		}
	}
}
