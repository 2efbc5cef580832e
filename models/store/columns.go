package store

import (
	"database/sql"
	"strings"

	"tracker/models"
)

// defsOf returns the field definitions kept in a scope's table, in
// registry order: the store's columns are the registry's.
func defsOf(scope models.Scope) []models.FieldDef {
	var out []models.FieldDef
	for _, d := range models.FieldDefs() {
		if d.Scope == scope {
			out = append(out, d)
		}
	}
	return out
}

// fieldsOf returns the fields of a scope as one set.
func fieldsOf(scope models.Scope) models.Field {
	var f models.Field
	for _, d := range defsOf(scope) {
		f |= d.Field
	}
	return f
}

// columnList names the columns of defs, each prefixed with alias.
func columnList(alias string, defs []models.FieldDef) string {
	cols := make([]string, len(defs))
	for i, d := range defs {
		cols[i] = alias + d.Column
	}
	return strings.Join(cols, ", ")
}

// scanInto returns the scan destinations of defs in f.
func scanInto(f *models.Facts, defs []models.FieldDef) []any {
	out := make([]any, len(defs))
	for i, d := range defs {
		out[i] = d.Ptr(f)
	}
	return out
}

// nullable scans the nullable columns of a month's row: each column's
// value, or none when it is NULL.
type nullable struct {
	defs  []models.FieldDef
	texts []sql.NullString
	ints  []sql.NullInt64
}

func newNullable(defs []models.FieldDef) *nullable {
	return &nullable{defs: defs, texts: make([]sql.NullString, len(defs)), ints: make([]sql.NullInt64, len(defs))}
}

// dests returns one scan destination per column.
func (n *nullable) dests() []any {
	out := make([]any, len(n.defs))
	for i, d := range n.defs {
		if isTextKind(d.Kind) {
			out[i] = &n.texts[i]
		} else {
			out[i] = &n.ints[i]
		}
	}
	return out
}

// apply sets the non-NULL columns in f and returns their fields.
func (n *nullable) apply(f *models.Facts) models.Field {
	var present models.Field
	for i, d := range n.defs {
		switch {
		case isTextKind(d.Kind) && n.texts[i].Valid:
			*(d.Ptr(f).(*string)) = n.texts[i].String
		case !isTextKind(d.Kind) && n.ints[i].Valid:
			setInt(d.Ptr(f), n.ints[i].Int64)
		default:
			continue
		}
		present |= d.Field
	}
	return present
}

func isTextKind(k models.ValueKind) bool {
	return k != models.ValueMoney && k != models.ValueMonth
}

func setInt(dst any, v int64) {
	switch p := dst.(type) {
	case *models.Money:
		*p = models.Money(v)
	case *models.Month:
		*p = models.Month(v)
	}
}
