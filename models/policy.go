package models

// Action is something a user may or may not do.
type Action string

// The actions the policy decides.
const (
	ActionRead      Action = "read"       // read the portfolio, imports, rates; download reports
	ActionImport    Action = "import"     // upload ledgers (rows of other units are refused row by row)
	ActionWriteUnit Action = "write_unit" // change one unit's figures: commit, revert, edit
	ActionAdmin     Action = "admin"      // users, audit trail, quarter locks, any unit
	ActionReview    Action = "review"     // approve or return the units' submitted uploads and hand edits
)

// Allowed is the one policy: whether u may do a to unit ("" when the
// action concerns no unit). Admins may do everything, uploaders read all
// and change only their own unit, reviewers read and download; a disabled
// or unknown user may do nothing.
func Allowed(u User, a Action, unit string) bool {
	if u.Disabled || !ValidRole(u.Role) {
		return false
	}
	switch a {
	case ActionRead:
		return true
	case ActionImport:
		return u.Role == RoleAdmin || u.Role == RoleUploader && u.District != ""
	case ActionWriteUnit:
		return u.Role == RoleAdmin || u.Role == RoleUploader && u.District != "" && u.District == unit
	case ActionAdmin, ActionReview:
		return u.Role == RoleAdmin
	}
	return false
}

// MayViewImport reports whether u may see an import (its changes, its
// original file, its problems): admins and reviewers see every import; a
// district uploader those it sent and those that applied rows of its unit.
// The API and the pages ask this one rule.
func MayViewImport(u User, imp *Import) bool {
	if !Allowed(u, ActionRead, "") {
		return false
	}
	if u.Role != RoleUploader || imp.User == u.Name {
		return true
	}
	for _, d := range imp.Districts {
		if d == u.District {
			return true
		}
	}
	return false
}

// MayChangeImport reports whether u may commit, discard or revert an
// import: admins any; an uploader only the imports it sent itself that
// touch no unit but its own.
func MayChangeImport(u User, imp *Import) bool {
	if Allowed(u, ActionAdmin, "") {
		return true
	}
	if u.Role != RoleUploader || imp.User != u.Name || !Allowed(u, ActionImport, "") {
		return false
	}
	for _, d := range imp.Districts {
		if !Allowed(u, ActionWriteUnit, d) {
			return false
		}
	}
	return true
}

// MayReviewImport reports whether u may approve or return imp: the office
// (admins) reviews the units' submitted uploads; no one else, and an
// import not waiting for review can be neither.
func MayReviewImport(u User, imp *Import) bool {
	return Allowed(u, ActionReview, "") && imp.Status == StatusSubmitted
}

// MayWithdrawImport reports whether u may withdraw imp (撤回): an upload
// or hand edit still waiting for review (待审核), by the uploader who sent
// it or by the office; once approved or returned it can be withdrawn by
// no one.
func MayWithdrawImport(u User, imp *Import) bool {
	return imp.Status == StatusSubmitted && MayChangeImport(u, imp)
}

// Reviewed reports whether an import of kind k sent by u waits for the
// office's review before it changes any figure: a district uploader's
// monthly upload and its hand edit (PATCH /api/v1/projects/{code}, the
// project page's form), while review is on. The office's own uploads and
// edits, and everything with review off, apply at once.
func (c Collection) Reviewed(u User, k ImportKind) bool {
	return !c.NoReview && u.Role == RoleUploader && (k == ImportUpload || k == ImportEdit)
}

// MaySupervise reports whether u may take step a of a 督办 item whose
// responsible unit is unit: the office (admins) opens, closes and reopens
// items; an item is answered by an uploader of its unit, or by the office
// on the unit's behalf.
func MaySupervise(u User, a SupervisionAction, unit string) bool {
	switch a {
	case SuperviseOpen, SuperviseClose, SuperviseReopen:
		return Allowed(u, ActionAdmin, "")
	case SuperviseReply:
		return unit != "" && Allowed(u, ActionWriteUnit, unit)
	}
	return false
}
