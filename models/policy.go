package models

// Action is something a user may or may not do.
type Action string

// The actions the policy decides.
const (
	ActionRead      Action = "read"       // read the portfolio, imports, rates; download reports
	ActionImport    Action = "import"     // upload ledgers (rows of other units are refused row by row)
	ActionWriteUnit Action = "write_unit" // change one unit's figures: commit, revert, edit
	ActionAdmin     Action = "admin"      // users, audit trail, quarter locks, any unit
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
	case ActionAdmin:
		return u.Role == RoleAdmin
	}
	return false
}
