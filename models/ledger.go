package models

import (
	"encoding/json"
	"strings"
)

// Ledger is what the importer read from one uploaded file: normalised rows
// to apply and the problems found. It is plain data, so the store can apply
// a ledger without knowing spreadsheets.
type Ledger struct {
	Format    string         `json:"format"`     // "xlsx", "xls" or "csv"
	Period    Month          `json:"period"`     // the reporting month
	District  string         `json:"district"`   // canonical unit named by a title or 填报单位 line, "" if none
	Sheets    []string       `json:"sheets"`     // sheets read as ledger data
	RowsTotal int            `json:"rows_total"` // data rows found (not title/header/section/subtotal/blank/note rows)
	Records   []LedgerRecord `json:"records"`    // rows to apply: rows with an error excluded, exact duplicates dropped
	Problems  []Problem      `json:"problems"`   // in sheet/row order
}

// LedgerRecord is one data row, normalised. Amounts are exact yuan whatever
// unit the ledger used; months are YYYYMM. Has tells which fields the
// ledger actually stated: a blank cell or an absent column is not stated
// and must never overwrite stored data.
type LedgerRecord struct {
	Sheet           string `json:"sheet"`
	Row             int    `json:"row"` // Excel row number, 1-based
	Code            string `json:"code"`
	Name            string `json:"name"`
	District        string `json:"district"` // canonical unit name
	Unit            string `json:"unit"`     // 责任单位
	Nature          Nature `json:"nature"`   // "" when not stated
	Category        string `json:"category"`
	Level           string `json:"level"`
	TotalInvestment Money  `json:"total_investment_wan"`
	AnnualPlan      Money  `json:"annual_plan_wan"`
	CompletedYTD    Money  `json:"completed_ytd_wan"`
	PlannedStart    Month  `json:"planned_start"`
	ActualStart     Month  `json:"actual_start"` // zero and stated when the cell says 未开工 or —
	Has             Field  `json:"has"`
}

// Problem is one doubtful cell, row or file condition. Rows with an error
// are not applied; rows with only warnings are.
type Problem struct {
	Sheet    string `json:"sheet"`
	Row      int    `json:"row"`      // Excel row number, 1-based; 0 for the whole file or sheet
	Column   string `json:"column"`   // Excel column letter, e.g. "F"; "" for the whole row/file
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`  // Chinese, names sheet/row/column header
}

// Problem severities.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Field is a bitset of LedgerRecord fields. LedgerRecord.Has holds the
// fields a ledger actually stated, so that a blank cell never wipes stored
// data.
type Field uint32

// The fields a ledger can state. Code is not here: every record has one.
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

// FieldCode is a pseudo field for the code column, used only when mapping
// a ledger's columns.
const FieldCode Field = 1 << 31

// fieldInfo names each field for JSON and for Chinese messages.
var fieldInfo = []struct {
	f       Field
	key, zh string
}{
	{FieldCode, "code", "项目代码"},
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

// ZhName returns a single field's Chinese name for messages.
func (f Field) ZhName() string {
	for _, fi := range fieldInfo {
		if fi.f == f {
			return fi.zh
		}
	}
	return ""
}

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
