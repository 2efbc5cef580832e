package web_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
	"tracker/server/servertest"
)

// ledgerValue is the change text a ledger states for a field of p in the
// test below: a new value where a ledger may change it, p's own where a
// change would be refused or warned of for reasons of its own (the
// project's name, unit, nature, category, level and class).
func ledgerValue(d models.FieldDef, p *models.Project) string {
	if v := map[string]string{"unit": "城区建设指挥部", "total_investment_wan": "70000.5", "annual_plan_wan": "9300",
		"completed_ytd_wan": "321.5", "planned_start": "2019-02", "actual_start": "2019-04", "progress": "主体结构封顶",
		"problems": "需协调用电指标", "planned_completion": "2025-10"}[d.Name]; v != "" {
		return v
	}
	if d.Kind == models.ValueClass {
		return string(p.Class.OrImplement())
	}
	return *d.Text(&p.Facts)
}

// ledgerCell writes change text as a ledger cell: a month as 2025年10月.
func ledgerCell(d models.FieldDef, v string) string {
	if m, err := models.ParseMonth(v); err == nil && d.Kind == models.ValueMonth {
		return fmt.Sprintf("%d年%d月", m.Year(), m.Num())
	}
	return v
}

// TestEveryRegistryFieldEndToEnd walks the field registry rather than
// naming fields, so that a field added as one registry entry (with its
// member of Facts and its migration) is checked everywhere it must reach:
// a ledger with a column per field headed by the field's first spelling
// is read column by column as those fields, and what it states is stored
// and answered by the API; the project page shows each field shown
// OnPage (its id, the API name with -) and offers each OnForm one in the
// edit form (its name); 项目明细 has a column for each InDetail field
// holding the ledger's value, and the pre-filled ledger one for each
// InTemplate field. (That every field is in a record's JSON and has its
// column: models' and the store's tests.)
func TestEveryRegistryFieldEndToEnd(t *testing.T) {
	ts := servertest.New(t)
	p := servertest.FirstProject("张店区")
	heads, cells, want := []string{"项目代码"}, []string{p.Code}, p.Facts
	var stated []models.FieldDef
	for _, d := range models.FieldDefs() {
		if len(d.Headers) == 0 {
			continue // the list's own months: set by list changes (importer's test)
		}
		v := ledgerValue(d, &p)
		if err := d.Set(&want, &v); err != nil {
			t.Fatal(err)
		}
		h := strings.NewReplacer("{Y}", "2024年", "{M}", "1-6月").Replace(d.Headers[0])
		if d.Kind == models.ValueMoney {
			h += "（万元）"
		}
		heads, cells, stated = append(heads, h), append(cells, ledgerCell(d, v)), append(stated, d)
	}
	csv := "张店区2024年1-6月市重大项目建设情况台账\n" + strings.Join(heads, ",") + "\n" + strings.Join(cells, ",") + "\n"
	var imp models.Import
	ts.Upload(ts.Login("admin"), "全部字段.csv", []byte(csv), nil, http.StatusOK, &imp)
	if imp.Status != models.StatusCommitted || imp.RowsImported != 1 {
		t.Fatalf("import %s, %d rows: %+v", imp.Status, imp.RowsImported, imp.Problems)
	}
	for i, d := range stated {
		if c := imp.Columns[i+1]; c.Field != d.Name || c.By != models.ByLabel {
			t.Errorf("column %s %q read as %q by %s, want %s by its header", c.Column, c.Label, c.Field, c.By, d.Name)
		}
	}
	var got models.Project
	ts.Do("GET", "/api/v1/projects/"+p.Code+"?year=2024&month=6", ts.Login("admin"), nil, http.StatusOK, &got)
	for _, d := range stated {
		if !d.Equal(&got.Facts, &want) {
			t.Errorf("%s stored as %v, want %v", d.Name, deref(d.Text(&got.Facts)), deref(d.Text(&want)))
		}
	}
	page := signIn(ts, "admin").page("/projects/"+p.Code+"?year=2024&month=6", http.StatusOK)
	for _, d := range models.FieldsShown(models.OnPage) {
		wantContains(t, "project page", page, `<dt>`+d.Label+`</dt><dd id="`+strings.ReplaceAll(d.Name, "_", "-")+`"`)
	}
	for _, d := range models.FieldsShown(models.OnForm) {
		wantContains(t, "edit form", page, `name="`+d.Name+`"`)
	}
	detailColumns(t, ts, &p, &want)
	templateColumns(t, ts)
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// sheetRows reads a workbook's sheet from the API.
func sheetRows(t *testing.T, ts *servertest.Server, path, sheet string) [][]string {
	t.Helper()
	data := ts.Do("GET", path, ts.Login("admin"), nil, http.StatusOK, nil)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// detailColumns: 项目明细 has a column for each InDetail field, headed by
// the field, and p's row holds the ledger's text there.
func detailColumns(t *testing.T, ts *servertest.Server, p *models.Project, want *models.Facts) {
	rows := sheetRows(t, ts, "/api/v1/reports/quarterly.xlsx?year=2024&month=6", "项目明细")
	var head, row []string
	for _, r := range rows {
		switch {
		case slices.Contains(r, "项目代码"):
			head = r
		case slices.Contains(r, p.Code):
			row = r
		}
	}
	for _, d := range models.FieldsShown(models.InDetail) {
		i := slices.IndexFunc(head, func(h string) bool { return strings.ReplaceAll(h, "\n", "") == d.Heading() })
		if i < 0 || i >= len(row) || row[i] == "" {
			t.Errorf("项目明细: no column %s holding its value (header %q, row %q)", d.Heading(), head, row)
			continue
		}
		if v := deref(d.Text(want)); d.Kind == models.ValueLongText && row[i] != v {
			t.Errorf("项目明细 %s: %q, want %q", d.Label, row[i], v)
		}
	}
}

// templateColumns: the pre-filled ledger has a column for each InTemplate
// field, headed as the importer reads it.
func templateColumns(t *testing.T, ts *servertest.Server) {
	rows := sheetRows(t, ts, "/api/v1/template.xlsx?unit="+url.QueryEscape("张店区")+"&period=2024-07", "台账")
	for _, d := range models.FieldsShown(models.InTemplate) {
		if len(rows) < 3 || !slices.Contains(rows[2], d.Heading()) {
			t.Errorf("预填台账: no column %s in %q", d.Heading(), rows)
		}
	}
}
