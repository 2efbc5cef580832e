package web

import (
	"strings"

	"tracker/models"
	"tracker/models/store"
)

// pageField is one registry field on the project page: its label, its
// element id (the API name with - for _: planned-completion) and its
// value as the page shows it.
type pageField struct {
	Label, ID, Value string
	Prose            bool // free text, shown with its line breaks
	Month            bool // a month, in the history's date columns
}

// formField is one input of the page's edit form (Show's OnForm): named
// by the field's API name, as the form is read (typedEdit), with the value
// it holds now as the placeholder.
type formField struct {
	Name, ID, Label, Current string
	Month, Money, Long       bool // its input: type=month, an amount in 万元, a textarea
}

// sourceRow is one month of the page's 各月数据及来源: the report and
// the month's notes it stated.
type sourceRow struct {
	store.InvestmentSource
	Notes []pageField
}

// pageID is a field's element id on the page.
func pageID(d models.FieldDef) string { return strings.ReplaceAll(d.Name, "_", "-") }

// fieldText shows a field's value in f: an amount in 万元 exactly, as
// reported (amountText: 12,345.6789 stays 12,345.6789, so a correction
// can be checked to the yuan), a month as 2024年6月, a class as 实施类
// when none is stated, nothing as —.
func fieldText(d models.FieldDef, f *models.Facts) string {
	var s string
	switch v := d.Ptr(f).(type) {
	case *models.Money:
		return amountText(*v) + " 万元"
	case *models.Month:
		return monthText(*v)
	case *models.Class:
		s = string(v.OrImplement())
	case *models.Nature:
		s = string(*v)
	case *string:
		s = *v
	}
	if s == "" {
		return "—"
	}
	return s
}

// pageFields are the fields of scopes shown on the page with their
// values in f, in template order.
func pageFields(f *models.Facts, scopes ...models.Scope) []pageField {
	var out []pageField
	for _, d := range models.FieldsShown(models.OnPage) {
		for _, sc := range scopes {
			if d.Scope == sc {
				out = append(out, pageField{Label: d.Label, ID: pageID(d), Value: fieldText(d, f),
					Prose: d.Kind == models.ValueLongText, Month: d.Kind == models.ValueMonth})
			}
		}
	}
	return out
}

// noteHeads are the labels of the monthly history's note columns.
func noteHeads() []string {
	var out []string
	for _, f := range pageFields(&models.Facts{}, models.ScopeMonth) {
		out = append(out, f.Label)
	}
	return out
}

// sourceRows pairs each month's report with its notes.
func sourceRows(srcs []store.InvestmentSource) []sourceRow {
	out := make([]sourceRow, len(srcs))
	for i := range srcs {
		out[i] = sourceRow{InvestmentSource: srcs[i], Notes: pageFields(&srcs[i].Facts, models.ScopeMonth)}
		for j := range out[i].Notes {
			out[i].Notes[j].ID = "" // a row's cells have none: ids are the facts'
		}
	}
	return out
}

// formFields are the edit form's inputs, with what the project as of the
// page's month holds now. A month's amount is the year's cumulative figure
// to that month, so its label says 1-N月 (the form's 报告期 chooses N).
func formFields(p *models.Project) []formField {
	var out []formField
	for _, d := range models.FieldsShown(models.OnForm) {
		f := formField{Name: d.Name, ID: "edit-" + pageID(d), Label: d.Heading(), Current: fieldText(d, &p.Facts),
			Month: d.Kind == models.ValueMonth, Money: d.Kind == models.ValueMoney, Long: d.Kind == models.ValueLongText}
		if f.Money && d.Scope == models.ScopeMonth {
			f.Label = "1-N月" + f.Label
		}
		out = append(out, f)
	}
	return out
}
