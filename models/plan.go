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
	// StartReport names the report that set the actual start (“第12号导入
	// （淄川区7月.xlsx）”), "" when unknown.
	StartReport string
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
	Dropped   int             // a list import: projects on the list it leaves out
	Districts map[string]bool // units whose rows were applied
}

// PlanOptions say what is planned and what the office allowed.
type PlanOptions struct {
	Period Month // the reporting month (a list import: January of its year)
	User   User
	// List is a list import (kind=list): the file is the year's whole
	// list; projects on the list that it leaves out are dropped, and the
	// month's fields are not read from it.
	List bool
	// ListExists tells that the year already has a list, so a monthly
	// ledger stays inside it; without one, its projects form the list.
	ListExists bool
	// Areas tell which district each area code belongs to, for the rule
	// on new projects whose code names another district.
	Areas Areas
	// Additions are the codes the office accepted in the preview as 增补
	// from the ledger's month; "*" accepts every code not on the list.
	// Only admins may add to a list.
	Additions map[string]bool
}

func (o PlanOptions) accepts(code string) bool {
	return Allowed(o.User, ActionAdmin, "") && (o.Additions[code] || o.Additions["*"])
}

// PlanImport compares each record with the stored state and returns the
// changes applying them would make, in code order (so that every row
// written for them comes in key order). It changes nothing. Records the
// rules refuse (another unit's project for a district uploader, a new
// project without a unit, nature or name, a code outside the year's list)
// become errors and are left out, like the importer's own error rows.
func PlanImport(sn Snapshot, records []LedgerRecord, o PlanOptions) *Plan {
	p := NewPlanner(o)
	p.Add(sn, InCodeOrder(records))
	return p.Finish(sn)
}

// Planner plans an import part by part, as PlanImport does at once, so
// that a large ledger can be compared and written a few thousand codes at
// a time: Add each part's records in code order, every record of a code
// in the same part, with a snapshot holding at least the part's codes;
// take the part's changes from Plan().Changes (the caller may clear them
// once written); Finish adds what only the whole import can tell.
type Planner struct {
	o       PlanOptions
	pl      *Plan
	touched map[string]bool
	listed  int // projects and plan entries created, for noListYet
}

// NewPlanner starts planning an import.
func NewPlanner(o PlanOptions) *Planner {
	return &Planner{o: o, pl: &Plan{Districts: map[string]bool{}}, touched: map[string]bool{}}
}

// Plan is the plan so far.
func (p *Planner) Plan() *Plan { return p.pl }

// Add plans records, in code order, against sn.
func (p *Planner) Add(sn Snapshot, records []*LedgerRecord) {
	pl, o, touched := p.pl, p.o, p.touched
	for _, r := range records {
		r, msg := o.admit(sn, r)
		if msg != "" && sn.offList(r.Code) {
			pl.notOnList(r, msg)
			continue
		}
		if msg == "" {
			msg = Refusal(sn, r, o.User, o.Areas)
		}
		if msg != "" {
			pl.problem(r, SeverityError, msg)
			continue
		}
		pl.Applied++
		before := len(pl.Changes)
		isNew := sn[r.Code] == nil
		if isNew {
			r = pl.withoutFutureStart(r, o)
			pl.add(Change{Code: r.Code, Field: ChangeProject, New: &r.Name, Created: r})
			pl.addedFrom(r)
		} else {
			pl.scopeChanges(sn, r, ScopeProject, o)
			pl.yearChanges(sn, r, o)
			pl.scopeChanges(sn, r, ScopeMonth, o)
		}
		for _, c := range pl.Changes[before:] {
			if c.Field == ChangeProject || c.Field == ChangePlanEntry {
				p.listed++
			}
		}
		pl.warnLower(sn, r)
		if touched[r.Code] {
			continue
		}
		touched[r.Code] = true
		pl.Districts[districtOf(sn, r)] = true
		pl.count(isNew, len(pl.Changes) > before)
	}
}

// Finish completes the plan: a list import drops the projects of sn on
// the list it left out; a monthly ledger in a year without a list says it
// forms it. sn is the whole import's snapshot for a list import (a
// monthly ledger's is not looked at).
func (p *Planner) Finish(sn Snapshot) *Plan {
	if p.o.List {
		p.pl.drops(sn, p.touched, p.o)
	}
	p.pl.noListYet(p.o, p.listed)
	return p.pl
}

// admit applies the list's rule to a record: a list import states the
// year's fields and no month's; a monthly ledger reports projects on the
// list at its month, or adds one the office accepted (增补 from the month).
// It returns the record to plan, or why it is refused.
func (o PlanOptions) admit(sn Snapshot, r *LedgerRecord) (*LedgerRecord, string) {
	st := sn[r.Code]
	out := *r
	if o.List {
		out.Has = out.Has&^monthFields | FieldListFrom | FieldListUntil
		out.ListFrom, out.ListUntil, out.ImplementedFrom = 0, 0, 0
		return &out, ""
	}
	out.Has &^= listFields // a monthly ledger reports; the office changes the list
	switch {
	case !o.ListExists || st != nil && st.OnList && st.OnListAt(o.Period):
		return &out, ""
	case st != nil && st.OnList && !st.ListUntil.IsZero() && o.Period >= st.ListUntil:
		return r, fmt.Sprintf("项目 %s 已自%s起调出%d年清单，不能再报送", r.Code, monthZh(st.ListUntil), o.Period.Year())
	case st != nil && st.OnList:
		return r, fmt.Sprintf("项目 %s 自%s起才列入%d年清单，%s的台账不能报送", r.Code, monthZh(st.ListFrom), o.Period.Year(), monthZh(o.Period))
	case !o.accepts(r.Code):
		return r, fmt.Sprintf("项目 %s 不在%d年清单中；如确属增补项目，请由市重大项目办在预览中确认增补", r.Code, o.Period.Year())
	}
	out.ListFrom, out.Has = o.Period, out.Has|FieldListFrom
	return &out, ""
}

// listFields are the fields of a project's place in the year's list.
const listFields = FieldClass | FieldListFrom | FieldListUntil | FieldImplementedFrom

// monthFields are the fields of a month's report.
var monthFields = func() Field {
	var f Field
	for _, d := range fieldDefs {
		if d.Scope == ScopeMonth {
			f |= d.Field
		}
	}
	return f
}()

func monthZh(m Month) string { return fmt.Sprintf("%d年%d月", m.Year(), m.Num()) }

// drops withdraws, from the year's first month, the projects on the list
// that a list import leaves out.
func (pl *Plan) drops(sn Snapshot, kept map[string]bool, o PlanOptions) {
	first := MonthOf(o.Period.Year(), 1)
	d, _ := FieldListUntil.Def()
	var codes []string
	for code, st := range sn {
		if st.OnList && !kept[code] && (st.ListUntil.IsZero() || st.ListUntil > first) {
			codes = append(codes, code)
		}
	}
	sort.Strings(codes)
	for _, code := range codes {
		f := Facts{ListUntil: first}
		pl.add(Change{Code: code, Field: d.Name, Old: sn.Value(code, d), New: d.Text(&f)})
		pl.Dropped++
	}
}

// noListYet says, for a year without a list, that this import forms it.
func (pl *Plan) noListYet(o PlanOptions, n int) {
	if o.List || o.ListExists {
		return
	}
	if n > 0 {
		pl.Problems = append(pl.Problems, Problem{Severity: SeverityWarning,
			Message: fmt.Sprintf("%d年尚无清单：本次导入的%d个项目将列入清单", o.Period.Year(), n)})
	}
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

// InCodeOrder returns pointers to records sorted by code, records of the
// same code in their order.
func InCodeOrder(records []LedgerRecord) []*LedgerRecord {
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
func (pl *Plan) scopeChanges(sn Snapshot, r *LedgerRecord, scope Scope, o PlanOptions) {
	period := o.Period
	for _, d := range r.Has.Defs() {
		if d.Scope != scope || d.Field == FieldDistrict && r.District == "" || d.Field == FieldNature && r.Nature == "" {
			continue
		}
		if d.Field == FieldActualStart && !o.List && pl.laterStart(sn, r, period) {
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
func (pl *Plan) yearChanges(sn Snapshot, r *LedgerRecord, o PlanOptions) {
	period := o.Period
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
		pl.scopeChanges(sn, &without, ScopeYear, o)
		return
	}
	pl.scopeChanges(sn, r, ScopeYear, o)
}

// addedFrom records, for a created project the office added to the list
// (增补), the month it joins the list as a change of its own, so that the
// list's changes show it like any other addition.
func (pl *Plan) addedFrom(r *LedgerRecord) {
	if r.Has&FieldListFrom == 0 || r.ListFrom.IsZero() {
		return
	}
	d, _ := FieldListFrom.Def()
	pl.add(Change{Code: r.Code, Field: d.Name, New: d.Text(&r.Facts)})
}

// withoutFutureStart drops, from a new project of a monthly ledger, an
// actual start after the ledger's month, with a warning.
func (pl *Plan) withoutFutureStart(r *LedgerRecord, o PlanOptions) *LedgerRecord {
	if o.List || r.Has&FieldActualStart == 0 || r.ActualStart <= o.Period {
		return r
	}
	pl.problem(r, SeverityWarning, fmt.Sprintf("实际开工时间%s晚于本台账的报告期%s，本项未导入", monthZh(r.ActualStart), monthZh(o.Period)))
	out := *r
	out.ActualStart, out.Has = 0, out.Has&^FieldActualStart
	return &out
}

// laterStart keeps an actual start a ledger of an earlier month must not
// undo: one stored for a month after the ledger's (a later report set it)
// stays, and a start after the ledger's own month is no fact of it yet;
// either way the row is applied without it, with a warning.
func (pl *Plan) laterStart(sn Snapshot, r *LedgerRecord, period Month) bool {
	st := sn[r.Code]
	switch {
	case st.ActualStart == r.ActualStart:
		return false
	case st.ActualStart > period:
		by := st.StartReport
		if by == "" {
			by = "此前的报送"
		}
		pl.problem(r, SeverityWarning, fmt.Sprintf("实际开工时间已由%s报为%s，晚于本台账的报告期%s，本台账不能更改，本项未导入",
			by, monthZh(st.ActualStart), monthZh(period)))
		return true
	case r.ActualStart > period:
		pl.problem(r, SeverityWarning, fmt.Sprintf("实际开工时间%s晚于本台账的报告期%s，本项未导入", monthZh(r.ActualStart), monthZh(period)))
		return true
	}
	return false
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

// offList reports whether a code has no entry in the year's list (so the
// office may accept it as 增补).
func (sn Snapshot) offList(code string) bool { st := sn[code]; return st == nil || !st.OnList }

// notOnList refuses a row whose project is not on the list, saying which
// project, so the preview can offer to accept it as 增补.
func (pl *Plan) notOnList(r *LedgerRecord, msg string) {
	pl.problem(r, SeverityError, msg)
	p := &pl.Problems[len(pl.Problems)-1]
	p.Code, p.Kind = r.Code, ProblemNotOnList
}

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
