package models

import "testing"

func TestPolicyTable(t *testing.T) {
	admin := User{Name: "a", Role: RoleAdmin}
	zd := User{Name: "z", Role: RoleUploader, District: "张店区"}
	reviewer := User{Name: "r", Role: RoleReviewer}
	disabled := User{Name: "d", Role: RoleAdmin, Disabled: true}
	stray := User{Name: "s", Role: RoleUploader} // an uploader without a unit
	tests := []struct {
		u    User
		a    Action
		unit string
		want bool
	}{
		{admin, ActionAdmin, "", true}, {admin, ActionWriteUnit, "淄川区", true}, {admin, ActionImport, "", true},
		{zd, ActionRead, "", true}, {zd, ActionImport, "", true}, {zd, ActionWriteUnit, "张店区", true},
		{zd, ActionWriteUnit, "淄川区", false}, {zd, ActionWriteUnit, "", false}, {zd, ActionAdmin, "", false},
		{reviewer, ActionRead, "", true}, {reviewer, ActionImport, "", false}, {reviewer, ActionWriteUnit, "张店区", false},
		{disabled, ActionRead, "", false}, {stray, ActionImport, "", false}, {stray, ActionWriteUnit, "", false},
		{admin, ActionReview, "", true}, {zd, ActionReview, "", false}, {reviewer, ActionReview, "", false}, {disabled, ActionReview, "", false},
		{User{Role: "boss"}, ActionRead, "", false}, {admin, Action("delete_everything"), "", false},
	}
	for _, tt := range tests {
		if got := Allowed(tt.u, tt.a, tt.unit); got != tt.want {
			t.Errorf("Allowed(%s/%s, %s, %q) = %v, want %v", tt.u.Role, tt.u.District, tt.a, tt.unit, got, tt.want)
		}
	}
}

func TestMaySuperviseTable(t *testing.T) {
	admin := User{Name: "a", Role: RoleAdmin}
	zd := User{Name: "z", Role: RoleUploader, District: "张店区"}
	reviewer := User{Name: "r", Role: RoleReviewer}
	stray := User{Name: "s", Role: RoleUploader}
	tests := []struct {
		u    User
		a    SupervisionAction
		unit string
		want bool
	}{
		{admin, SuperviseOpen, "张店区", true}, {admin, SuperviseReply, "张店区", true}, {admin, SuperviseClose, "张店区", true}, {admin, SuperviseReopen, "张店区", true},
		{zd, SuperviseOpen, "张店区", false}, {zd, SuperviseReply, "张店区", true}, {zd, SuperviseClose, "张店区", false}, {zd, SuperviseReopen, "张店区", false},
		{zd, SuperviseReply, "淄川区", false}, {stray, SuperviseReply, "", false}, {admin, SuperviseReply, "", false},
		{reviewer, SuperviseOpen, "张店区", false}, {reviewer, SuperviseReply, "张店区", false}, {reviewer, SuperviseClose, "张店区", false},
		{User{Name: "x", Role: RoleUploader, District: "张店区", Disabled: true}, SuperviseReply, "张店区", false},
		{admin, SupervisionAction("delete"), "张店区", false},
	}
	for _, tt := range tests {
		if got := MaySupervise(tt.u, tt.a, tt.unit); got != tt.want {
			t.Errorf("MaySupervise(%s/%s, %s, %q) = %v, want %v", tt.u.Role, tt.u.District, tt.a, tt.unit, got, tt.want)
		}
	}
}

// TestReviewedTable: while review is on, a district uploader's upload and
// its hand edit wait for the office; the office's own never do, nor
// anything with review off, nor a list.
func TestReviewedTable(t *testing.T) {
	admin := User{Name: "a", Role: RoleAdmin}
	zd := User{Name: "z", Role: RoleUploader, District: "张店区"}
	on, off := Collection{}, Collection{NoReview: true}
	tests := []struct {
		c    Collection
		u    User
		k    ImportKind
		want bool
	}{
		{on, zd, ImportUpload, true}, {on, zd, ImportEdit, true}, {on, zd, ImportList, false},
		{on, admin, ImportUpload, false}, {on, admin, ImportEdit, false},
		{off, zd, ImportUpload, false}, {off, zd, ImportEdit, false}, {off, admin, ImportEdit, false},
	}
	for _, tt := range tests {
		if got := tt.c.Reviewed(tt.u, tt.k); got != tt.want {
			t.Errorf("Collection{NoReview: %v}.Reviewed(%s, %s) = %v, want %v", tt.c.NoReview, tt.u.Role, tt.k, got, tt.want)
		}
	}
}

// TestMayWithdrawImportTable: only a waiting import can be withdrawn, and
// only by its sender or the office.
func TestMayWithdrawImportTable(t *testing.T) {
	admin := User{Name: "a", Role: RoleAdmin}
	zd := User{Name: "z", Role: RoleUploader, District: "张店区"}
	zd2 := User{Name: "z2", Role: RoleUploader, District: "张店区"}
	zc := User{Name: "c", Role: RoleUploader, District: "淄川区"}
	reviewer := User{Name: "r", Role: RoleReviewer}
	sent := func(s ImportStatus) *Import {
		return &Import{User: "z", Unit: "张店区", Districts: []string{"张店区"}, Status: s}
	}
	tests := []struct {
		u    User
		imp  *Import
		want bool
	}{
		{zd, sent(StatusSubmitted), true}, {admin, sent(StatusSubmitted), true},
		{zd2, sent(StatusSubmitted), false}, {zc, sent(StatusSubmitted), false}, {reviewer, sent(StatusSubmitted), false},
		{zd, sent(StatusCommitted), false}, {zd, sent(StatusReturned), false}, {zd, sent(StatusWithdrawn), false},
		{zd, sent(StatusPreviewed), false}, {admin, sent(StatusReturned), false},
		{User{Name: "z", Role: RoleUploader, District: "张店区", Disabled: true}, sent(StatusSubmitted), false},
	}
	for i, tt := range tests {
		if got := MayWithdrawImport(tt.u, tt.imp); got != tt.want {
			t.Errorf("%d: MayWithdrawImport(%s/%s, %s) = %v, want %v", i, tt.u.Name, tt.u.Role, tt.imp.Status, got, tt.want)
		}
	}
}
