package models

// LooksLikeFormula reports text that Excel would read as a formula (or its
// start) when its cell is edited: a first character of =, +, -, @, a tab
// or a carriage return. Every workbook the tracker writes keeps such text
// a string (a quote prefix or the Text format), so a project name, a
// reason or a copied cell beginning "=HYPERLINK(" never runs; the reports
// and the importer's workbooks ask this one rule.
func LooksLikeFormula(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}
