package models

import (
	"strings"
	"time"
)

// ImportStatus is where an import stands.
type ImportStatus string

// Import statuses.
const (
	StatusPreviewed ImportStatus = "previewed" // computed, nothing changed yet
	StatusCommitted ImportStatus = "committed" // applied
	StatusReverted  ImportStatus = "reverted"  // applied, then undone
	StatusRejected  ImportStatus = "rejected"  // read, but no row could be applied
	// StatusSubmitted is an uploader's upload waiting for the office's
	// review (when review is on): nothing applied until it is approved.
	StatusSubmitted ImportStatus = "submitted"
	// StatusReturned is a submitted upload the office sent back with a
	// reason (ReturnReason); nothing was applied, the unit uploads again.
	StatusReturned ImportStatus = "returned"
	// StatusWithdrawn is a submitted upload or hand edit its sender (or
	// the office) took back before review (WithdrawnBy, WithdrawnAt):
	// nothing was applied, it is no 报送.
	StatusWithdrawn ImportStatus = "withdrawn"
)

var statusLabels = map[ImportStatus]string{
	StatusPreviewed: "预览中", StatusCommitted: "已提交", StatusReverted: "已撤销", StatusRejected: "未导入",
	StatusSubmitted: "待审核", StatusReturned: "已退回", StatusWithdrawn: "已撤回",
}

// Label is the status in Chinese, the one wording pages, workbooks, the
// command line and messages use.
func (s ImportStatus) Label() string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return string(s)
}

// ImportKind says what an import came from.
type ImportKind string

// Import kinds.
const (
	ImportUpload     ImportKind = "monthly"     // a monthly ledger file (kind=monthly)
	ImportEdit       ImportKind = "edit"        // a hand edit in the pages or the API
	ImportList       ImportKind = "list"        // the year's list (kind=list)
	ImportListChange ImportKind = "list_change" // one change of a year's list (增补, 调出, 转为实施类)
	// AuditSupervision is no import: it marks a 督办 step in the audit trail.
	AuditSupervision ImportKind = "supervision"
)

var kindLabels = map[ImportKind]string{ImportUpload: "上传台账", ImportEdit: "手工修改", ImportList: "年度清单", ImportListChange: "清单调整", AuditSupervision: "督办"}

// Label is the kind in Chinese.
func (k ImportKind) Label() string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return string(k)
}

// Import is one uploaded ledger or hand edit and what it did (the API's
// ImportResult).
type Import struct {
	ID           int64        `json:"id"`
	Status       ImportStatus `json:"status"`
	Kind         ImportKind   `json:"kind"`
	FileName     string       `json:"file_name"`
	SHA256       string       `json:"sha256"`
	Period       Month        `json:"period"`
	Districts    []string     `json:"districts"` // units whose rows it applied
	User         string       `json:"user"`
	CreatedAt    time.Time    `json:"created_at"`
	CommittedAt  *time.Time   `json:"committed_at"`
	RevertedAt   *time.Time   `json:"reverted_at"`
	RevertedBy   string       `json:"reverted_by,omitempty"`
	FileSize     int64        `json:"file_size"`
	RowsTotal    int          `json:"rows_total"`
	RowsImported int          `json:"rows_imported"`
	Created      int          `json:"created"`
	Updated      int          `json:"updated"`
	Unchanged    int          `json:"unchanged"`
	Problems     []Problem    `json:"problems"`
	Changes      []Change     `json:"changes"`
	// ChangeCount is how many changes an import just planned recorded,
	// set when it is created or committed (its Changes may be left out).
	ChangeCount int `json:"-"`
	// Columns are the file's source columns as they were read (none for a
	// hand edit).
	Columns []LedgerColumn `json:"columns"`
	// Unit is the sender's own unit: a district uploader's, "" for the
	// office. Only a unit's own uploads count as its 报送.
	Unit string `json:"unit"`
	// Note is a hand edit's 修改原因 ("" for an upload).
	Note string `json:"note"`
	// SubmittedAt is when the unit sent it: submitted for review, or
	// committed at once when review is off. Nil for the office's imports.
	SubmittedAt *time.Time `json:"submitted_at"`
	// ReviewedBy and ReviewedAt say who approved or returned a submitted
	// upload, and when; ReturnReason is why it was returned.
	ReviewedBy   string     `json:"reviewed_by"`
	ReviewedAt   *time.Time `json:"reviewed_at"`
	ReturnReason string     `json:"return_reason"`
	// WithdrawnBy and WithdrawnAt say who withdrew a submitted upload or
	// hand edit (撤回) before review, and when.
	WithdrawnBy string     `json:"withdrawn_by"`
	WithdrawnAt *time.Time `json:"withdrawn_at"`
}

// ColumnMapping is the office's reading of one header layout, remembered
// for a unit (Unit "" for the office's own ledgers): its next ledger of the
// same layout (Signature, see LedgerLayout) is read the same way. Columns
// map column letters to field names, "" for a column left out; Labels are
// the headers of those columns as written, for pages.
type ColumnMapping struct {
	ID        int64             `json:"id"`
	Unit      string            `json:"unit"`
	Signature string            `json:"signature"`
	Sheet     string            `json:"sheet"`
	Columns   map[string]string `json:"columns"`
	Labels    map[string]string `json:"labels"`
	User      string            `json:"user"`
	UpdatedAt time.Time         `json:"updated_at"`
}

// HasErrors reports whether any problem of the import is an error.
func (imp *Import) HasErrors() bool {
	for _, p := range imp.Problems {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Pseudo change fields besides the FieldDefs' names.
const (
	ChangeProject   = "project"    // a whole project created
	ChangePlanEntry = "plan_entry" // the project's entry in a year's list created
)

// FieldLabel returns the Chinese label of a change field: a FieldDef's
// name or one of the pseudo fields; an unknown name is returned as is.
func FieldLabel(name string) string {
	switch name {
	case ChangeProject:
		return "新建项目"
	case ChangePlanEntry:
		return "列入年度清单"
	}
	if f, ok := FieldNamed(name); ok {
		return f.ZhName()
	}
	return name
}

// Change is one value an import sets: Old is nil when the value did not
// exist (a created project, a first monthly figure), New is nil when it is
// cleared. Field is a FieldDef's name or a pseudo field (ChangeProject,
// ChangePlanEntry).
type Change struct {
	Code   string  `json:"code"`
	Field  string  `json:"field"`
	Period Month   `json:"period,omitempty"` // for the fields of a month
	Old    *string `json:"old"`
	New    *string `json:"new"`

	// OldImportID and OldSource are the provenance of the month's figure
	// before the change, restored by a revert.
	OldImportID *int64 `json:"-"`
	OldSource   string `json:"-"`
	// Created is the whole record of a created project.
	Created *LedgerRecord `json:"-"`
}

// AuditEntry is one value an upload or a hand edit changed: who, when,
// through which import, old and new. Reverted changes stay in the trail
// with the revert's time and person.
type AuditEntry struct {
	ImportID   int64        `json:"import_id"`
	Kind       ImportKind   `json:"kind"`
	FileName   string       `json:"file_name"`
	User       string       `json:"user"`
	At         *time.Time   `json:"at"`
	Status     ImportStatus `json:"status"`
	RevertedBy string       `json:"reverted_by,omitempty"`
	RevertedAt *time.Time   `json:"reverted_at,omitempty"`
	Code       string       `json:"code"`
	Field      string       `json:"field"`
	Period     Month        `json:"period"`
	Old        *string      `json:"old"`
	New        *string      `json:"new"`
	// Note is the hand edit's 修改原因 ("" for an upload).
	Note string `json:"note"`
	// Reason is why the change was made, as the trail shows it under
	// 修改原因 (see AuditReason).
	Reason string `json:"reason"`
	// SubmittedAt, ReviewedBy, ReviewedAt and ReturnReason are a unit's
	// upload's review (see Import).
	SubmittedAt  *time.Time `json:"submitted_at"`
	ReviewedBy   string     `json:"reviewed_by"`
	ReviewedAt   *time.Time `json:"reviewed_at"`
	ReturnReason string     `json:"return_reason"`
	// WithdrawnBy and WithdrawnAt: a withdrawn (已撤回) upload's or hand
	// edit's withdrawal (see Import).
	WithdrawnBy string     `json:"withdrawn_by"`
	WithdrawnAt *time.Time `json:"withdrawn_at"`
	// SupervisionID and Action are set on a 督办 step (Kind
	// AuditSupervision, ImportID 0): Old and New are the item's status
	// before and after, Note what was said (the description, the reply,
	// the closing or reopening note).
	SupervisionID int64             `json:"supervision_id,omitempty"`
	Action        SupervisionAction `json:"action,omitempty"`
	// Applied says the change was applied to the figures (its import
	// committed, or reverted since); false for a submitted (待审核),
	// returned (已退回) or withdrawn (已撤回) upload's, which changed
	// nothing (and for a 督办 step).
	Applied bool `json:"applied"`
}

// Applied reports whether an import in status s applied its changes to
// the figures: committed, or committed and reverted since. A submitted or
// returned upload changed nothing; a preview or a rejected one neither.
func (s ImportStatus) Applied() bool { return s == StatusCommitted || s == StatusReverted }

// TrailLabel is the status as the audit trail shows it: the label, with
// "（未生效）" for an upload that changed no figure (待审核, 已退回,
// 已撤回), so its old and new values never read as changes made.
func (s ImportStatus) TrailLabel() string {
	if s == StatusSubmitted || s == StatusReturned || s == StatusWithdrawn {
		return s.Label() + "（未生效）"
	}
	return s.Label()
}

// AuditReason is why a change of the trail was made, as the trail shows
// it (AuditEntry.Reason): a hand edit's 修改原因 (its Note), else the
// import's own reason (given: a list change's, or that of an upload's
// additions or correction), then, for a returned upload, "退回原因：" and
// why it was returned. A 督办 step's reason is what was said replying,
// closing or reopening (its Note); its opening's words are the item's
// 督办内容, no reason ("").
func AuditReason(e AuditEntry, reason string) string {
	if e.Kind == AuditSupervision {
		if e.Action == SuperviseOpen {
			return ""
		}
		return TrimText(e.Note)
	}
	var parts []string
	for _, p := range []string{e.Note, reason} {
		if p = TrimText(p); p != "" {
			parts = append(parts, p)
			break
		}
	}
	if e.Status == StatusReturned && TrimText(e.ReturnReason) != "" {
		parts = append(parts, "退回原因："+TrimText(e.ReturnReason))
	}
	return strings.Join(parts, "；")
}

// ImportFilter selects imports for the history.
type ImportFilter struct {
	District string // only imports that applied rows of this unit
	Period   Month  // only this reporting month
	Limit    int
	// ListChanges includes the changes of a year's list (kind
	// list_change), which the history leaves out: the list's page shows them.
	ListChanges bool
	// Status, when set, selects the imports in that status (the office's
	// 待审核 list: StatusSubmitted).
	Status ImportStatus
}

// AuditFilter selects audit entries; zero fields select all.
type AuditFilter struct {
	Code     string
	User     string
	District string
	From, To time.Time // on the change's commit time
	Limit    int       // default 1000
	// ImportsOnly leaves out the 督办 steps (the project page shows them
	// in its own 督办 section).
	ImportsOnly bool
	// Applied keeps only changes that were applied (committed, or
	// reverted since), leaving out those of a submitted or returned
	// upload, which changed no figure (the project page's 修改记录).
	Applied bool
}

// Correction is a change made, after a quarter was locked, to a figure
// that quarter's report showed (更正): a month's figure of the quarter, or
// a field of the year's list. The next report lists it.
type Correction struct {
	Quarter  int        `json:"quarter"` // the locked quarter it corrects
	Code     string     `json:"code"`
	Field    string     `json:"field"`
	Period   Month      `json:"period"` // the month of the import that changed it
	Old      *string    `json:"old"`
	New      *string    `json:"new"`
	ImportID int64      `json:"import_id"`
	User     string     `json:"user"`
	At       *time.Time `json:"at"`
}
