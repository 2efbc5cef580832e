package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"tracker/models"
)

// NewImport is an upload to record: the original file, who sent it, and
// the ledger the importer read from it.
type NewImport struct {
	FileName string
	Data     []byte
	File     FileSource // instead of Data: the file where it lies, kept a part at a time
	User     models.User
	Ledger   *models.Ledger
	DryRun   bool              // preview: compute and keep the import, change nothing
	Kind     models.ImportKind // ImportUpload (default) or ImportEdit
	// ReadOptions are how the file was read (kept for the commit to read
	// it again the same way), as the import use case writes them.
	ReadOptions string
	// RefuseRejected keeps nothing when no row can be applied: the first
	// problem comes back as an error (a refused hand edit is no history).
	RefuseRejected bool
	Rules          ImportRules
	// Summary returns the import without its changes (ChangeCount says how
	// many): a caller that shows only counts spares holding them all.
	Summary bool
	// Submit keeps an upload for the office's review instead of applying
	// it (StatusSubmitted): computed, nothing changed.
	Submit bool
	// Note is a hand edit's 修改原因.
	Note string
}

// ImportRules are what the office allowed an import beyond the rules.
type ImportRules struct {
	// Additions are codes accepted as 增补 from the ledger's month ("*":
	// every code not on the list); admins only.
	Additions []string `json:"additions,omitempty"`
	// Reason is why: of the additions (required with them) or the
	// correction.
	Reason string `json:"reason,omitempty"`
	// Correction lets an admin change the figures of a locked quarter on
	// purpose; the quarter's report as sent stays, and the next report
	// lists the change as 更正.
	Correction bool `json:"correction,omitempty"`
}

// CreateImport records an upload and, unless it is a dry run, applies it,
// all in one transaction: a failure leaves nothing behind. The original
// file is kept byte for byte with its SHA-256.
func (s *Store) CreateImport(ctx context.Context, in NewImport) (*models.Import, error) {
	var out *models.Import
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		if err := checkOpen(tx, in.Ledger.Period, in.Rules, in.User); err != nil {
			return err
		}
		kind := in.Kind
		if kind == "" {
			kind = models.ImportUpload
		}
		row := importRow{Status: models.StatusPreviewed, Kind: kind, FileName: in.FileName, Period: int(in.Ledger.Period),
			UserName: in.User.Name, ReadOptions: in.ReadOptions, CreatedAt: s.now(), RowsTotal: in.Ledger.RowsTotal, Problems: "[]", Columns: "[]",
			Unit: ownUnit(in.User), Note: in.Note}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		file := in.File
		if file == nil {
			file = bytes.NewReader(in.Data)
		}
		var err error
		if row.SHA256, row.FileSize, err = saveFile(tx, row.ID, file); err != nil { // the plan saves the row with them
			return err
		}
		in.Data, in.File = nil, nil // kept
		imp, err := s.plan(tx, &row, in.Ledger, in.User, in.Rules, !in.DryRun && !in.Submit, in.Summary)
		if err == nil && in.RefuseRejected && imp.Status == models.StatusRejected {
			return refused(imp)
		}
		if err == nil && in.Submit && in.Kind == models.ImportEdit && imp.ChangeCount == 0 {
			return models.Errorf(models.EINVALID, "填写的值与现有数据相同，没有需要审核的修改")
		}
		if err == nil && in.Submit && !in.DryRun {
			err = s.markSubmitted(tx, imp)
		}
		out = imp
		return err
	})
	return out, err
}

// refused is the error of an import kept nowhere because no row could be
// applied: its first error.
func refused(imp *models.Import) error {
	for _, p := range imp.Problems {
		if p.Severity == models.SeverityError {
			return models.Errorf(models.EFORBIDDEN, "%s", p.Message)
		}
	}
	return models.Errorf(models.EINVALID, "没有可以保存的修改")
}

// CommitImport applies a previewed import. The ledger is read again from
// the kept file by the caller, and the changes are computed again against
// the database as it is now, so a commit never writes a stale preview.
// The import comes back without its changes (ChangeCount says how many;
// Import or EachChange reads them): a commit of 300,000 rows does not
// hold them.
func (s *Store) CommitImport(ctx context.Context, id int64, ledger *models.Ledger, user models.User, rules ImportRules) (*models.Import, error) {
	var out *models.Import
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		row, err := importIn(tx, id, models.StatusPreviewed, "提交")
		if err == nil {
			err = checkOpen(tx, models.Month(row.Period), rules, user)
		}
		if err != nil {
			return err
		}
		imp, err := s.plan(tx, &row, ledger, user, rules, true, true)
		out = imp
		return err
	})
	return out, err
}

// plan computes an import's changes against the database and, when apply
// is set, writes them; either way the import row and its changes are
// saved. With summary the import comes back without its changes (their
// number in ChangeCount).
func (s *Store) plan(tx *gorm.DB, row *importRow, ledger *models.Ledger, user models.User, rules ImportRules, apply, summary bool) (*models.Import, error) {
	period := models.Month(row.Period)
	o := models.PlanOptions{Period: period, User: user, List: row.Kind == models.ImportList, Additions: map[string]bool{}}
	for _, c := range rules.Additions {
		o.Additions[c] = true
	}
	var err error
	if o.ListExists, err = listExists(tx, period.Year()); err != nil {
		return nil, err
	}
	units, err := unitsIn(tx)
	if err != nil {
		return nil, err
	}
	o.Areas = models.AreasOf(units)
	w := &writer{tx: tx, importID: row.ID, period: period, now: s.now()}
	if err := w.clearChanges(); err != nil {
		return nil, err
	}
	if tx.Dialector.Name() == "postgres" && ledger.Records.Len() > planPart {
		if err := analyzeStale(tx); err != nil {
			return nil, err
		}
	}
	var read *gorm.DB // see planParts
	if s.dialect != "postgres" {
		read = s.db.WithContext(tx.Statement.Context)
	}
	planner := models.NewPlanner(o)
	if err := planParts(tx, read, planner, o.List, &ledger.Records, w, rules, user, apply, summary); err != nil {
		return nil, err
	}
	if !o.List {
		planner.Finish(nil) // a monthly ledger adds a warning only
	}
	pl := planner.Plan()
	if apply && o.List && (pl.Applied > 0 || pl.Dropped > 0) {
		if err := establishList(tx, period.Year(), row.ID, s.now()); err != nil {
			return nil, err
		}
	}
	problems := models.MergeProblems(ledger.Sheets, ledger.Problems, pl.Problems)
	if pl.Applied == 0 {
		problems = append(models.RefusalSummary(problems, ledger.RowsTotal), problems...)
	}
	raw, err := json.Marshal(problems)
	if err != nil {
		return nil, err
	}
	cols := ledger.Columns
	if cols == nil {
		cols = []models.LedgerColumn{}
	}
	rawCols, err := json.Marshal(cols)
	if err != nil {
		return nil, err
	}
	row.Problems, row.Columns, row.District = string(raw), string(rawCols), districtList(pl.Districts)
	row.RowsImported, row.Created, row.Updated, row.Unchanged = pl.Applied, pl.Created, pl.Updated, pl.Unchanged
	switch {
	case pl.Applied == 0 && ledger.RowsTotal > 0:
		row.Status = models.StatusRejected
	case apply:
		now := s.now()
		row.Status, row.CommittedAt = models.StatusCommitted, &now
		if row.Unit != "" && row.Kind == models.ImportUpload && row.SubmittedAt == nil {
			row.SubmittedAt = &now // a unit's upload applied at once (review off) is sent now
		}
	}
	if err := tx.Save(row).Error; err != nil {
		return nil, err
	}
	imp := row.toImport()
	imp.Changes = append(imp.Changes, pl.Changes...)
	imp.ChangeCount = w.seq
	return imp, nil
}

// planPart is how many records an import plans and writes at a time.
var planPart = 2000

// decodePart decodes the records of one part (positions in code order):
// only a part's records are ever held decoded.
func decodePart(recs *models.Records, pos []int32) []*models.LedgerRecord {
	part := recs.Part(pos)
	out := make([]*models.LedgerRecord, len(pos))
	for i := range part {
		out[i] = &part[i]
	}
	return out
}

// partCodes returns the distinct codes of records in code order.
func partCodes(recs []*models.LedgerRecord) []string {
	codes := make([]string, 0, len(recs))
	for i, r := range recs {
		if i == 0 || r.Code != recs[i-1].Code {
			codes = append(codes, r.Code)
		}
	}
	return codes
}

// writePart checks that a part's changes leave locked quarters alone
// (unless the office corrects them), makes them when apply is set (the
// part's rows worked out) and records them.
func (w *writer) writePart(job partJob, rules ImportRules, user models.User, apply bool) error {
	if len(job.changes) == 0 {
		return nil
	}
	if !rules.Correction || !user.IsAdmin() {
		if err := checkYearUnlocked(w.tx, w.period.Year(), job.changes); err != nil {
			return err
		}
	}
	if apply {
		if err := w.applyRows(job.rows); err != nil {
			return fmt.Errorf("apply import %d: %w", w.importID, err)
		}
	}
	return w.appendChanges(job.changes, job.records)
}

// writeTx runs fn in a write transaction. On SQLite the transaction takes
// the write lock at BEGIN (see Open); on PostgreSQL an advisory lock makes
// imports and reverts run one at a time across every server process, so
// each computes its changes against a state no one else is changing.
func (s *Store) writeTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	select {
	case s.writers <- struct{}{}:
		defer func() { <-s.writers }()
	case <-ctx.Done():
		return models.Errorf(models.ETOOMANY, "系统正忙（其他导入正在写入），请稍后重试")
	}
	if s.dialect == "postgres" {
		return s.pgWriteTx(ctx, fn)
	}
	return s.db.WithContext(ctx).Transaction(fn)
}

// importIn loads an import for a change of state (action: 提交, 撤销,
// 放弃) and refuses unless it is in the status that change needs.
func importIn(tx *gorm.DB, id int64, status models.ImportStatus, action string) (importRow, error) {
	var row importRow
	if err := tx.First(&row, id).Error; err != nil {
		return row, notFound(err, "没有编号为 %d 的导入记录", id)
	}
	if row.Status != status {
		return row, models.Errorf(models.ECONFLICT, "第%d号导入的状态是“%s”，只有%s的导入可以%s", id, row.Status.Label(), status.Label(), action)
	}
	return row, nil
}

// ReplanPreview plans a preview (or an upload none of whose rows could be
// applied) again with other rules — the office accepting rows as 增补 —
// and keeps them, with the read options that go with them, for its
// commit: the preview's changes and problems are replaced; nothing is
// applied.
func (s *Store) ReplanPreview(ctx context.Context, id int64, ledger *models.Ledger, user models.User, rules ImportRules, readOptions string) (*models.Import, error) {
	var out *models.Import
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		row, err := importIn(tx, id, models.StatusPreviewed, "重新预览")
		if models.ErrorCode(err) == models.ECONFLICT && row.Status == models.StatusRejected {
			err = nil // every row refused (say, none on the list yet): the office may still accept some
		}
		if err == nil {
			err = checkOpen(tx, models.Month(row.Period), rules, user)
		}
		if err != nil {
			return err
		}
		row.Status, row.ReadOptions = models.StatusPreviewed, readOptions
		out, err = s.plan(tx, &row, ledger, user, rules, false, false)
		return err
	})
	return out, err
}
