package models

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

var (
	svAdmin     = User{Name: "office", Role: RoleAdmin}
	svZhangdian = User{Name: "zd", Role: RoleUploader, District: "张店区"}
	svZichuan   = User{Name: "zc", Role: RoleUploader, District: "淄川区"}
	svReviewer  = User{Name: "r", Role: RoleReviewer}
	svDisabled  = User{Name: "d", Role: RoleAdmin, Disabled: true}
)

func TestSupervisionStepsByStatusAndRole(t *testing.T) {
	at := time.Date(2024, 7, 1, 2, 0, 0, 0, time.UTC)
	tests := []struct {
		from SupervisionStatus
		u    User
		a    SupervisionAction
		want SupervisionStatus // "" when refused
		code string
	}{
		{"", svAdmin, SuperviseOpen, SupervisionOpen, ""},
		{"", svZhangdian, SuperviseOpen, "", EFORBIDDEN},
		{"", svReviewer, SuperviseOpen, "", EFORBIDDEN},
		{"", svAdmin, SuperviseReply, "", ECONFLICT},
		{SupervisionOpen, svAdmin, SuperviseOpen, "", ECONFLICT},
		{SupervisionOpen, svZhangdian, SuperviseReply, SupervisionReplied, ""},
		{SupervisionOpen, svAdmin, SuperviseReply, SupervisionReplied, ""},
		{SupervisionOpen, svZichuan, SuperviseReply, "", EFORBIDDEN},
		{SupervisionOpen, svReviewer, SuperviseReply, "", EFORBIDDEN},
		{SupervisionOpen, svDisabled, SuperviseReply, "", EFORBIDDEN},
		{SupervisionOpen, svAdmin, SuperviseClose, SupervisionClosed, ""},
		{SupervisionOpen, svZhangdian, SuperviseClose, "", EFORBIDDEN},
		{SupervisionOpen, svAdmin, SuperviseReopen, "", ECONFLICT},
		{SupervisionReplied, svZhangdian, SuperviseReply, SupervisionReplied, ""},
		{SupervisionReplied, svAdmin, SuperviseClose, SupervisionClosed, ""},
		{SupervisionReplied, svZhangdian, SuperviseClose, "", EFORBIDDEN},
		{SupervisionReplied, svAdmin, SuperviseReopen, "", ECONFLICT},
		{SupervisionClosed, svZhangdian, SuperviseReply, "", ECONFLICT},
		{SupervisionClosed, svAdmin, SuperviseClose, "", ECONFLICT},
		{SupervisionClosed, svAdmin, SuperviseReopen, SupervisionOpen, ""},
		{SupervisionClosed, svZhangdian, SuperviseReopen, "", EFORBIDDEN},
		{SupervisionOpen, svAdmin, SupervisionAction("delete"), "", EINVALID},
	}
	for _, tt := range tests {
		sv := Supervision{Unit: "张店区", Status: tt.from, Deadline: "2024-07-15"}
		st, err := sv.Step(tt.u, tt.a, "说明", at)
		if got := ErrorCode(err); got != tt.code {
			t.Errorf("%s %s by %s/%s: error %q (%v), want %q", tt.from, tt.a, tt.u.Role, tt.u.District, got, err, tt.code)
			continue
		}
		if tt.code != "" {
			if sv.Status != tt.from || len(sv.Steps) != 0 {
				t.Errorf("%s %s refused but changed the item: %+v", tt.from, tt.a, sv)
			}
			continue
		}
		if sv.Status != tt.want || st.Status != tt.want || st.User != tt.u.Name || !st.At.Equal(at) || st.Text != "说明" || len(sv.Steps) != 1 {
			t.Errorf("%s %s by %s: item %+v step %+v, want status %s", tt.from, tt.a, tt.u.Name, sv, st, tt.want)
		}
	}
}

func TestSupervisionTextRules(t *testing.T) {
	at := time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		from SupervisionStatus
		a    SupervisionAction
		text string
		code string
	}{
		{"", SuperviseOpen, "  ", EINVALID},
		{SupervisionOpen, SuperviseReply, "", EINVALID},
		{SupervisionClosed, SuperviseReopen, "", EINVALID},
		{SupervisionOpen, SuperviseClose, "", ""},
		{SupervisionOpen, SuperviseReply, strings.Repeat("字", MaxSupervisionText), ""},
		{SupervisionOpen, SuperviseReply, strings.Repeat("字", MaxSupervisionText+1), EINVALID},
	}
	for _, tt := range tests {
		sv := Supervision{Unit: "张店区", Status: tt.from}
		if _, err := sv.Step(svAdmin, tt.a, tt.text, at); ErrorCode(err) != tt.code {
			t.Errorf("%s with %d characters: %v, want %q", tt.a, len([]rune(tt.text)), err, tt.code)
		}
	}
}

func TestSupervisionOverdueOnADay(t *testing.T) {
	tests := []struct {
		status SupervisionStatus
		day    string
		want   bool
	}{
		{SupervisionOpen, "2024-07-14", false},
		{SupervisionOpen, "2024-07-15", false}, // the deadline day is in time
		{SupervisionOpen, "2024-07-16", true},
		{SupervisionReplied, "2024-08-01", true}, // replied is not done
		{SupervisionClosed, "2024-08-01", false},
		{SupervisionOpen, "2025-01-01", true},
	}
	for _, tt := range tests {
		sv := Supervision{Status: tt.status, Deadline: "2024-07-15"}
		if got := sv.OverdueOn(tt.day); got != tt.want {
			t.Errorf("%s on %s: overdue %v, want %v", tt.status, tt.day, got, tt.want)
		}
	}
}

func TestOfficeDayIsChinaTime(t *testing.T) {
	// 16:30 UTC on 15 July is already 16 July in Zibo.
	if got := OfficeDay(time.Date(2024, 7, 15, 16, 30, 0, 0, time.UTC)); got != "2024-07-16" {
		t.Errorf("got %s, want 2024-07-16", got)
	}
}

func TestSupervisionAsOfReplaysTheSteps(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 6, d, 2, 0, 0, 0, time.UTC) }
	sv := Supervision{Unit: "张店区", Deadline: "2024-06-20"}
	steps := []struct {
		u    User
		a    SupervisionAction
		text string
		at   time.Time
	}{
		{svAdmin, SuperviseOpen, "用地手续未办结", day(3)},
		{svZhangdian, SuperviseReply, "已报市自然资源局", day(10)},
		{svAdmin, SuperviseClose, "", day(12)},
		{svAdmin, SuperviseReopen, "手续仍未办结", time.Date(2024, 7, 2, 0, 0, 0, 0, time.UTC)},
	}
	for _, s := range steps {
		if _, err := sv.Step(s.u, s.a, s.text, s.at); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		at      time.Time
		ok      bool
		status  SupervisionStatus
		reply   string
		overdue bool
	}{
		{day(2), false, "", "", false},
		{day(3), true, SupervisionOpen, "", false},
		{day(11), true, SupervisionReplied, "已报市自然资源局", false},
		{day(30), true, SupervisionClosed, "已报市自然资源局", false},
		{time.Date(2024, 7, 31, 0, 0, 0, 0, time.UTC), true, SupervisionOpen, "已报市自然资源局", true},
	}
	for _, tt := range tests {
		then, ok := sv.AsOf(tt.at)
		if ok != tt.ok || then.Status != tt.status || then.Reply != tt.reply || then.OverdueOn(OfficeDay(tt.at)) != tt.overdue {
			t.Errorf("as of %s: ok %v status %s reply %q overdue %v, want %v %s %q %v", tt.at.Format("01-02"),
				ok, then.Status, then.Reply, then.OverdueOn(OfficeDay(tt.at)), tt.ok, tt.status, tt.reply, tt.overdue)
		}
	}
	if sv.Status != SupervisionOpen || len(sv.Steps) != 4 || sv.Description != "用地手续未办结" || sv.OpenedBy != "office" {
		t.Errorf("the item itself changed: %+v", sv)
	}
}

func TestParseSupervisionStatus(t *testing.T) {
	for in, want := range map[string]SupervisionStatus{"": "", "open": SupervisionOpen, "已回复": SupervisionReplied, " closed ": SupervisionClosed} {
		if got, err := ParseSupervisionStatus(in); err != nil || got != want {
			t.Errorf("%q: %s %v, want %s", in, got, err, want)
		}
	}
	if _, err := ParseSupervisionStatus("done"); ErrorCode(err) != EINVALID {
		t.Errorf("done: %v, want EINVALID", err)
	}
	if _, err := ParseDeadline("2024-02-30"); ErrorCode(err) != EINVALID {
		t.Errorf("2024-02-30: %v, want EINVALID", err)
	}
}

func TestSupervisionsOfMonthAsOfItsEnd(t *testing.T) {
	cst := func(mo time.Month, d, h int) time.Time { return time.Date(2024, mo, d, h, 0, 0, 0, OfficeZone) }
	item := func(unit, deadline string, steps ...SupervisionStep) Supervision {
		sv := Supervision{Unit: unit, Deadline: deadline}
		for _, st := range steps {
			sv.apply(st)
		}
		return sv
	}
	open := func(at time.Time, text string) SupervisionStep {
		return SupervisionStep{Action: SuperviseOpen, Status: SupervisionOpen, User: "office", At: at, Text: text}
	}
	reply := func(at time.Time, text string) SupervisionStep {
		return SupervisionStep{Action: SuperviseReply, Status: SupervisionReplied, User: "zd", At: at, Text: text}
	}
	closed := func(at time.Time) SupervisionStep {
		return SupervisionStep{Action: SuperviseClose, Status: SupervisionClosed, User: "office", At: at}
	}
	items := []Supervision{
		item("张店区", "2024-06-20", open(cst(5, 10, 9), "A"), closed(cst(5, 30, 9))),                            // closed in May: not in June
		item("张店区", "2024-06-20", open(cst(5, 10, 9), "B"), reply(cst(6, 5, 9), "b1"), closed(cst(6, 25, 9))), // closed in June
		item("淄川区", "2024-06-25", open(cst(6, 1, 0), "C"), reply(cst(7, 1, 0), "c1")),                         // the July reply does not show
		item("淄川区", "2024-06-30", open(cst(6, 30, 23), "D")),                                                  // deadline day: in time
		item("博山区", "2024-07-31", open(cst(7, 1, 0), "E")),                                                    // opened after June
		item("博山区", "2024-06-10", open(cst(4, 1, 0), "F"), closed(cst(5, 1, 0)), SupervisionStep{Action: SuperviseReopen, Status: SupervisionOpen, User: "office", At: cst(6, 2, 0)}),
	}
	got := SupervisionsOfMonth(items, MonthOf(2024, 6), cst(12, 1, 0))
	var lines []string
	for _, sv := range got {
		lines = append(lines, fmt.Sprintf("%s %s %q %v", sv.Description, sv.Status, sv.Reply, sv.Overdue))
	}
	want := `[B closed "b1" false C open "" true D open "" false F open "" true]`
	if fmt.Sprint(lines) != want {
		t.Errorf("June's 督办事项: %v, want %s", lines, want)
	}
	// A month not over is as of now: on 20 June (B's deadline day, still in
	// time) D is not yet opened and C
	// not yet overdue.
	got = SupervisionsOfMonth(items, MonthOf(2024, 6), cst(6, 20, 12))
	lines = nil
	for _, sv := range got {
		lines = append(lines, fmt.Sprintf("%s %s %v", sv.Description, sv.Status, sv.Overdue))
	}
	if want := "[B replied false C open false F open true]"; fmt.Sprint(lines) != want {
		t.Errorf("June's 督办事项 on 20 June: %v, want %s", lines, want)
	}
	if len(items[2].Steps) != 2 || items[2].Reply != "c1" {
		t.Errorf("the items themselves changed: %+v", items[2])
	}
}
