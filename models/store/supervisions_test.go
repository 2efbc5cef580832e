package store

import (
	"context"
	"testing"
	"time"

	"tracker/models"
)

// clockAt sets s's clock to the returned pointer's time.
func clockAt(s *Store, t time.Time) *time.Time {
	now := t
	s.SetClock(func() time.Time { return now })
	return &now
}

func TestSupervisionOpenReplyCloseReopen(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, _ := seeded(t, s)
		now := clockAt(s, time.Date(2024, 7, 3, 1, 0, 0, 0, time.UTC))
		zdUp, zcUp := uploaderOf("张店区"), uploaderOf("淄川区")
		sv, err := s.OpenSupervision(ctx, NewSupervision{Code: zd.Code, Deadline: "2024-07-15", Description: "用地预审未批复"}, admin)
		if err != nil {
			t.Fatal(err)
		}
		if sv.ID == 0 || sv.Unit != "张店区" || sv.Status != models.SupervisionOpen || sv.ProjectName != zd.Name ||
			sv.OpenedBy != "admin" || !sv.OpenedAt.Equal(*now) || len(sv.Steps) != 1 || sv.Overdue {
			t.Fatalf("opened: %+v", sv)
		}
		if _, err := s.SuperviseStep(ctx, sv.ID, models.SuperviseReply, "不是我的", zcUp); models.ErrorCode(err) != models.EFORBIDDEN {
			t.Errorf("another unit's reply: %v, want EFORBIDDEN", err)
		}
		*now = now.Add(48 * time.Hour)
		sv, err = s.SuperviseStep(ctx, sv.ID, models.SuperviseReply, "已报市自然资源局，预计7月20日批复", zdUp)
		if err != nil || sv.Status != models.SupervisionReplied || sv.Reply != "已报市自然资源局，预计7月20日批复" || len(sv.Steps) != 2 ||
			sv.Steps[1].User != zdUp.Name || !sv.Steps[1].At.Equal(*now) {
			t.Fatalf("replied: %+v %v", sv, err)
		}
		*now = time.Date(2024, 7, 16, 1, 0, 0, 0, time.UTC) // 16 July in Zibo: past the deadline
		if got, _ := s.Supervision(ctx, sv.ID); !got.Overdue {
			t.Errorf("replied and past the deadline: not overdue")
		}
		yes, no := true, false
		counts := func(f models.SupervisionFilter) int {
			list, err := s.Supervisions(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		if n, m := counts(models.SupervisionFilter{Overdue: &yes}), counts(models.SupervisionFilter{Overdue: &no}); n != 1 || m != 0 {
			t.Errorf("overdue %d, not overdue %d; want 1, 0", n, m)
		}
		sv, err = s.SuperviseStep(ctx, sv.ID, models.SuperviseClose, "已批复", admin)
		if err != nil || sv.Status != models.SupervisionClosed || sv.Overdue {
			t.Fatalf("closed: %+v %v", sv, err)
		}
		if _, err := s.SuperviseStep(ctx, sv.ID, models.SuperviseReply, "补充", zdUp); models.ErrorCode(err) != models.ECONFLICT {
			t.Errorf("reply to a closed item: %v, want ECONFLICT", err)
		}
		if n, m := counts(models.SupervisionFilter{Overdue: &yes}), counts(models.SupervisionFilter{Overdue: &no}); n != 0 || m != 1 {
			t.Errorf("after closing: overdue %d, not overdue %d; want 0, 1", n, m)
		}
		sv, err = s.SuperviseStep(ctx, sv.ID, models.SuperviseReopen, "批复文件有误", admin)
		if err != nil || sv.Status != models.SupervisionOpen || !sv.Overdue || len(sv.Steps) != 4 {
			t.Fatalf("reopened: %+v %v", sv, err)
		}
		if n := counts(models.SupervisionFilter{Unit: "张店区", Status: models.SupervisionOpen}); n != 1 {
			t.Errorf("张店区 open: %d, want 1", n)
		}
		if n := counts(models.SupervisionFilter{Unit: "淄川区"}); n != 0 {
			t.Errorf("淄川区: %d, want 0", n)
		}
		if n := counts(models.SupervisionFilter{Code: zd.Code, Status: models.SupervisionClosed}); n != 0 {
			t.Errorf("closed of the project: %d, want 0", n)
		}
	})
}

func TestSupervisionRefusals(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, zc := seeded(t, s)
		tests := []struct {
			n    NewSupervision
			u    models.User
			code string
		}{
			{NewSupervision{Code: "9999-000000-00-00-000000", Deadline: "2024-07-15", Description: "x"}, admin, models.ENOTFOUND},
			{NewSupervision{Code: zd.Code, Deadline: "7月15日", Description: "x"}, admin, models.EINVALID},
			{NewSupervision{Code: zd.Code, Unit: "市教育局", Deadline: "2024-07-15", Description: "x"}, admin, models.EINVALID},
			{NewSupervision{Code: zd.Code, Deadline: "2024-07-15", Description: ""}, admin, models.EINVALID},
			{NewSupervision{Code: zd.Code, Deadline: "2024-07-15", Description: "x"}, uploaderOf("张店区"), models.EFORBIDDEN},
		}
		for _, tt := range tests {
			if _, err := s.OpenSupervision(ctx, tt.n, tt.u); models.ErrorCode(err) != tt.code {
				t.Errorf("%+v by %s: %v, want %s", tt.n, tt.u.Name, err, tt.code)
			}
		}
		// The unit is read by any spelling; the item is the unit's, not
		// the project's.
		sv, err := s.OpenSupervision(ctx, NewSupervision{Code: zd.Code, Unit: "淄川", Deadline: "2024-07-15", Description: "跨区协调"}, admin)
		if err != nil || sv.Unit != "淄川区" {
			t.Fatalf("opened for 淄川: %+v %v", sv, err)
		}
		if _, err := s.SuperviseStep(ctx, sv.ID, models.SuperviseReply, "我区负责", uploaderOf("张店区")); models.ErrorCode(err) != models.EFORBIDDEN {
			t.Errorf("the project's unit replies for another: %v, want EFORBIDDEN", err)
		}
		if _, err := s.SuperviseStep(ctx, 999, models.SuperviseClose, "", admin); models.ErrorCode(err) != models.ENOTFOUND {
			t.Errorf("unknown item: %v, want ENOTFOUND", err)
		}
		if list, _ := s.Supervisions(ctx, models.SupervisionFilter{}); len(list) != 1 {
			t.Errorf("refused openings left %d items, want 1", len(list))
		}
		_ = zc
	})
}

func TestSupervisionStepsAreInTheAuditTrail(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, zc := seeded(t, s)
		now := clockAt(s, time.Date(2024, 7, 3, 1, 0, 0, 0, time.UTC))
		step := func() { *now = now.Add(time.Hour) }
		sv, err := s.OpenSupervision(ctx, NewSupervision{Code: zd.Code, Deadline: "2024-07-15", Description: "用地预审未批复"}, admin)
		if err != nil {
			t.Fatal(err)
		}
		step()
		// A hand edit between the steps keeps its place by time.
		if _, err := s.EditProject(ctx, zc.Code, editOf(t, `{"period":"2024-06","completed_ytd_wan":5,"note":"更正"}`), admin, false); err != nil {
			t.Fatal(err)
		}
		step()
		if _, err := s.SuperviseStep(ctx, sv.ID, models.SuperviseReply, "已上报", uploaderOf("张店区")); err != nil {
			t.Fatal(err)
		}
		step()
		if _, err := s.SuperviseStep(ctx, sv.ID, models.SuperviseClose, "已批复", admin); err != nil {
			t.Fatal(err)
		}
		entries, err := s.Audit(ctx, models.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			if e.Kind == models.AuditSupervision {
				got = append(got, string(e.Action)+"|"+e.User+"|"+deref(e.Old)+">"+deref(e.New)+"|"+e.Note+"|"+e.At.Format("15:04"))
			} else if e.Code == zc.Code {
				got = append(got, "edit|"+e.Field+"|"+e.At.Format("15:04"))
			}
		}
		want := []string{"close|admin|replied>closed|已批复|04:00", "reply|u-张店区|open>replied|已上报|03:00",
			"edit|completed_ytd_wan|02:00", "open|admin|>open|用地预审未批复|01:00"}
		if len(got) != len(want) {
			t.Fatalf("trail %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("trail[%d] = %s, want %s", i, got[i], want[i])
			}
		}
		only, _ := s.Audit(ctx, models.AuditFilter{Code: zd.Code, ImportsOnly: true})
		mine, _ := s.Audit(ctx, models.AuditFilter{District: "张店区", User: "u-张店区"})
		if len(only) != 0 || len(mine) != 1 || mine[0].Action != models.SuperviseReply || mine[0].SupervisionID != sv.ID {
			t.Errorf("imports only %d entries (want 0); 张店区's uploader %+v (want its one reply)", len(only), mine)
		}
	})
}
