package models

import "time"

// ListAction is a change of a year's list during the year.
type ListAction string

// The changes of a list (CONTRACT.md: POST /api/v1/lists/{year}/changes).
const (
	ListAdd       ListAction = "add"       // 增补: on the list from the effective month
	ListRemove    ListAction = "remove"    // 调出: off the list from the effective month
	ListImplement ListAction = "implement" // 准备类 → 实施类 from the effective month
)

var listActionLabels = map[ListAction]string{ListAdd: "增补", ListRemove: "调出", ListImplement: "转为实施类"}

// Label is the action in Chinese.
func (a ListAction) Label() string {
	if l, ok := listActionLabels[a]; ok {
		return l
	}
	return string(a)
}

// ParseListAction reads add/remove/implement or their Chinese names.
func ParseListAction(s string) (ListAction, bool) {
	for a, l := range listActionLabels {
		if s == string(a) || s == l {
			return a, true
		}
	}
	return "", false
}

// ListChange is one change of a year's list: which project, what, from
// which month, why, and who made it when.
type ListChange struct {
	Code      string     `json:"code"`
	Action    ListAction `json:"action"`
	Effective Month      `json:"effective"`
	Reason    string     `json:"reason"`
	User      string     `json:"user"`
	At        *time.Time `json:"at"`
	ImportID  int64      `json:"import_id,omitempty"` // the record of the change, revertible like an import
}

// ListItem is one project of a year's list with the months it is on it.
type ListItem struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	District string `json:"district"`
	Class    Class  `json:"class"`
	From     Month  `json:"from"` // the first month on the list
	To       Month  `json:"to"`   // the last month on it; none while it stays
}

// ListItemOf returns p's item in its year's list.
func ListItemOf(p *Project) ListItem {
	it := ListItem{Code: p.Code, Name: p.Name, District: p.District, Class: p.Class.OrImplement(), From: MonthOf(p.Year, 1)}
	if !p.ListFrom.IsZero() {
		it.From = p.ListFrom
	}
	if !p.ListUntil.IsZero() {
		it.To = p.ListUntil.prev()
	}
	return it
}

// prev is the month before m.
func (m Month) prev() Month {
	if m.Num() == 1 {
		return MonthOf(m.Year()-1, 12)
	}
	return m - 1
}

// Apply returns the fields of p's entry that the change sets, as change
// text by field, and a Chinese reason when the change does not fit p's
// entry as it stands (not on the list, already withdrawn, not 准备类 ...).
// Effective must be a month of the list's year.
func (c ListChange) Apply(p *Project, onList bool) (Field, Facts, string) {
	var f Facts
	switch {
	case c.Effective.Year() != p.Year:
		return 0, f, "生效月份应在清单年度内"
	case c.Action == ListAdd && onList && p.OnListAt(c.Effective):
		return 0, f, "项目已在清单中"
	case c.Action == ListAdd:
		f.ListFrom = c.Effective
		return FieldListFrom | FieldListUntil, f, ""
	case !onList:
		return 0, f, "项目不在该年清单中"
	case c.Action == ListRemove && !p.OnListAt(c.Effective):
		return 0, f, "项目在生效月份已不在清单中"
	case c.Action == ListRemove:
		f.ListUntil = c.Effective
		return FieldListUntil, f, ""
	case c.Action == ListImplement && p.Class.OrImplement() != ClassPrepare:
		return 0, f, "项目不是准备类项目"
	case c.Action == ListImplement && !p.ImplementedFrom.IsZero():
		return 0, f, "项目已转为实施类"
	}
	f.ImplementedFrom = c.Effective
	return FieldImplementedFrom, f, ""
}
