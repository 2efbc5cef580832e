package web

import (
	"fmt"
	"net/url"
	"strings"

	"tracker/importer"
	"tracker/models"
)

// The import page as a preview that can be checked: every source column
// with what it is read as (and a choice of field when the preview may be
// read again), and the changes with old and new values formatted by kind,
// the difference of amounts beside them, and every field a new project
// would get.

// columnRow is one source column on the import page.
type columnRow struct {
	models.LedgerColumn
	Key     string // "sheet!C": the form field of its choice
	FieldZh string // what it is read as, in Chinese ("未导入")
	ByZh    string // how that was decided
}

// fieldChoice is one option of a column's field.
type fieldChoice struct{ Name, Label string }

// fieldChoices are the fields a column can be read as, the code first.
func fieldChoices() []fieldChoice {
	var out []fieldChoice
	for _, f := range importer.LedgerFields() {
		out = append(out, fieldChoice{f.String(), f.ZhName()})
	}
	return out
}

var byLabels = map[string]string{models.ByLabel: "按表头", models.ByContent: "按内容", models.ByMapping: "按指定"}

// columnRows lists an import's source columns for the page.
func columnRows(cols []models.LedgerColumn) []columnRow {
	out := make([]columnRow, len(cols))
	for i, c := range cols {
		out[i] = columnRow{LedgerColumn: c, Key: c.Sheet + "!" + c.Column, FieldZh: "未导入", ByZh: byLabels[c.By]}
		if c.Field != "" {
			out[i].FieldZh = models.FieldLabel(c.Field)
		}
	}
	return out
}

// rememberedColumns names the columns read by a remembered mapping.
func rememberedColumns(cols []models.LedgerColumn) string {
	var names []string
	for _, c := range cols {
		if c.By == models.ByMapping && strings.HasPrefix(c.Note, "按上次确认") {
			names = append(names, c.Column)
		}
	}
	return strings.Join(names, "、")
}

// changeRow is one line of the changes table.
type changeRow struct {
	Code, Name string
	Link       string // the project page as of the import's month; "" for a project a preview would create
	Field      string // the field
	Period     string // the month of a monthly field ("2024年6月"), "" for none; shown after Field in brackets
	Old, New   string // formatted; "" for none
	Diff       string // new − old of an amount, signed
	Sub        bool   // a field of a new project, under its line
}

// changeRows formats an import's changes; exists tells the projects the
// database has (a preview's new project has no page yet).
func changeRows(imp *models.Import, changes []models.Change, names map[string]string, exists map[string]bool) []changeRow {
	var out []changeRow
	for _, ch := range changes {
		r := changeRow{Code: ch.Code, Name: names[ch.Code], Field: models.FieldHeading(ch.Field)}
		if exists[ch.Code] {
			r.Link = projectLink(ch.Code, imp.Period)
		}
		if ch.Period != 0 {
			r.Period = monthText(ch.Period)
		}
		r.Old, r.New, r.Diff = changeValues(ch)
		out = append(out, r)
		if ch.Field == models.ChangeProject && ch.Created != nil {
			out = append(out, createdRows(ch.Created, imp.Period)...)
		}
	}
	return out
}

// createdRows lists every field a new project gets, under its line.
func createdRows(rec *models.LedgerRecord, period models.Month) []changeRow {
	var out []changeRow
	for _, d := range rec.Has.Defs() {
		if d.Field == models.FieldName {
			continue
		}
		r := changeRow{Code: rec.Code, Field: d.Heading(), Sub: true}
		if d.Scope == models.ScopeMonth {
			r.Period = monthText(period)
		}
		_, r.New, r.Diff = changeValues(models.Change{Field: d.Name, New: d.Text(&rec.Facts)})
		out = append(out, r)
	}
	return out
}

// changeValues formats a change's old and new values by the field's kind,
// with the difference of an amount.
func changeValues(ch models.Change) (old, new, diff string) {
	old, new = valueText(ch.Field, ch.Old), valueText(ch.Field, ch.New)
	d, ok := fieldDef(ch.Field)
	if !ok || d.Kind != models.ValueMoney || ch.New == nil {
		return old, new, ""
	}
	n, err := models.ParseDecimal(*ch.New, models.Wan)
	if err != nil {
		return old, new, ""
	}
	var o models.Money
	if ch.Old != nil {
		if o, err = models.ParseDecimal(*ch.Old, models.Wan); err != nil {
			return old, new, ""
		}
	}
	return old, new, signedAmount(n - o)
}

// valueText formats a change text for the page: amounts in 万元 with
// thousands separators and their exact decimals, months as 2024年3月.
func valueText(field string, v *string) string {
	if v == nil {
		return ""
	}
	d, ok := fieldDef(field)
	switch {
	case !ok:
		return *v
	case d.Kind == models.ValueMoney:
		if m, err := models.ParseDecimal(*v, models.Wan); err == nil {
			return amountText(m)
		}
	case d.Kind == models.ValueMonth:
		if m, err := models.ParseMonth(*v); err == nil {
			return monthText(m)
		}
	}
	return *v
}

func fieldDef(name string) (models.FieldDef, bool) {
	f, ok := models.FieldNamed(name)
	if !ok {
		return models.FieldDef{}, false
	}
	return f.Def()
}

// amountText writes an amount in 万元 exactly (to one yuan), grouped by
// thousands, with at least two decimals: 12,345.67, 9,650.50, 0.0001.
func amountText(m models.Money) string {
	s := m.WanString()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	for len(frac) < 2 {
		frac += "0"
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + "." + frac
}

// signedAmount writes a difference with its sign: +2,000.00, -150.50.
func signedAmount(m models.Money) string {
	if m >= 0 {
		return "+" + amountText(m)
	}
	return amountText(m)
}

// projectLink is a project's page as of a month.
func projectLink(code string, m models.Month) string {
	if m == 0 {
		return "/projects/" + url.PathEscape(code)
	}
	return fmt.Sprintf("/projects/%s?year=%d&month=%d", url.PathEscape(code), m.Year(), m.Num())
}
