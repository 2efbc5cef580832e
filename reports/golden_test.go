package reports

import (
	"bytes"
	"testing"
)

// writeReport builds and writes the report for in.
func writeReport(t testing.TB, in Input) (*Report, []byte) {
	t.Helper()
	r := Build(in)
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return r, buf.Bytes()
}

func TestGoldenQuarterly(t *testing.T) {
	_, data := writeReport(t, testInput(6, 2))
	checkGolden(t, "quarterly_2024Q2.golden.txt", dumpWorkbook(t, data))
}

func TestGoldenMonthly(t *testing.T) {
	_, data := writeReport(t, testInput(5, 0))
	checkGolden(t, "monthly_2024M05.golden.txt", dumpWorkbook(t, data))
}
