package models

// LaterChange is a change made by a later import that is still in force,
// as the revert of an earlier import must consider it.
type LaterChange struct {
	ImportID int64
	Period   Month // the later import's reporting month
	Code     string
	Field    string
	FileName string
}

// RevertTargets indexes the changes of an import to revert, for
// RevertBlocked.
type RevertTargets struct {
	Period Month
	Codes  []string        // the codes it changed, each once
	mine   map[string]bool // code + "\x00" + field
}

// NewRevertTargets indexes the changes an import of period made.
func NewRevertTargets(period Month, changes []Change) RevertTargets {
	t := RevertTargets{Period: period, mine: make(map[string]bool, len(changes))}
	for _, c := range changes {
		if !t.mine[c.Code+"\x00"] {
			t.mine[c.Code+"\x00"] = true
			t.Codes = append(t.Codes, c.Code)
		}
		t.mine[c.Code+"\x00"+c.Field] = true
	}
	return t
}

// RevertBlocked reports whether a later change stands in the way of the
// revert, by four rules:
//   - a later import built on a project this one created: always;
//   - a project's own field (name, unit, total investment, actual start
//     ...) that both changed: always, whatever their months;
//   - a field of the year's list (nature, annual plan, planned start, or
//     the entry itself) that both changed: when both are of the same year;
//   - a field of a month (the cumulative figure, 形象进度 ...) that both
//     changed: when both are of the same month.
//
// Changes to other fields or other projects never block.
func (t RevertTargets) RevertBlocked(l LaterChange) bool {
	if t.mine[l.Code+"\x00"+ChangeProject] {
		return true
	}
	scope := ScopeOfChange(l.Field)
	same := t.mine[l.Code+"\x00"+l.Field] || scope == ScopeYear && t.mine[l.Code+"\x00"+ChangePlanEntry]
	switch {
	case !same:
		return false
	case scope == ScopeMonth:
		return l.Period == t.Period
	case scope == ScopeYear:
		return l.Period.Year() == t.Period.Year()
	}
	return true
}

// ScopeOfChange is the scope of a change field: the list entry belongs to
// the year and a created project to the project.
func ScopeOfChange(field string) Scope {
	switch field {
	case ChangePlanEntry:
		return ScopeYear
	case ChangeProject:
		return ScopeProject
	}
	f, _ := FieldNamed(field)
	d, _ := f.Def()
	return d.Scope
}
