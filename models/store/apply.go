package store

import (
	"fmt"
	"sort"
	"strings"

	"tracker/models"
)

// plan is what applying a ledger would do: the changes in order, the
// problems only the database can see, and the counts.
type plan struct {
	changes   []Change
	problems  []models.Problem
	applied   int
	created   int
	updated   int
	unchanged int
	districts map[string]bool
}

// planImport compares each record with the stored state. It changes
// nothing. Rows the database refuses (another unit's project for a
// district uploader, a new project without a unit or nature) become errors
// and are left out, like the importer's own error rows.
func planImport(st *state, records []models.LedgerRecord, period models.Month, user models.User) *plan {
	pl := &plan{districts: map[string]bool{}}
	touched := map[string]bool{}
	for _, r := range inCodeOrder(records) {
		if msg := refusal(st, r, user); msg != "" {
			pl.problem(r, "", models.SeverityError, msg)
			continue
		}
		pl.applied++
		before := len(pl.changes)
		isNew := st.projects[r.Code] == nil
		if isNew {
			pl.add(Change{Code: r.Code, Field: fieldProject, New: text(r.Name), created: r})
		} else {
			pl.projectChanges(st, r)
		}
		pl.yearChanges(st, r, period, isNew)
		pl.warnLower(st, r)
		if touched[r.Code] {
			continue
		}
		touched[r.Code] = true
		pl.districts[districtOf(st, r)] = true
		switch {
		case isNew:
			pl.created++
		case len(pl.changes) > before:
			pl.updated++
		default:
			pl.unchanged++
		}
	}
	return pl
}

// inCodeOrder returns the records sorted by code, so that the changes and
// every row written for them come in key order: they append to the
// B-trees instead of splitting pages all over them, several times faster
// on a large first import.
func inCodeOrder(records []models.LedgerRecord) []*models.LedgerRecord {
	out := make([]*models.LedgerRecord, len(records))
	for i := range records {
		out[i] = &records[i]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

func districtOf(st *state, r *models.LedgerRecord) string {
	if r.Has&models.FieldDistrict != 0 && r.District != "" {
		return r.District
	}
	if p := st.projects[r.Code]; p != nil {
		return p.District
	}
	return r.District
}

// refusal says why the database refuses a record, or "". The policy
// decides whose unit it is: the stored project's, or the row's for a new
// project.
func refusal(st *state, r *models.LedgerRecord, user models.User) string {
	p := st.projects[r.Code]
	if p != nil && !models.Allowed(user, models.ActionWriteUnit, p.District) {
		return fmt.Sprintf("项目 %s 属于%s，%s的账号不能修改它", r.Code, p.District, userUnit(user))
	}
	if p != nil {
		return ""
	}
	switch {
	case r.District == "":
		return fmt.Sprintf("新项目 %s 无法确定所属区县：请填写“所属区县”列，或在标题、填报单位中写明区县", r.Code)
	case !models.Allowed(user, models.ActionWriteUnit, r.District):
		return fmt.Sprintf("新项目 %s 属于%s，%s的账号不能为它建档", r.Code, r.District, userUnit(user))
	case r.Has&models.FieldNature == 0 || r.Nature == "":
		return fmt.Sprintf("新项目 %s 缺少建设性质（新开工或续建），无法列入项目清单", r.Code)
	case r.Name == "":
		return fmt.Sprintf("新项目 %s 缺少项目名称", r.Code)
	}
	return ""
}

func userUnit(u models.User) string {
	if u.District != "" {
		return u.District
	}
	return "“" + u.Name + "”"
}

// projectChanges compares the fields a ledger stated with the project row.
func (pl *plan) projectChanges(st *state, r *models.LedgerRecord) {
	fields := []struct {
		has   models.Field
		field string
		value *string
	}{
		{models.FieldName, fieldName, text(r.Name)},
		{models.FieldDistrict, fieldDistrict, text(r.District)},
		{models.FieldUnit, fieldUnit, text(r.Unit)},
		{models.FieldCategory, fieldCategory, text(r.Category)},
		{models.FieldLevel, fieldLevel, text(r.Level)},
		{models.FieldTotalInvestment, fieldTotal, money(int64(r.TotalInvestment))},
		{models.FieldActualStart, fieldActual, month(int(r.ActualStart))},
	}
	for _, f := range fields {
		if r.Has&f.has == 0 || f.field == fieldDistrict && r.District == "" {
			continue
		}
		if old := st.value(r.Code, f.field); !sameValue(old, f.value) {
			pl.add(Change{Code: r.Code, Field: f.field, Old: old, New: f.value})
		}
	}
}

// yearChanges compares the year's entry and the month's figure.
func (pl *plan) yearChanges(st *state, r *models.LedgerRecord, period models.Month, isNew bool) {
	if !isNew && st.plans[r.Code] == nil {
		nature := r.Nature
		if r.Has&models.FieldNature == 0 || nature == "" {
			nature = models.NatureContinuing
			pl.problem(r, "", models.SeverityWarning, fmt.Sprintf("项目 %s 此前不在%d年清单中，未填写建设性质，按续建列入", r.Code, period.Year()))
		}
		pl.add(Change{Code: r.Code, Field: fieldPlanEntry, New: text(string(nature))})
		pl.planChanges(st, r, false)
	} else if !isNew {
		pl.planChanges(st, r, true)
	}
	if r.Has&models.FieldCompletedYTD != 0 {
		nv := money(int64(r.CompletedYTD))
		// A new project's figure is part of its creation: reverting deletes
		// the project and its figures together.
		if old := st.value(r.Code, fieldCompleted); !isNew && !sameValue(old, nv) {
			c := Change{Code: r.Code, Field: fieldCompleted, Period: period, Old: old, New: nv}
			if inv := st.invs[r.Code]; inv != nil && !isNew {
				c.oldImportID, c.oldSource = inv.ImportID, inv.Source
			}
			pl.add(c)
		}
	}
}

func (pl *plan) planChanges(st *state, r *models.LedgerRecord, withNature bool) {
	fields := []struct {
		has   models.Field
		field string
		value *string
	}{
		{models.FieldNature, fieldNature, text(string(r.Nature))},
		{models.FieldAnnualPlan, fieldPlan, money(int64(r.AnnualPlan))},
		{models.FieldPlannedStart, fieldPlanned, month(int(r.PlannedStart))},
	}
	for _, f := range fields {
		if r.Has&f.has == 0 || f.field == fieldNature && (r.Nature == "" || !withNature) {
			continue
		}
		if old := st.value(r.Code, f.field); !sameValue(old, f.value) {
			pl.add(Change{Code: r.Code, Field: f.field, Old: old, New: f.value})
		}
	}
}

// warnLower flags a cumulative figure below the latest earlier one of the
// same year: 1-N月累计 cannot fall, so one of the two is probably wrong.
func (pl *plan) warnLower(st *state, r *models.LedgerRecord) {
	prev, ok := st.previous[r.Code]
	if !ok || r.Has&models.FieldCompletedYTD == 0 || int64(r.CompletedYTD) >= prev {
		return
	}
	pl.problem(r, "", models.SeverityWarning, fmt.Sprintf("工作表“%s”第%d行：累计完成投资 %s 万元低于上月已报的 %s 万元，累计数不应减少，请核实",
		r.Sheet, r.Row, r.CompletedYTD.WanString(), models.Money(prev).WanString()))
}

func (pl *plan) add(c Change) { pl.changes = append(pl.changes, c) }

func (pl *plan) problem(r *models.LedgerRecord, column, severity, msg string) {
	if !strings.HasPrefix(msg, "工作表") {
		msg = fmt.Sprintf("工作表“%s”第%d行：%s", r.Sheet, r.Row, msg)
	}
	pl.problems = append(pl.problems, models.Problem{Sheet: r.Sheet, Row: r.Row, Column: column, Severity: severity, Message: msg})
}

// mergeProblems puts the ledger's and the database's problems in sheet and
// row order, the file's own problems first.
func mergeProblems(sheets []string, a, b []models.Problem) []models.Problem {
	order := map[string]int{}
	for i, s := range sheets {
		order[s] = i + 1
	}
	out := append(append([]models.Problem{}, a...), b...)
	sort.SliceStable(out, func(i, j int) bool {
		if order[out[i].Sheet] != order[out[j].Sheet] {
			return order[out[i].Sheet] < order[out[j].Sheet]
		}
		return out[i].Row < out[j].Row
	})
	return out
}

func recordCodes(records []models.LedgerRecord) []string {
	seen := map[string]bool{}
	var codes []string
	for _, r := range records {
		if !seen[r.Code] {
			seen[r.Code] = true
			codes = append(codes, r.Code)
		}
	}
	return codes
}
