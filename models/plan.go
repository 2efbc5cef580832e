package models

import (
	"fmt"
	"sort"
	"strings"
)

// Stored is what the database holds for one project an import touches:
// its fields, with Present telling which have a stored value (the project's
// own fields always; the year's fields when the project is on the import's
// year list; a month's fields when that month has them).
type Stored struct {
	Facts
	Present Field
	OnList  bool // has an entry in the import's year list
	// MonthImport and MonthSource are the provenance of the month's
	// cumulative figure (the import that set it, or a text such as 演示数据).
	MonthImport *int64
	MonthSource string
	// Previous is the latest cumulative figure reported earlier in the
	// same year; HasPrevious is false when there is none.
	Previous    Money
	HasPrevious bool
}

// Snapshot is the stored state of the projects an import touches, by
// code; a code without an entry is a project the database does not have.
type Snapshot map[string]*Stored

// Value returns the stored value of a field as change text, nil when there
// is none.
func (sn Snapshot) Value(code string, d FieldDef) *string {
	st := sn[code]
	if st == nil || st.Present&d.Field == 0 {
		return nil
	}
	return d.Text(&st.Facts)
}

// Plan is what applying a ledger would do: the changes in order, the
// problems only the stored state can show, and the counts.
type Plan struct {
	Changes   []Change
	Problems  []Problem
	Applied   int // records applied (each creates, updates or leaves one project)
	Created   int // projects
	Updated   int
	Unchanged int
	Districts map[string]bool // units whose rows were applied
}

// PlanImport compares each record with the stored state and returns the
// changes applying them would make, in code order (so that every row
// written for them comes in key order). It changes nothing. Records the
// rules refuse (another unit's project for a district uploader, a new
// project without a unit, nature or name) become errors and are left out,
// like the importer's own error rows.
func PlanImport(sn Snapshot, records []LedgerRecord, period Month, user User, areas Areas) *Plan {
	pl := &Plan{Districts: map[string]bool{}}
	touched := map[string]bool{}
	for _, r := range inCodeOrder(records) {
		if msg := Refusal(sn, r, user, areas); msg != "" {
			pl.problem(r, SeverityError, msg)
			continue
		}
		pl.Applied++
		before := len(pl.Changes)
		isNew := sn[r.Code] == nil
		if isNew {
			pl.add(Change{Code: r.Code, Field: ChangeProject, New: &r.Name, Created: r})
		} else {
			pl.scopeChanges(sn, r, ScopeProject, period)
			pl.yearChanges(sn, r, period)
			pl.scopeChanges(sn, r, ScopeMonth, period)
		}
		pl.warnLower(sn, r)
		if touched[r.Code] {
			continue
		}
		touched[r.Code] = true
		pl.Districts[districtOf(sn, r)] = true
		pl.count(isNew, len(pl.Changes) > before)
	}
	return pl
}

func (pl *Plan) count(isNew, changed bool) {
	switch {
	case isNew:
		pl.Created++
	case changed:
		pl.Updated++
	default:
		pl.Unchanged++
	}
}

func inCodeOrder(records []LedgerRecord) []*LedgerRecord {
	out := make([]*LedgerRecord, len(records))
	for i := range records {
		out[i] = &records[i]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

func districtOf(sn Snapshot, r *LedgerRecord) string {
	if r.Has&FieldDistrict != 0 && r.District != "" {
		return r.District
	}
	if st := sn[r.Code]; st != nil {
		return st.District
	}
	return r.District
}

// Refusal says why a record cannot be applied, or "". The policy decides
// whose unit it is: the stored project's, or the row's for a new project;
// a new project needs a unit, a nature and a name to enter the list. A new
// project whose code names another district's area (segment 2) needs the
// office: that district could never report it. An admin may create it
// (the importer's warning about the mismatch stays).
func Refusal(sn Snapshot, r *LedgerRecord, user User, areas Areas) string {
	st := sn[r.Code]
	if st != nil && !Allowed(user, ActionWriteUnit, st.District) {
		return fmt.Sprintf("项目 %s 属于%s，%s的账号不能修改它", r.Code, st.District, userUnit(user))
	}
	if st != nil {
		return ""
	}
	switch {
	case r.District == "":
		return fmt.Sprintf("新项目 %s 无法确定所属区县：请填写“所属区县”列，或在标题、填报单位中写明区县", r.Code)
	case !Allowed(user, ActionWriteUnit, r.District):
		return fmt.Sprintf("新项目 %s 属于%s，%s的账号不能为它建档", r.Code, r.District, userUnit(user))
	case r.Has&FieldNature == 0 || r.Nature == "":
		return fmt.Sprintf("新项目 %s 缺少建设性质（新开工或续建），无法列入项目清单", r.Code)
	case r.Name == "":
		return fmt.Sprintf("新项目 %s 缺少项目名称", r.Code)
	}
	if owner := areas.OtherDistrict(r.Code, r.District); owner != "" && !Allowed(user, ActionAdmin, "") {
		return fmt.Sprintf("新项目 %s 的代码区划段 %s 属于%s，不是%s：跨区县的项目须由市重大项目办建档，请核对项目代码或联系市重大项目办",
			r.Code, CodeArea(r.Code), owner, r.District)
	}
	return ""
}

// Areas maps the area code of each district with one (370303) to its
// name (张店区). Zones and city departments have none: their projects
// carry the code of the district they lie in.
type Areas map[string]string

// AreasOf indexes the districts among units by their area code.
func AreasOf(units []Unit) Areas {
	a := Areas{}
	for _, u := range units {
		if u.Kind == KindDistrict && len(u.Code) == 6 {
			a[u.Code] = u.Name
		}
	}
	return a
}

// OtherDistrict returns the district whose area code is in code when it
// is not district, "" otherwise. Only a district with an area code of its
// own is held to its code: a zone's projects carry another's.
func (a Areas) OtherDistrict(code, district string) string {
	owner := a[CodeArea(code)]
	for _, d := range a {
		if d == district && owner != "" && owner != district {
			return owner
		}
	}
	return ""
}

func userUnit(u User) string {
	if u.District != "" {
		return u.District
	}
	return "“" + u.Name + "”"
}

// scopeChanges compares the fields of one scope that the record states
// with the stored values. A stated but empty district (a row whose unit
// could not be told) changes nothing; the year's nature is compared only
// when stated (a list's 实施类/准备类 section is no nature).
func (pl *Plan) scopeChanges(sn Snapshot, r *LedgerRecord, scope Scope, period Month) {
	for _, d := range r.Has.Defs() {
		if d.Scope != scope || d.Field == FieldDistrict && r.District == "" || d.Field == FieldNature && r.Nature == "" {
			continue
		}
		nv, old := d.Text(&r.Facts), sn.Value(r.Code, d)
		if sameValue(old, nv) {
			continue
		}
		c := Change{Code: r.Code, Field: d.Name, Old: old, New: nv}
		if scope == ScopeMonth {
			c.Period = period
		}
		if d.Field == FieldCompletedYTD && sn[r.Code].Present&FieldCompletedYTD != 0 {
			c.OldImportID, c.OldSource = sn[r.Code].MonthImport, sn[r.Code].MonthSource
		}
		pl.add(c)
	}
}

// yearChanges adds a known project that is not yet on the year's list to
// it (as 续建 when the row states no nature, with a warning), then compares
// the year's fields.
func (pl *Plan) yearChanges(sn Snapshot, r *LedgerRecord, period Month) {
	if !sn[r.Code].OnList {
		nature := r.Nature
		if r.Has&FieldNature == 0 || nature == "" {
			nature = NatureContinuing
			pl.problem(r, SeverityWarning, fmt.Sprintf("项目 %s 此前不在%d年清单中，未填写建设性质，按续建列入", r.Code, period.Year()))
		}
		n := string(nature)
		pl.add(Change{Code: r.Code, Field: ChangePlanEntry, New: &n})
		without := *r
		without.Has &^= FieldNature // the entry carries the nature
		pl.scopeChanges(sn, &without, ScopeYear, period)
		return
	}
	pl.scopeChanges(sn, r, ScopeYear, period)
}

// warnLower flags a cumulative figure below the latest earlier one of the
// same year: 1-N月累计 cannot fall, so one of the two is probably wrong.
func (pl *Plan) warnLower(sn Snapshot, r *LedgerRecord) {
	st := sn[r.Code]
	if st == nil || !st.HasPrevious || r.Has&FieldCompletedYTD == 0 || r.CompletedYTD >= st.Previous {
		return
	}
	pl.problem(r, SeverityWarning, fmt.Sprintf("工作表“%s”第%d行：累计完成投资 %s 万元低于上月已报的 %s 万元，累计数不应减少，请核实",
		r.Sheet, r.Row, r.CompletedYTD.WanString(), st.Previous.WanString()))
}

func (pl *Plan) add(c Change) { pl.Changes = append(pl.Changes, c) }

func (pl *Plan) problem(r *LedgerRecord, severity, msg string) {
	if !strings.HasPrefix(msg, "工作表") {
		msg = fmt.Sprintf("工作表“%s”第%d行：%s", r.Sheet, r.Row, msg)
	}
	pl.Problems = append(pl.Problems, Problem{Sheet: r.Sheet, Row: r.Row, Severity: severity, Message: msg})
}

func sameValue(a, b *string) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// MergeProblems puts a ledger's and the plan's problems in sheet and row
// order, the file's own problems first.
func MergeProblems(sheets []string, a, b []Problem) []Problem {
	order := map[string]int{}
	for i, s := range sheets {
		order[s] = i + 1
	}
	out := append(append([]Problem{}, a...), b...)
	sort.SliceStable(out, func(i, j int) bool {
		if order[out[i].Sheet] != order[out[j].Sheet] {
			return order[out[i].Sheet] < order[out[j].Sheet]
		}
		return out[i].Row < out[j].Row
	})
	return out
}

// RecordCodes returns the distinct codes of records in first-seen order.
func RecordCodes(records []LedgerRecord) []string {
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
