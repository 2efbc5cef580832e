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
// in the audit trail and in reports, and the API's names.
type FieldDef struct {
	Field  Field
	Name   string // the API's name (CONTRACT.md), also used in mapping and change fields
	Label  string // Chinese label for headers, messages, pages and reports
	Kind   ValueKind
	Scope  Scope
	Column string // its column in Scope.Table()
	access fieldAccess
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

// fieldDefs lists every field in bit order, which is also the order of
// the template's columns.
var fieldDefs = []FieldDef{
	textDef(FieldName, "name", "项目名称", ValueName, ScopeProject, "name", func(f *Facts) *string { return &f.Name }),
	textDef(FieldDistrict, "district", "所属区县", ValueUnit, ScopeProject, "district", func(f *Facts) *string { return &f.District }),
	textDef(FieldUnit, "unit", "责任单位", ValueText, ScopeProject, "unit", func(f *Facts) *string { return &f.Unit }),
	natureDef(FieldNature, "nature", "建设性质", ScopeYear, "nature", func(f *Facts) *Nature { return &f.Nature }),
	textDef(FieldCategory, "category", "项目类别", ValueText, ScopeProject, "category", func(f *Facts) *string { return &f.Category }),
	textDef(FieldLevel, "level", "项目级别", ValueText, ScopeProject, "level", func(f *Facts) *string { return &f.Level }),
	moneyDef(FieldTotalInvestment, "total_investment_wan", "总投资", ScopeProject, "total_investment", func(f *Facts) *Money { return &f.TotalInvestment }),
	moneyDef(FieldAnnualPlan, "annual_plan_wan", "年度计划投资", ScopeYear, "annual_plan", func(f *Facts) *Money { return &f.AnnualPlan }),
	moneyDef(FieldCompletedYTD, "completed_ytd_wan", "累计完成投资", ScopeMonth, "completed_ytd", func(f *Facts) *Money { return &f.CompletedYTD }),
	monthDef(FieldPlannedStart, "planned_start", "计划开工时间", ScopeYear, "planned_start", func(f *Facts) *Month { return &f.PlannedStart }),
	monthDef(FieldActualStart, "actual_start", "实际开工时间", ScopeProject, "actual_start", func(f *Facts) *Month { return &f.ActualStart }),
	textDef(FieldProgress, "progress", "形象进度", ValueLongText, ScopeMonth, "progress", func(f *Facts) *string { return &f.Progress }),
	textDef(FieldProblems, "problems", "存在问题/需协调事项", ValueLongText, ScopeMonth, "problems", func(f *Facts) *string { return &f.Problems }),
	monthDef(FieldPlannedCompletion, "planned_completion", "计划竣工时间", ScopeMonth, "planned_completion", func(f *Facts) *Month { return &f.PlannedCompletion }),
	classDef(FieldClass, "class", "项目分类（实施类/准备类）", ScopeYear, "class", func(f *Facts) *Class { return &f.Class }),
	monthDef(FieldListFrom, "list_from", "列入清单月份", ScopeYear, "list_from", func(f *Facts) *Month { return &f.ListFrom }),
	monthDef(FieldListUntil, "list_until", "调出清单月份", ScopeYear, "list_until", func(f *Facts) *Month { return &f.ListUntil }),
	monthDef(FieldImplementedFrom, "implemented_from", "转为实施类月份", ScopeYear, "implemented_from", func(f *Facts) *Month { return &f.ImplementedFrom }),
}

// FieldDefs returns every ledger field in template order.
func FieldDefs() []FieldDef { return fieldDefs }

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
