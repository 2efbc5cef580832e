package importer

import (
	"encoding/json"
	"strings"
)

// Field is a bitset of Record fields. Record.Has holds the fields a ledger
// actually stated, so that a blank cell never wipes stored data.
type Field uint32

// The fields a ledger can state. Code is not here: every Record has one.
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
)

// fieldCode is a pseudo field used only for column mapping: the code column.
const fieldCode Field = 1 << 31

// fieldInfo names each field for JSON and for Chinese messages.
var fieldInfo = []struct {
	f       Field
	key, zh string
}{
	{fieldCode, "code", "项目代码"},
	{FieldName, "name", "项目名称"},
	{FieldDistrict, "district", "所属区县"},
	{FieldUnit, "unit", "责任单位"},
	{FieldNature, "nature", "建设性质"},
	{FieldCategory, "category", "项目类别"},
	{FieldLevel, "level", "项目级别"},
	{FieldTotalInvestment, "total_investment", "总投资"},
	{FieldAnnualPlan, "annual_plan", "年度计划投资"},
	{FieldCompletedYTD, "completed_ytd", "累计完成投资"},
	{FieldPlannedStart, "planned_start", "计划开工时间"},
	{FieldActualStart, "actual_start", "实际开工时间"},
}

// Names returns the JSON names of the fields in f, in declaration order.
func (f Field) Names() []string {
	out := []string{}
	for _, fi := range fieldInfo {
		if f&fi.f != 0 {
			out = append(out, fi.key)
		}
	}
	return out
}

// String joins Names with "|".
func (f Field) String() string { return strings.Join(f.Names(), "|") }

// MarshalJSON writes f as a list of names, readable in golden files.
func (f Field) MarshalJSON() ([]byte, error) { return json.Marshal(f.Names()) }

// UnmarshalJSON reads a list of names.
func (f *Field) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return err
	}
	*f = 0
	for _, n := range names {
		for _, fi := range fieldInfo {
			if fi.key == n {
				*f |= fi.f
			}
		}
	}
	return nil
}

// zhName returns the field's Chinese name for messages.
func (f Field) zhName() string {
	for _, fi := range fieldInfo {
		if fi.f == f {
			return fi.zh
		}
	}
	return ""
}

func (f Field) isAmount() bool {
	return f == FieldTotalInvestment || f == FieldAnnualPlan || f == FieldCompletedYTD
}

func (f Field) isMonth() bool { return f == FieldPlannedStart || f == FieldActualStart }
