package reports_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/importer"
	"tracker/models"
	"tracker/reports"
)

// Issue #3: what the tracker exports must read back through its own
// importer with no problems and as exactly the same records. These tests
// are in the external package because reports must not import importer.

// record is what a read-back row must say about a project.
type record struct {
	Code, Name, District, Unit, Category, Level string
	Nature                                      models.Nature
	Total, Plan, Completed                      models.Money
	Planned, Actual                             models.Month
}

// allFields are the fields every export states, so a read back with them
// all in Record.Has proves each header is one of the importer's spellings.
const allFields = importer.FieldName | importer.FieldDistrict | importer.FieldUnit | importer.FieldNature |
	importer.FieldCategory | importer.FieldLevel | importer.FieldTotalInvestment | importer.FieldAnnualPlan |
	importer.FieldCompletedYTD | importer.FieldPlannedStart | importer.FieldActualStart

// want is the record a project must read back as, as of m; planned is the
// planned start the export shows.
func want(p *models.Project, m models.Month, planned models.Month) record {
	done, _ := p.CompletedAsOf(m)
	return record{p.Code, p.Name, p.District, p.Unit, p.Category, p.Level, p.Nature,
		p.TotalInvestment, p.AnnualPlan, done, planned, p.ActualStart}
}

func got(r importer.Record) record {
	return record{r.Code, r.Name, r.District, r.Unit, r.Category, r.Level, r.Nature,
		r.TotalInvestment, r.AnnualPlan, r.CompletedYTD, r.PlannedStart, r.ActualStart}
}

// readBack reads an export as an upload named x.xlsx would be.
func readBack(t *testing.T, data []byte) *importer.Ledger {
	t.Helper()
	l, err := importer.Read(data, importer.Options{FileName: "x.xlsx"})
	if err != nil {
		t.Fatalf("importer.Read: %v", err)
	}
	return l
}

// checkLedger compares a read-back ledger with the expected records, in
// order, and wants no problem at all and every field's header recognised.
func checkLedger(t *testing.T, l *importer.Ledger, period models.Month, wants []record) {
	t.Helper()
	for _, p := range l.Problems {
		t.Errorf("problem: %s %s", p.Severity, p.Message)
	}
	if l.Period != period {
		t.Errorf("period %v, want %v", l.Period, period)
	}
	if l.Records.Len() != len(wants) || l.RowsTotal != len(wants) {
		t.Fatalf("%d records of %d rows, want %d", l.Records.Len(), l.RowsTotal, len(wants))
	}
	var has importer.Field
	for i, r := range l.Records.All() {
		has |= r.Has
		if g := got(r); g != wants[i] {
			t.Errorf("row %d:\n got  %+v\n want %+v", r.Row, g, wants[i])
		}
	}
	if has != allFields {
		t.Errorf("fields read %v, want %v: a header is not among the importer's spellings", has, allFields)
	}
}

// listInput is in's projects as a project list, with one amount beyond
// Excel's 15 digits (exported as exact text).
func listInput(in reports.Input) reports.ProjectListInput {
	ps := append([]models.Project(nil), in.Projects...)
	ps[0].TotalInvestment = 1_234_567_890_123_456 // 123456789012.3456 万元: 16 digits
	return reports.ProjectListInput{Title: "重大项目清单", Projects: ps, Month: in.Month, Config: in.Config, Generated: in.Generated}
}

func TestProjectListReadsBackExactly(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   reports.Input
	}{
		{"fixture June", reports.FixtureInput(6, 2)},
		{"fixture January", reports.FixtureInput(1, 0)},
		{"fixture December", reports.FixtureInput(12, 4)},
		{"530 synthetic", reports.SyntheticInput(530, 9, 3)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := listInput(tc.in)
			var buf bytes.Buffer
			if err := reports.ProjectList(&buf, in); err != nil {
				t.Fatal(err)
			}
			var wants []record
			for i := range in.Projects {
				p := &in.Projects[i]
				wants = append(wants, want(p, in.Month, p.PlannedStart))
			}
			checkLedger(t, readBack(t, buf.Bytes()), in.Month, wants)
		})
	}
}

// detailOnly returns the quarterly workbook with only its 项目明细 sheet,
// as an office copies the sheet out to send it on.
func detailOnly(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range f.GetSheetList() {
		if s != "项目明细" {
			if err := f.DeleteSheet(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// detailWants is what 项目明细 must read back as: every project in report
// order, a planned start shown for 新开工 projects only.
func detailWants(in reports.Input) []record {
	var wants []record
	for _, row := range reports.Build(in).Details {
		p, planned := row.Project, row.Project.PlannedStart
		if p.Nature != models.NatureNew {
			planned = 0
		}
		wants = append(wants, want(p, in.Month, planned))
	}
	return wants
}

func TestDetailSheetReadsBackExactly(t *testing.T) {
	for _, in := range []reports.Input{reports.FixtureInput(6, 2), reports.FixtureInput(5, 0), reports.SyntheticInput(530, 12, 4)} {
		t.Run(in.Month.String(), func(t *testing.T) {
			var buf bytes.Buffer
			if err := reports.Build(in).Write(&buf); err != nil {
				t.Fatal(err)
			}
			checkLedger(t, readBack(t, detailOnly(t, buf.Bytes())), in.Month, detailWants(in))
		})
	}
}

// TestQuarterlyWorkbookReadsBack reads the whole workbook back. Its list
// sheets (未开工项目, 投资滞后项目, 提前开工) repeat projects of 项目明细 with
// fewer columns: the importer merges rows of one code that agree on every
// field both state, so the workbook reads as its 项目明细, with no problem.
func TestQuarterlyWorkbookReadsBack(t *testing.T) {
	in := reports.FixtureInput(6, 2)
	var buf bytes.Buffer
	if err := reports.Build(in).Write(&buf); err != nil {
		t.Fatal(err)
	}
	l := readBack(t, buf.Bytes())
	checkLedger(t, l, in.Month, detailWants(in))
}
