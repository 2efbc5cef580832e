package reports

import (
	"os"
	"testing"
)

func TestScratchWrite(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	_, data := writeReport(t, testInput(6, 2))
	os.WriteFile("/tmp/rep/q2.xlsx", data, 0o644)
}
