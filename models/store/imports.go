package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"gorm.io/gorm"

	"tracker/models"
)

// Import statuses.
const (
	StatusPreviewed = "previewed" // computed, nothing changed yet
	StatusCommitted = "committed" // applied
	StatusReverted  = "reverted"  // applied, then undone
	StatusRejected  = "rejected"  // read, but no row could be applied
)

// Import is one uploaded ledger and what it did (the API's ImportResult).
type Import struct {
	ID           int64            `json:"id"`
	Status       string           `json:"status"`
	Kind         string           `json:"kind"` // "upload" or "edit" (a hand edit)
	FileName     string           `json:"file_name"`
	SHA256       string           `json:"sha256"`
	Period       models.Month     `json:"period"`
	Districts    []string         `json:"districts"` // units whose rows it applied
	User         string           `json:"user"`
	CreatedAt    time.Time        `json:"created_at"`
	CommittedAt  *time.Time       `json:"committed_at"`
	RevertedAt   *time.Time       `json:"reverted_at"`
	RevertedBy   string           `json:"reverted_by,omitempty"`
	FileSize     int64            `json:"file_size"`
	RowsTotal    int              `json:"rows_total"`
	RowsImported int              `json:"rows_imported"`
	Created      int              `json:"created"`
	Updated      int              `json:"updated"`
	Unchanged    int              `json:"unchanged"`
	Problems     []models.Problem `json:"problems"`
	Changes      []Change         `json:"changes"`
}

// Change is one value an import sets: Old is nil when the value did not
// exist (a created project, a first monthly figure), New is nil when it is
// cleared. Field names the API fields; "project" is a whole new project
// and "plan_entry" its entry in a new year's list.
type Change struct {
	Code   string       `json:"code"`
	Field  string       `json:"field"`
	Period models.Month `json:"period,omitempty"` // for completed_ytd_wan
	Old    *string      `json:"old"`
	New    *string      `json:"new"`

	oldImportID *int64
	oldSource   string
	created     *models.LedgerRecord // the whole record of a created project
}

type importRow struct {
	ID           int64 `gorm:"primaryKey"`
	Status       string
	FileName     string
	SHA256       string `gorm:"column:sha256"`
	Period       int
	District     string
	UserName     string
	CreatedAt    time.Time
	CommittedAt  *time.Time
	RevertedAt   *time.Time
	RevertedBy   string
	Kind         string
	RowsTotal    int
	RowsImported int
	Created      int
	Updated      int
	Unchanged    int
	Problems     string
	FileSize     int64
	FileData     []byte
}

func (importRow) TableName() string { return "imports" }

type changeRow struct {
	ImportID    int64 `gorm:"primaryKey"`
	Seq         int   `gorm:"primaryKey"`
	Code        string
	Field       string
	OldValue    *string
	NewValue    *string
	OldImportID *int64
	OldSource   *string
}

func (changeRow) TableName() string { return "import_changes" }

func (r *importRow) toImport() *Import {
	imp := &Import{ID: r.ID, Status: r.Status, Kind: r.Kind, RevertedBy: r.RevertedBy, FileName: r.FileName, SHA256: r.SHA256, Period: models.Month(r.Period),
		User: r.UserName, CreatedAt: r.CreatedAt, CommittedAt: r.CommittedAt, RevertedAt: r.RevertedAt, FileSize: r.FileSize,
		RowsTotal: r.RowsTotal, RowsImported: r.RowsImported, Created: r.Created, Updated: r.Updated, Unchanged: r.Unchanged,
		Districts: []string{}, Problems: []models.Problem{}, Changes: []Change{}}
	if r.District != "" {
		imp.Districts = strings.Split(r.District, ",")
	}
	json.Unmarshal([]byte(r.Problems), &imp.Problems)
	return imp
}

func fileSHA256(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ImportFilter selects imports for the history.
type ImportFilter struct {
	District string       // only imports that applied rows of this unit
	Period   models.Month // only this reporting month
	Limit    int
}

// Imports returns the import history, newest first, without changes.
func (s *Store) Imports(ctx context.Context, f ImportFilter) ([]*Import, error) {
	q := s.db.WithContext(ctx).Omit("file_data").Order("id DESC")
	if f.District != "" {
		q = q.Where("(',' || district || ',') LIKE ?", "%,"+escapeLike(f.District)+",%")
	}
	if f.Period != 0 {
		q = q.Where("period = ?", int(f.Period))
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var rows []importRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*Import, len(rows))
	for i := range rows {
		out[i] = rows[i].toImport()
	}
	return out, nil
}

// Import returns one import with its changes.
func (s *Store) Import(ctx context.Context, id int64) (*Import, error) {
	var row importRow
	if err := s.db.WithContext(ctx).Omit("file_data").First(&row, id).Error; err != nil {
		return nil, notFound(err, "没有编号为 %d 的导入记录", id)
	}
	imp := row.toImport()
	changes, err := loadChanges(s.db.WithContext(ctx), id, imp.Period)
	if err != nil {
		return nil, err
	}
	imp.Changes = append(imp.Changes, changes...)
	return imp, nil
}

// ImportFile returns an import's original file, byte for byte.
func (s *Store) ImportFile(ctx context.Context, id int64) (name string, data []byte, err error) {
	var row importRow
	if err := s.db.WithContext(ctx).Select("id, file_name, file_data").First(&row, id).Error; err != nil {
		return "", nil, notFound(err, "没有编号为 %d 的导入记录", id)
	}
	return row.FileName, row.FileData, nil
}

// loadChanges reads an import's changes in order; figures carry the
// import's period.
func loadChanges(db *gorm.DB, id int64, period models.Month) ([]Change, error) {
	var rows []changeRow
	if err := db.Where("import_id = ?", id).Order("seq").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Change, len(rows))
	for i, r := range rows {
		out[i] = Change{Code: r.Code, Field: r.Field, Old: r.OldValue, New: r.NewValue, oldImportID: r.OldImportID}
		if r.OldSource != nil {
			out[i].oldSource = *r.OldSource
		}
		if r.Field == fieldCompleted {
			out[i].Period = period
		}
	}
	return out, nil
}

// Submission says whether a unit has sent its ledger for a month: a
// committed import for that month that applied rows of the unit.
type Submission struct {
	District   string     `json:"district"`
	Submitted  bool       `json:"submitted"`
	Imports    int        `json:"imports"`
	LastImport *int64     `json:"last_import_id"`
	LastAt     *time.Time `json:"last_at"`
}

// Submissions returns, for every unit in report order, whether it has sent
// a ledger for month m.
func (s *Store) Submissions(ctx context.Context, m models.Month) ([]Submission, error) {
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	var rows []importRow
	err = s.db.WithContext(ctx).Omit("file_data", "problems").Where("period = ? AND status = ?", int(m), StatusCommitted).
		Order("id").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	byUnit := map[string]*Submission{}
	out := make([]Submission, len(units))
	for i, u := range units {
		out[i] = Submission{District: u.Name}
		byUnit[u.Name] = &out[i]
	}
	for _, r := range rows {
		for _, d := range strings.Split(r.District, ",") {
			if sub := byUnit[d]; sub != nil {
				id, at := r.ID, r.CommittedAt
				sub.Submitted, sub.Imports, sub.LastImport, sub.LastAt = true, sub.Imports+1, &id, at
			}
		}
	}
	return out, nil
}
