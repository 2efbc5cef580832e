package models

import (
	"strings"
	"time"
	"unicode/utf8"
)

// SupervisionStatus is where a 督办 item stands: 待回复 (open, the
// responsible unit must answer), 已回复 (replied, the office has to judge
// the answer) or 已办结 (closed).
type SupervisionStatus string

// The statuses of a 督办 item.
const (
	SupervisionOpen    SupervisionStatus = "open"
	SupervisionReplied SupervisionStatus = "replied"
	SupervisionClosed  SupervisionStatus = "closed"
)

var supervisionLabels = map[SupervisionStatus]string{
	SupervisionOpen: "待回复", SupervisionReplied: "已回复", SupervisionClosed: "已办结",
}

// Label is the status in Chinese; an unknown status passes through.
func (s SupervisionStatus) Label() string {
	if l, ok := supervisionLabels[s]; ok {
		return l
	}
	return string(s)
}

// ParseSupervisionStatus reads a status by its code (open, replied,
// closed) or its Chinese label; "" is none. Anything else is EINVALID.
func ParseSupervisionStatus(s string) (SupervisionStatus, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for st, l := range supervisionLabels {
		if s == string(st) || s == l {
			return st, nil
		}
	}
	return "", Errorf(EINVALID, "督办状态“%s”不对，应为 open（待回复）、replied（已回复）或 closed（已办结）", s)
}

// SupervisionAction is one step of a 督办 item's life.
type SupervisionAction string

// The steps: the office opens (交办) an item, the responsible unit replies
// (回复, as often as it needs until the item is closed), the office closes
// it (办结) or reopens (重新交办) a closed one.
const (
	SuperviseOpen   SupervisionAction = "open"
	SuperviseReply  SupervisionAction = "reply"
	SuperviseClose  SupervisionAction = "close"
	SuperviseReopen SupervisionAction = "reopen"
)

var actionLabels = map[SupervisionAction]string{
	SuperviseOpen: "交办", SuperviseReply: "回复", SuperviseClose: "办结", SuperviseReopen: "重新交办",
}

// Label is the step in Chinese.
func (a SupervisionAction) Label() string {
	if l, ok := actionLabels[a]; ok {
		return l
	}
	return string(a)
}

// transitions: for each step, the statuses it may start from ("" is an
// item not yet opened) and the status it leads to.
var transitions = map[SupervisionAction]struct {
	from []SupervisionStatus
	to   SupervisionStatus
}{
	SuperviseOpen:   {[]SupervisionStatus{""}, SupervisionOpen},
	SuperviseReply:  {[]SupervisionStatus{SupervisionOpen, SupervisionReplied}, SupervisionReplied},
	SuperviseClose:  {[]SupervisionStatus{SupervisionOpen, SupervisionReplied}, SupervisionClosed},
	SuperviseReopen: {[]SupervisionStatus{SupervisionClosed}, SupervisionOpen},
}

// MaxSupervisionText is the longest description, reply or note, in
// characters.
const MaxSupervisionText = 1000

// Supervision is one 督办 item: a project's problem the office hands to a
// responsible unit (责任单位, a reporting unit whose uploaders answer) with
// a deadline, and everything done with it since.
type Supervision struct {
	ID          int64             `json:"id"`
	Code        string            `json:"code"`
	ProjectName string            `json:"project_name"`
	Unit        string            `json:"unit"`
	Deadline    string            `json:"deadline"` // YYYY-MM-DD, a day in OfficeZone
	Description string            `json:"description"`
	Status      SupervisionStatus `json:"status"`
	// Overdue is OverdueOn the store's today when the item was read.
	Overdue   bool              `json:"overdue"`
	Reply     string            `json:"reply"` // the latest reply, "" before any
	OpenedBy  string            `json:"opened_by"`
	OpenedAt  time.Time         `json:"opened_at"`
	UpdatedAt time.Time         `json:"updated_at"`
	Steps     []SupervisionStep `json:"steps"` // oldest first
}

// SupervisionStep is one step as recorded: who did what when, with the
// text they gave (the description, a reply, a closing or reopening note),
// and the status it led to.
type SupervisionStep struct {
	Action SupervisionAction `json:"action"`
	Status SupervisionStatus `json:"status"`
	User   string            `json:"user"`
	At     time.Time         `json:"at"`
	Text   string            `json:"text"`
}

// SupervisionFilter selects 督办 items; zero fields select all.
type SupervisionFilter struct {
	Code   string
	Unit   string
	Status SupervisionStatus
	// Pending keeps only the items not closed (待回复 or 已回复).
	Pending bool
	// Overdue, when set, keeps only the items that are (true) or are not
	// (false) overdue today.
	Overdue *bool
}

// OfficeDay is t's day in OfficeZone as YYYY-MM-DD: deadlines and "today"
// are office days whatever the server's zone.
func OfficeDay(t time.Time) string { return t.In(OfficeZone).Format("2006-01-02") }

// ParseDeadline reads a deadline day, YYYY-MM-DD; anything else is
// EINVALID.
func ParseDeadline(s string) (string, error) {
	d, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return "", Errorf(EINVALID, "办理期限“%s”不对，应为日期，如 2024-07-15", s)
	}
	return d.Format("2006-01-02"), nil
}

// OverdueOn reports whether the item is overdue on day (YYYY-MM-DD): not
// closed and day is after its deadline (the deadline day itself is still
// in time).
func (sv *Supervision) OverdueOn(day string) bool {
	return sv.Status != SupervisionClosed && day > sv.Deadline
}

// Step is the rule of a 督办 item's life: it checks that u may take step a
// (MaySupervise), that the item's status allows it and that text is given
// where needed, then applies it to sv at time at and returns the step to
// record. Opening needs a description, replying a reply, reopening a
// reason; a closing note is optional. Refusals: EFORBIDDEN (who),
// ECONFLICT (status), EINVALID (text); sv is unchanged then.
func (sv *Supervision) Step(u User, a SupervisionAction, text string, at time.Time) (SupervisionStep, error) {
	tr, ok := transitions[a]
	if !ok {
		return SupervisionStep{}, Errorf(EINVALID, "没有“%s”这个督办操作", a)
	}
	if !MaySupervise(u, a, sv.Unit) {
		return SupervisionStep{}, refusal(a, sv.Unit)
	}
	if !hasStatus(tr.from, sv.Status) {
		return SupervisionStep{}, Errorf(ECONFLICT, "督办事项的状态是“%s”，不能%s", sv.Status.Label(), a.Label())
	}
	text = strings.TrimSpace(text)
	if err := checkText(a, text); err != nil {
		return SupervisionStep{}, err
	}
	st := SupervisionStep{Action: a, Status: tr.to, User: u.Name, At: at, Text: text}
	sv.apply(st)
	return st, nil
}

// apply changes sv as step st does.
func (sv *Supervision) apply(st SupervisionStep) {
	sv.Status, sv.UpdatedAt = st.Status, st.At
	switch st.Action {
	case SuperviseOpen:
		sv.Description, sv.OpenedBy, sv.OpenedAt = st.Text, st.User, st.At
	case SuperviseReply:
		sv.Reply = st.Text
	}
	sv.Steps = append(sv.Steps, st)
}

// AsOf is the item as it stood at t: its steps up to t replayed, so the
// status, the reply and the steps are those known then; ok is false when
// it was opened after t.
func (sv *Supervision) AsOf(t time.Time) (then Supervision, ok bool) {
	then = *sv
	then.Status, then.Reply, then.Steps = "", "", nil
	for _, st := range sv.Steps {
		if st.At.After(t) {
			break
		}
		then.apply(st)
	}
	return then, len(then.Steps) > 0
}

func hasStatus(list []SupervisionStatus, s SupervisionStatus) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func refusal(a SupervisionAction, unit string) error {
	if a == SuperviseReply {
		return Errorf(EFORBIDDEN, "只有责任单位（%s）的填报人员或市重大项目办可以回复这项督办", unit)
	}
	return Errorf(EFORBIDDEN, "只有市重大项目办（管理员）可以%s督办事项", a.Label())
}

func checkText(a SupervisionAction, text string) error {
	need := map[SupervisionAction]string{SuperviseOpen: "督办内容", SuperviseReply: "回复内容", SuperviseReopen: "重新交办的原因"}
	if what, ok := need[a]; ok && text == "" {
		return Errorf(EINVALID, "请填写%s", what)
	}
	if n := utf8.RuneCountInString(text); n > MaxSupervisionText {
		return Errorf(EINVALID, "内容太长：%d字，最多%d字", n, MaxSupervisionText)
	}
	return nil
}

// MonthEnd is the last moment of month m on the office's clock.
func MonthEnd(m Month) time.Time {
	return time.Date(m.Year(), time.Month(m.Num())+1, 1, 0, 0, 0, 0, OfficeZone).Add(-time.Nanosecond)
}

// SupervisionsOfMonth is the 督办事项 of month m's report, as of the end
// of m (or now, for a month not yet over): every item opened by then, as it
// stood then (AsOf: status, latest reply; nothing dated later shows), with
// Overdue on that day, except those closed before m began and not touched
// during m. So an item closed in m shows as 已办结, one closed in an
// earlier month is gone. The order of items is kept.
func SupervisionsOfMonth(items []Supervision, m Month, now time.Time) []Supervision {
	at := MonthEnd(m)
	if now.Before(at) {
		at = now
	}
	start := time.Date(m.Year(), time.Month(m.Num()), 1, 0, 0, 0, 0, OfficeZone)
	day := OfficeDay(at)
	var out []Supervision
	for i := range items {
		then, ok := items[i].AsOf(at)
		if !ok || then.Status == SupervisionClosed && then.Steps[len(then.Steps)-1].At.Before(start) {
			continue // not yet opened, or closed before the month
		}
		then.Overdue = then.OverdueOn(day)
		out = append(out, then)
	}
	return out
}
