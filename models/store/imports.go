package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"tracker/models"
)

type importRow struct {
	ID           int64 `gorm:"primaryKey"`
	Status       models.ImportStatus
	FileName     string
	SHA256       string `gorm:"column:sha256"`
	Period       int
	District     string
	UserName     string
	ReadOptions  string
	CreatedAt    time.Time
	CommittedAt  *time.Time
	RevertedAt   *time.Time
	RevertedBy   string
	Kind         models.ImportKind
	RowsTotal    int
	RowsImported int
	Created      int
	Updated      int
	Unchanged    int
	Problems     string
	Columns      string
	FileSize     int64
	Unit         string
	Note         string
	SubmittedAt  *time.Time
	ReviewedBy   string
	ReviewedAt   *time.Time
	ReturnReason string
	WithdrawnBy  string
	WithdrawnAt  *time.Time
}

func (importRow) TableName() string { return "imports" }

type changeRow struct {
	ImportID      int64 `gorm:"primaryKey"`
	Seq           int   `gorm:"primaryKey"`
	Code          string
	Field         string
	OldValue      *string
	NewValue      *string
	OldImportID   *int64
	OldSource     *string
	CreatedRecord *string
}

func (changeRow) TableName() string { return "import_changes" }

func (r *importRow) toImport() *models.Import {
	imp := &models.Import{ID: r.ID, Status: r.Status, Kind: r.Kind, RevertedBy: r.RevertedBy, FileName: r.FileName, SHA256: r.SHA256, Period: models.Month(r.Period),
		User: r.UserName, CreatedAt: r.CreatedAt, CommittedAt: r.CommittedAt, RevertedAt: r.RevertedAt, FileSize: r.FileSize,
		RowsTotal: r.RowsTotal, RowsImported: r.RowsImported, Created: r.Created, Updated: r.Updated, Unchanged: r.Unchanged,
		Districts: []string{}, Problems: []models.Problem{}, Changes: []models.Change{}, Columns: []models.LedgerColumn{},
		Unit: r.Unit, Note: r.Note, SubmittedAt: r.SubmittedAt, ReviewedBy: r.ReviewedBy, ReviewedAt: r.ReviewedAt, ReturnReason: r.ReturnReason,
		WithdrawnBy: r.WithdrawnBy, WithdrawnAt: r.WithdrawnAt}
	if r.District != "" {
		imp.Districts = strings.Split(r.District, ",")
	}
	if r.Columns != "" {
		_ = json.Unmarshal([]byte(r.Columns), &imp.Columns) // a preview aid: a damaged list shows no columns
	}
	if err := json.Unmarshal([]byte(r.Problems), &imp.Problems); err != nil {
		// A damaged problems column must not pass for "no problems".
		imp.Problems = []models.Problem{{Severity: models.SeverityError,
			Message: fmt.Sprintf("第%d号导入的问题清单无法读取（数据库中的记录已损坏）：%v", r.ID, err)}}
	}
	return imp
}

func fileSHA256(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Imports returns the import history, newest first, without changes.
func (s *Store) Imports(ctx context.Context, f models.ImportFilter) ([]*models.Import, error) {
	q := s.db.WithContext(ctx).Order("id DESC")
	if !f.ListChanges {
		q = q.Where("kind <> ?", models.ImportListChange) // the list's page shows them
	}
	if f.District != "" {
		q = q.Where("(',' || district || ',') LIKE ?", "%,"+escapeLike(f.District)+",%")
	}
	if f.Period != 0 {
		q = q.Where("period = ?", int(f.Period))
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var rows []importRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*models.Import, len(rows))
	for i := range rows {
		out[i] = rows[i].toImport()
	}
	return out, nil
}

// Import returns one import with its changes.
func (s *Store) Import(ctx context.Context, id int64) (*models.Import, error) {
	var row importRow
	if err := s.db.WithContext(ctx).First(&row, id).Error; err != nil {
		return nil, notFound(err, "没有编号为 %d 的导入记录", id)
	}
	imp := row.toImport()
	changes, err := loadChanges(s.db.WithContext(ctx), id, imp.Period, 0, true)
	if err != nil {
		return nil, err
	}
	imp.Changes = append(imp.Changes, changes...)
	imp.ChangeCount = len(changes)
	return imp, nil
}

// ImportFirst returns an import with only its first n changes (a page
// shows a thousand of 300,000), ChangeCount saying how many it has.
func (s *Store) ImportFirst(ctx context.Context, id int64, n int) (*models.Import, error) {
	imp, err := s.ImportHead(ctx, id)
	if err != nil {
		return nil, err
	}
	changes, err := loadChanges(s.db.WithContext(ctx), id, imp.Period, n, true)
	imp.Changes = append(imp.Changes, changes...)
	return imp, err
}

// ImportHead returns an import without its changes, ChangeCount saying how
// many it has: what a check of rights or status needs, without reading
// 300,000 changes (EachChange streams them).
func (s *Store) ImportHead(ctx context.Context, id int64) (*models.Import, error) {
	var row importRow
	if err := s.db.WithContext(ctx).First(&row, id).Error; err != nil {
		return nil, notFound(err, "没有编号为 %d 的导入记录", id)
	}
	imp := row.toImport()
	var n int64
	err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM import_changes WHERE import_id = ?`, id).Scan(&n).Error
	imp.ChangeCount = int(n)
	return imp, err
}

// ImportReadOptions returns how an import's file was read, as recorded.
func (s *Store) ImportReadOptions(ctx context.Context, id int64) (string, error) {
	var row importRow
	if err := s.db.WithContext(ctx).Select("id, read_options").First(&row, id).Error; err != nil {
		return "", notFound(err, "没有编号为 %d 的导入记录", id)
	}
	return row.ReadOptions, nil
}

// EachChange calls fn with each change of an import in order, as its
// JSON shows it (code, field, period, old and new; not the provenance or
// a created project's record), reading them one row at a time: an
// import's 300,000 changes are sent without being held. fn must not keep
// the change; an error from fn stops the reading and is returned.
func (s *Store) EachChange(ctx context.Context, id int64, fn func(c *models.Change) error) error {
	var period int
	if err := s.db.WithContext(ctx).Raw(`SELECT period FROM imports WHERE id = ?`, id).Scan(&period).Error; err != nil {
		return err
	}
	rows, err := s.db.WithContext(ctx).Raw(`SELECT code, field, old_value, new_value FROM import_changes WHERE import_id = ? ORDER BY seq`, id).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	var c models.Change
	var old, nv sql.NullString
	for rows.Next() {
		if err := rows.Scan(&c.Code, &c.Field, &old, &nv); err != nil {
			return err
		}
		c.Old, c.New, c.Period = nullText(old), nullText(nv), 0
		if models.ScopeOfChange(c.Field) == models.ScopeMonth {
			c.Period = models.Month(period)
		}
		if err := fn(&c); err != nil {
			return err
		}
	}
	return rows.Err()
}

func nullText(v sql.NullString) *string {
	if !v.Valid {
		return nil
	}
	return &v.String
}

// loadChanges reads an import's changes in order, the first limit of
// them when limit > 0; figures carry the import's period. Without
// records, a created project's record is left out (a revert deletes the
// project and needs none: decoding 300,000 of them was most of its work).
func loadChanges(db *gorm.DB, id int64, period models.Month, limit int, records bool) ([]models.Change, error) {
	var rows []changeRow
	q := db.Where("import_id = ?", id).Order("seq")
	if limit > 0 {
		q = q.Limit(limit)
	}
	if !records {
		q = q.Omit("created_record")
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]models.Change, len(rows))
	for i, r := range rows {
		out[i] = models.Change{Code: r.Code, Field: r.Field, Old: r.OldValue, New: r.NewValue, OldImportID: r.OldImportID}
		if r.OldSource != nil {
			out[i].OldSource = *r.OldSource
		}
		if r.CreatedRecord != nil {
			out[i].Created = parseRecord(*r.CreatedRecord, r.Code, deref(r.NewValue))
		}
		if models.ScopeOfChange(r.Field) == models.ScopeMonth {
			out[i].Period = period
		}
	}
	return out, nil
}

// Submissions returns, for every unit in report order, where it stands
// with month m's ledger (models.Submissions, the one rule of 报送) as of
// the store's clock (SetClock), so the API, the pages and the reports judge
// 逾期 at the same moment: only the unit's own uploads for m count, never
// the office's imports nor a hand edit.
func (s *Store) Submissions(ctx context.Context, m models.Month, c models.Collection) ([]models.Submission, error) {
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	var rows []importRow
	err = s.db.WithContext(ctx).Select("id, unit, status, submitted_at, committed_at, created_at").
		Where("period = ? AND kind = ? AND unit <> '' AND status IN ?", int(m), models.ImportUpload,
			[]models.ImportStatus{models.StatusSubmitted, models.StatusCommitted, models.StatusReturned}).
		Order("id").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = u.Name
	}
	sent := make([]models.Sent, len(rows))
	for i, r := range rows {
		at := r.CreatedAt
		if r.SubmittedAt != nil {
			at = *r.SubmittedAt
		}
		sent[i] = models.Sent{ImportID: r.ID, Unit: r.Unit, Status: r.Status, At: at}
	}
	return models.Submissions(names, m, sent, c, s.now()), nil
}
