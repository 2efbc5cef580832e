package models

import (
	"encoding/json"
	"strings"
	"sync"
)

// Field is a bitset of ledger fields. LedgerRecord.Has holds the fields a
// ledger actually stated, so that a blank cell never wipes stored data.
type Field uint32

// The fields a ledger can state, one bit each; FieldDefs describes them.
// Code is not here: every record has one.
const (
	FieldName Field = 1 << iota
	FieldDistrict
	FieldUnit
	FieldNature
	FieldCategory
	FieldLevel
	FieldTotalInvestment
	FieldAnnualPlan
	FieldCompletedYTD
	FieldPlannedStart
	FieldActualStart
	FieldProgress
	FieldProblems
	FieldPlannedCompletion
	FieldClass           // 实施类 or 准备类 in the year's list
	FieldListFrom        // the first month on the year's list (增补); zero: from the start
	FieldListUntil       // the first month off the year's list (调出); zero: stays on
	FieldImplementedFrom // the first month a 准备类 project counts as 实施类
)

// FieldCode is a pseudo field for the code column, used only when mapping
// a ledger's columns.
const FieldCode Field = 1 << 31

// ValueKind is what a field holds. It decides how a ledger cell is read
// (importer), how a value is written as change text, stored and shown.
type ValueKind uint8

const (
	ValueText     ValueKind = iota // a short text, trimmed (责任单位, 类别, 级别)
	ValueName                      // a project name: every kind of whitespace removed
	ValueUnit                      // a reporting unit, resolved to its canonical name
	ValueNature                    // 新开工 or 续建
	ValueMoney                     // an amount: exact yuan, 万元 in the API and in change text
	ValueMonth                     // a month, "YYYY-MM"; none when zero
	ValueLongText                  // free text kept as written but trimmed (形象进度, 存在问题)
	ValueClass                     // 实施类 or 准备类
)

// Scope is where a field's value lives, and so which table keeps it.
type Scope uint8

const (
	ScopeProject Scope = iota // one value per project (table projects)
	ScopeYear                 // one per project in a year's list (table plan_entries)
	ScopeMonth                // one per project and reporting month (table investments)
)

// Table returns the table that keeps the fields of a scope.
func (s Scope) Table() string {
	return [...]string{"projects", "plan_entries", "investments"}[s]
}

// FieldDef describes one ledger field once, for every part that handles
// fields: header recognition and cell reading (importer), record copying
// and comparison, change planning, the store's columns, labels on pages,
// in the audit trail and in reports, and the API's names. The table is
// fieldDefs (field_table.go); adding a field is one entry there, its
// member of Facts and a migration adding its column.
type FieldDef struct {
	Field  Field
	Name   string // the API's name (CONTRACT.md), also used in mapping and change fields
	Label  string // Chinese label for headers, messages, pages and reports
	Kind   ValueKind
	Scope  Scope
	Column string // its column in Scope.Table()
	Show   Show   // where the field is shown besides the API and the audit trail
	// Headers are the header texts departments use for it, in the
	// importer's normal form (no whitespace, ASCII parentheses and colons,
	// units removed, a year written {Y}, a period such as 1-6月 {M}): a
	// header matches one exactly, or after dropping parenthesised remarks.
	Headers []string
	Concept Concept // how a header no spelling foresaw names it
	Hint    string  // the pre-filled ledger's input hint for its column (InTemplate)
	access  fieldAccess
}

// Show says where a field appears; each consumer asks the registry
// rather than listing fields.
type Show uint8

const (
	OnPage     Show = 1 << iota // the project page: its card by scope, and the monthly history for ScopeMonth
	InDetail                    // a closing column of the report's 项目明细 (ScopeMonth: the month's notes)
	InTemplate                  // an open column of the pre-filled unit ledger, after the fixed ones
	Editable                    // a hand edit (PATCH, the pages) may change it
	OnForm                      // the project page's edit form offers an input for it (Editable ones)
)

// Concept is the rule by which a header names the field by its words,
// whatever their order and the prefixes around them: the header holds one
// word of each group of All, none of None in its lowest row and none of
// NoneAny in any row. Rules are tried by Rank, lowest first, so the more
// specific come first (计划开工 before 开工, 总投资 before 计划投资); a
// field without a rule has Rank 0.
type Concept struct {
	Rank    int
	All     [][]string
	None    []string
	NoneAny []string
}

// with gives a field where it is shown and its header spellings.
func (d FieldDef) with(show Show, headers ...string) FieldDef {
	d.Show, d.Headers = show, headers
	return d
}

// named gives a field its concept rule.
func (d FieldDef) named(c Concept) FieldDef {
	d.Concept = c
	return d
}

// hinted gives a field its pre-filled ledger hint.
func (d FieldDef) hinted(h string) FieldDef {
	d.Hint = h
	return d
}

// fieldAccess reads and writes one field of Facts without reflection.
type fieldAccess struct {
	text  func(*Facts) *string        // the value as change text; nil for none
	set   func(*Facts, *string) error // from change text; nil sets the zero value
	copy  func(dst, src *Facts)
	equal func(a, b *Facts) bool
	ptr   func(*Facts) any // a pointer to the value
	value func(*Facts) any // the column value for an insert or update
}

// FieldDefs returns every ledger field in template order.
func FieldDefs() []FieldDef { return fieldDefs }

// FieldsShown returns the fields shown at s, in template order.
func FieldsShown(s Show) []FieldDef {
	var out []FieldDef
	for _, d := range fieldDefs {
		if d.Show&s != 0 {
			out = append(out, d)
		}
	}
	return out
}

// ShownIn is the set of the fields shown at s.
func ShownIn(s Show) Field {
	var out Field
	for _, d := range FieldsShown(s) {
		out |= d.Field
	}
	return out
}

// Def returns the definition of a single field; ok is false for a
// combination of fields or the code pseudo field.
func (f Field) Def() (FieldDef, bool) {
	for _, d := range fieldDefs {
		if d.Field == f {
			return d, true
		}
	}
	return FieldDef{}, false
}

// FieldNamed returns the field with an API name ("annual_plan_wan"); the
// code column is "code".
func FieldNamed(name string) (Field, bool) {
	if name == "code" {
		return FieldCode, true
	}
	for _, d := range fieldDefs {
		if d.Name == name {
			return d.Field, true
		}
	}
	return 0, false
}

// Defs returns the definitions of the fields in f, in template order.
// The slice is shared (a set's definitions are worked out once, as every
// record of a ledger asks for the same few sets): callers must not modify
// it; appending to it copies.
func (f Field) Defs() []FieldDef { return setOf(f).defs }

// Names returns the API names of the fields in f, in template order, the
// code first. The slice is shared, as Defs'.
func (f Field) Names() []string { return setOf(f).names }

// fieldSet is what the registry says of one set of fields, worked out the
// first time the set is asked for.
type fieldSet struct {
	defs  []FieldDef
	names []string
	json  []byte // MarshalJSON's
}

// fieldSets caches fieldSet by Field; the sets a program uses are few.
var fieldSets sync.Map

func setOf(f Field) *fieldSet {
	if s, ok := fieldSets.Load(f); ok {
		return s.(*fieldSet)
	}
	s := &fieldSet{names: []string{}}
	if f&FieldCode != 0 {
		s.names = append(s.names, "code")
	}
	for _, d := range fieldDefs {
		if f&d.Field != 0 {
			s.defs = append(s.defs, d)
			s.names = append(s.names, d.Name)
		}
	}
	s.defs, s.names = s.defs[:len(s.defs):len(s.defs)], s.names[:len(s.names):len(s.names)]
	s.json, _ = json.Marshal(s.names)
	v, _ := fieldSets.LoadOrStore(f, s)
	return v.(*fieldSet)
}

// String joins Names with "|".
func (f Field) String() string { return strings.Join(f.Names(), "|") }

// ZhName returns a single field's Chinese label for messages.
func (f Field) ZhName() string {
	if f == FieldCode {
		return "项目代码"
	}
	d, _ := f.Def()
	return d.Label
}

// Labels returns the Chinese labels of the fields in f, in template order.
func (f Field) Labels() []string {
	var out []string
	for _, d := range f.Defs() {
		out = append(out, d.Label)
	}
	return out
}

// MarshalJSON writes f as a list of names, readable in golden files.
func (f Field) MarshalJSON() ([]byte, error) { return append([]byte(nil), setOf(f).json...), nil }

// UnmarshalJSON reads a list of names; unknown names are ignored.
func (f *Field) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return err
	}
	*f = 0
	for _, n := range names {
		if g, ok := FieldNamed(n); ok {
			*f |= g
		}
	}
	return nil
}

// Text returns the field's value in facts as change text: the exact 万元
// decimal for amounts, "YYYY-MM" for months (nil for none), the text
// itself otherwise.
func (d FieldDef) Text(f *Facts) *string { return d.access.text(f) }

// Set sets the field from change text (nil sets the zero value).
func (d FieldDef) Set(f *Facts, v *string) error { return d.access.set(f, v) }

// Copy copies the field from src to dst.
func (d FieldDef) Copy(dst, src *Facts) { d.access.copy(dst, src) }

// Equal reports whether a and b hold the same value of the field.
func (d FieldDef) Equal(a, b *Facts) bool { return d.access.equal(a, b) }

// Ptr returns a pointer to the field's value in f (*string, *Nature,
// *Money or *Month by Kind): a scan destination for its column, and how
// the importer stores what it read.
func (d FieldDef) Ptr(f *Facts) any { return d.access.ptr(f) }

// ColumnValue returns the field's value in f as its column stores it.
func (d FieldDef) ColumnValue(f *Facts) any { return d.access.value(f) }

// ColumnValueOf returns the column value of change text (nil: the zero
// value), for writing a change back.
func (d FieldDef) ColumnValueOf(v *string) (any, error) {
	var f Facts
	if err := d.Set(&f, v); err != nil {
		return nil, err
	}
	return d.ColumnValue(&f), nil
}

// CopyFields copies the fields in set from src to dst.
func CopyFields(dst, src *Facts, set Field) {
	for _, d := range set.Defs() {
		d.Copy(dst, src)
	}
}

// DifferingFields returns the fields in set whose values differ between
// a and b.
func DifferingFields(a, b *Facts, set Field) Field {
	var out Field
	for _, d := range set.Defs() {
		if !d.Equal(a, b) {
			out |= d.Field
		}
	}
	return out
}
