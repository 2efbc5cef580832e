package reports

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
)

func TestProjectListRejectsAnInvalidMonth(t *testing.T) {
	in := projectListInput(6)
	in.Month = 202413
	var buf bytes.Buffer
	err := ProjectList(&buf, in)
	var me *models.Error
	if !errors.As(err, &me) || me.Code != models.EINVALID || buf.Len() != 0 {
		t.Errorf("got %v and %d bytes, want EINVALID and nothing written", err, buf.Len())
	}
}

func TestProjectListHeaderNamesTheMonth(t *testing.T) {
	for m, want := range map[int]string{1: "1月累计完成投资（万元）", 6: "1-6月累计完成投资（万元）", 12: "1-12月累计完成投资（万元）"} {
		var buf bytes.Buffer
		if err := ProjectList(&buf, projectListInput(m)); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		// The header shows the month range and the unit on lines of their
		// own; the importer reads it without the line breaks.
		if got, _ := f.GetCellValue(sheetProjectList, "K3"); strings.ReplaceAll(got, "\n", "") != want || strings.Count(got, "\n") != 2 {
			t.Errorf("month %d: K3 = %q, want %q in three lines", m, got, want)
		}
		f.Close()
	}
}

func TestProjectListKeepsFormulaLikeNamesAsText(t *testing.T) {
	var buf bytes.Buffer
	if err := ProjectList(&buf, projectListInput(6)); err != nil {
		t.Fatal(err)
	}
	parts := zipFiles(t, buf.Bytes())
	if x := parts["xl/worksheets/sheet1.xml"]; bytes.Contains([]byte(x), []byte("<f>")) {
		t.Error("项目清单 holds a formula")
	}
}
