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
	_, data := writeReport(t, withBases(testInput(6, 2)))
	checkGolden(t, "quarterly_2024Q2.golden.txt", dumpWorkbook(t, data))
}

func TestGoldenMonthly(t *testing.T) {
	_, data := writeReport(t, testInput(5, 0))
	checkGolden(t, "monthly_2024M05.golden.txt", dumpWorkbook(t, data))
}

// projectListInput is the test portfolio as a project list as of month m.
func projectListInput(m int) ProjectListInput {
	in := testInput(m, 0)
	return ProjectListInput{Title: "2024年市重大项目清单", Projects: in.Projects, Month: in.Month, Config: in.Config, Generated: in.Generated}
}

func TestGoldenProjectList(t *testing.T) {
	var buf bytes.Buffer
	if err := ProjectList(&buf, projectListInput(6)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "project_list_2024M06.golden.txt", dumpWorkbook(t, buf.Bytes()))
}
