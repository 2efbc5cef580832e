package models

// Roles.
const (
	RoleAdmin    = "admin"    // everything
	RoleUploader = "uploader" // imports and edits for its own unit; reads all
	RoleReviewer = "reviewer" // reads and downloads only
)

// User is a person who signs in.
type User struct {
	ID       int64  `json:"-"`
	Name     string `json:"name"`
	Role     string `json:"role"`
	District string `json:"district"` // an uploader's reporting unit; "" for others
	Disabled bool   `json:"-"`
	// MustChangePassword is set when someone else chose the password (the
	// bootstrap admin, an admin's reset): the pages ask for a new one
	// before anything else. API tokens keep working.
	MustChangePassword bool `json:"must_change_password"`
}

// ValidRole reports whether r is one of the three roles.
func ValidRole(r string) bool { return r == RoleAdmin || r == RoleUploader || r == RoleReviewer }

// CanRead reports whether u may read the portfolio and download reports.
func (u User) CanRead() bool { return Allowed(u, ActionRead, "") }

// CanWriteDistrict reports whether u may import or edit figures of the
// given reporting unit: admins any, uploaders only their own.
func (u User) CanWriteDistrict(district string) bool { return Allowed(u, ActionWriteUnit, district) }

// CanImport reports whether u may upload ledgers at all.
func (u User) CanImport() bool { return Allowed(u, ActionImport, "") }

// IsAdmin reports whether u is an active admin.
func (u User) IsAdmin() bool { return Allowed(u, ActionAdmin, "") }
