package web

import (
	"testing"

	"tracker/models"
)

// TestHasProblemsOnlyWhenThereAreProblemRows: the import page offers the
// problems workbook only for an upload with problems, when the server has
// the workbook.
func TestHasProblemsOnlyWhenThereAreProblemRows(t *testing.T) {
	problems := []models.Problem{{Sheet: "台账", Row: 4, Column: "A", Severity: "error", Message: "项目代码格式不对"}}
	admin := models.User{Name: "admin", Role: models.RoleAdmin}
	for _, c := range []struct {
		name    string
		imp     models.Import
		offered bool
		want    bool
	}{
		{"an upload with problems", models.Import{Kind: models.ImportUpload, Problems: problems}, true, true},
		{"an upload without problems", models.Import{Kind: models.ImportUpload}, true, false},
		{"a hand edit (no file)", models.Import{Kind: models.ImportEdit, Problems: problems}, true, false},
		{"a server without the workbook", models.Import{Kind: models.ImportUpload, Problems: problems}, false, false},
	} {
		if got := newImportView(&c.imp, admin, c.offered).HasProblems; got != c.want {
			t.Errorf("%s: HasProblems %v, want %v", c.name, got, c.want)
		}
	}
}

// TestImportViewCountsAndCutsTheRows: problems are counted by severity
// over all rows, and only shownRows problems and changes are listed.
func TestImportViewCountsAndCutsTheRows(t *testing.T) {
	imp := models.Import{Kind: models.ImportUpload}
	for i := 0; i < shownRows+5; i++ {
		sev := "warning"
		if i%5 == 0 {
			sev = "error"
		}
		imp.Problems = append(imp.Problems, models.Problem{Row: i + 2, Severity: sev})
		imp.Changes = append(imp.Changes, models.Change{Code: "x", Field: "name"})
	}
	v := newImportView(&imp, models.User{Name: "reviewer", Role: models.RoleReviewer}, true)
	if v.Errors != 201 || v.Warnings != 804 || v.MoreProblems != 5 || len(v.Imp.Problems) != shownRows ||
		v.MoreChanges != 5 || len(v.Changes) != shownRows || v.MayChange {
		t.Errorf("errors %d, warnings %d, more problems %d (%d listed), more changes %d (%d listed), may change %v",
			v.Errors, v.Warnings, v.MoreProblems, len(v.Imp.Problems), v.MoreChanges, len(v.Changes), v.MayChange)
	}
}
