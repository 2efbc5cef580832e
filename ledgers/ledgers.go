// Package ledgers is the one import use case: it reads a ledger file with
// the importer and records it in the store — previewed, committed,
// discarded or reverted — checking the one policy of models on the way.
// The API, the pages and the command line all call it, so an import
// behaves the same wherever it starts: a commit always reads the kept
// file again, with the options it was first read with.
package ledgers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"tracker/importer"
	"tracker/models"
	"tracker/models/store"
	"tracker/reports"
)

// Service runs imports on a store.
type Service struct {
	Store *store.Store
	// ReadTimeout bounds reading one ledger; a file that takes longer is
	// refused with EUNPROCESSABLE (its work is bounded by the importer's
	// limits as well). Zero means two minutes.
	ReadTimeout time.Duration
	// Collection says whether district uploaders' uploads wait for the
	// office's review (the zero value: they do).
	Collection models.Collection
	// Rates are the server's thresholds of the lights (TRACKER_* rate
	// settings), which a rollover's list shows; the zero value means
	// models.DefaultRateConfig.
	Rates models.RateConfig
}

// Upload is a ledger file to import.
type Upload struct {
	FileName string
	Data     []byte
	// File, when set instead of Data, is the file where it lies (the
	// command line's file, an upload's temporary file): a workbook is read
	// through it without its bytes in memory, which are read only to be
	// kept with the import.
	File   importer.Source
	Period models.Month // the reporting month stated with the upload; zero: from the file
	User   models.User
	DryRun bool // preview: keep the import, change nothing
	// List imports the year's list (kind=list) instead of a monthly
	// ledger; Year is its year (zero: from the file). Admins only.
	List bool
	Year int
	// Rules are what the office allows beyond the rules: additions to the
	// list (增补), a correction of a locked quarter.
	Rules store.ImportRules
	// Mapping is the office's reading of columns (importer.ParseMapping);
	// it is remembered for the sender's unit and each sheet's layout.
	// Without one, the reading remembered for the layout is applied.
	Mapping importer.Mapping
	// Summary: the import comes back without its changes, only their
	// number (models.Import.ChangeCount), for a caller that shows counts.
	Summary bool
	// Replaces is the returned (已退回) upload this one sends again
	// (重新报送), 0 for none: one the sender may see, of its own unit.
	Replaces int64
}

// ReadOptions are how a file was read and what was allowed, kept with its
// import so that a commit reads and plans it again the same way, whoever
// commits: Remembered are the remembered readings of columns the preview
// applied (not looked up again).
type ReadOptions struct {
	Period     models.Month          `json:"period,omitempty"`
	District   string                `json:"district,omitempty"` // the sender's unit, for a district uploader
	List       bool                  `json:"list,omitempty"`
	Year       int                   `json:"year,omitempty"`
	Rules      store.ImportRules     `json:"rules,omitempty"`
	Mapping    importer.Mapping      `json:"mapping,omitempty"`
	Remembered []importer.Remembered `json:"remembered,omitempty"`
	// Layouts are the sheets' header layouts, whose remembered readings
	// the preview can forget.
	Layouts []Layout `json:"layouts,omitempty"`
	// Replaces is the returned upload this one sends again (Upload.Replaces).
	Replaces int64 `json:"replaces,omitempty"`
}

// Layout names a unit's header layout.
type Layout struct {
	Unit      string `json:"unit"`
	Signature string `json:"signature"`
}

// Import reads an upload and records it: a preview with DryRun, else
// committed at once.
func (s *Service) Import(ctx context.Context, up Upload) (*models.Import, error) {
	return s.importWith(ctx, up, optionsOf(up))
}

// importWith reads an upload with given options and records it.
func (s *Service) importWith(ctx context.Context, up Upload, o ReadOptions) (*models.Import, error) {
	ledger, err := s.readWith(ctx, up, o)
	if err != nil {
		return nil, err
	}
	return s.record(ctx, up, o, ledger)
}

// Read reads an upload's ledger without recording anything.
func (s *Service) Read(ctx context.Context, up Upload) (*models.Ledger, error) {
	return s.readWith(ctx, up, optionsOf(up))
}

// readWith reads with the readings of columns remembered for the sender,
// unless the upload brings its own.
func (s *Service) readWith(ctx context.Context, up Upload, o ReadOptions) (*models.Ledger, error) {
	if !up.User.CanImport() {
		return nil, models.Errorf(models.EFORBIDDEN, "您的账号不能上传台账")
	}
	if (up.List || len(up.Rules.Additions) > 0 || up.Rules.Correction) && !up.User.IsAdmin() {
		return nil, models.Errorf(models.EFORBIDDEN, "只有市重大项目办（管理员）可以导入年度清单、确认增补或更正已锁定季度的数据")
	}
	if err := s.checkReplaces(ctx, up); err != nil {
		return nil, err
	}
	if len(o.Mapping) == 0 {
		var err error
		if o.Remembered, err = s.remembered(ctx, up.User); err != nil {
			return nil, err
		}
	}
	return s.read(ctx, up.FileName, up.source(), o)
}

// Record records an upload whose ledger Read returned.
func (s *Service) Record(ctx context.Context, up Upload, ledger *models.Ledger) (*models.Import, error) {
	return s.record(ctx, up, optionsOf(up), ledger)
}

// record keeps the import with how it was read, then remembers the
// upload's own reading of its columns.
func (s *Service) record(ctx context.Context, up Upload, o ReadOptions, ledger *models.Ledger) (*models.Import, error) {
	o.Remembered, o.Layouts = appliedMemory(ledger), layoutsOf(ledger)
	opts, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	kind := models.ImportUpload
	if up.List {
		kind = models.ImportList
	}
	in := store.NewImport{FileName: up.FileName, Data: up.Data, File: up.File, User: up.User, Ledger: ledger,
		DryRun: up.DryRun, ReadOptions: string(opts), Kind: kind, Rules: up.Rules, Summary: up.Summary,
		Submit: s.Collection.Reviewed(up.User, kind)}
	up.Data, up.File = nil, nil // the store keeps the file; it is not held here while the import is planned
	imp, err := s.Store.CreateImport(ctx, in)
	if err == nil && len(o.Mapping) > 0 {
		err = s.remember(ctx, up.User, ledger)
	}
	return imp, err
}

func optionsOf(up Upload) ReadOptions {
	o := ReadOptions{Period: up.Period, List: up.List, Year: up.Year, Rules: up.Rules, Mapping: up.Mapping, Replaces: up.Replaces}
	if up.User.Role == models.RoleUploader {
		o.District = up.User.District
	}
	return o
}

// Get returns an import the user may see, with its changes. One the user
// may not see is "not found", as if it did not exist.
func (s *Service) Get(ctx context.Context, id int64, u models.User) (*models.Import, error) {
	imp, err := s.Store.Import(ctx, id)
	if err != nil {
		return nil, err
	}
	if !models.MayViewImport(u, imp) {
		return nil, models.Errorf(models.ENOTFOUND, "没有编号为 %d 的导入记录", id)
	}
	return imp, nil
}

// Head returns an import the user may see without its changes
// (ChangeCount says how many; EachChange reads them), as Get decides who
// may see it.
func (s *Service) Head(ctx context.Context, id int64, u models.User) (*models.Import, error) {
	imp, err := s.Store.ImportHead(ctx, id)
	if err != nil {
		return nil, err
	}
	if !models.MayViewImport(u, imp) {
		return nil, models.Errorf(models.ENOTFOUND, "没有编号为 %d 的导入记录", id)
	}
	return imp, nil
}

// First returns an import the user may see with only its first n changes
// (ChangeCount says how many it has), as a page shows it.
func (s *Service) First(ctx context.Context, id int64, u models.User, n int) (*models.Import, error) {
	if _, err := s.Head(ctx, id, u); err != nil {
		return nil, err
	}
	return s.Store.ImportFirst(ctx, id, n)
}

// EachChange calls fn with each change of an import in order, one at a
// time (store.EachChange); the caller has checked the user may see it.
func (s *Service) EachChange(ctx context.Context, id int64, fn func(c *models.Change) error) error {
	return s.Store.EachChange(ctx, id, fn)
}

// File returns the original file of an import the user may see.
func (s *Service) File(ctx context.Context, id int64, u models.User) (name string, data []byte, err error) {
	if _, err := s.Head(ctx, id, u); err != nil {
		return "", nil, err
	}
	return s.Store.ImportFile(ctx, id)
}

// History returns up to limit imports of f that the user may see, newest
// first.
func (s *Service) History(ctx context.Context, f models.ImportFilter, u models.User, limit int) ([]*models.Import, error) {
	imps, err := s.Store.Imports(ctx, f)
	if err != nil {
		return nil, err
	}
	out := imps[:0]
	for _, imp := range imps {
		if models.MayViewImport(u, imp) && (limit <= 0 || len(out) < limit) {
			out = append(out, imp)
		}
	}
	return out, nil
}

// HistoryPage returns page (from 1) of the imports of f that u may see,
// perPage a page, newest first, and how many there are in all: the policy
// decides import by import, so the imports of f are read whole (heads
// only, no changes) and then cut.
func (s *Service) HistoryPage(ctx context.Context, f models.ImportFilter, u models.User, page, perPage int) ([]*models.Import, int, error) {
	f.Limit = 0
	imps, err := s.History(ctx, f, u, 0)
	if err != nil {
		return nil, 0, err
	}
	from := min((page-1)*perPage, len(imps))
	return imps[from:min(from+perPage, len(imps))], len(imps), nil
}

// Commit applies a previewed import: the kept file is read again with the
// options it was first read with, and its changes are computed again
// against the database as it is now, so a commit never writes a stale
// preview. A district uploader's upload, while review is on, is submitted
// for the office's review instead: it changes no figure until approved.
func (s *Service) Commit(ctx context.Context, id int64, u models.User) (*models.Import, error) {
	imp, err := s.changeable(ctx, id, u)
	if err != nil {
		return nil, err
	}
	ledger, opts, err := s.readAgain(ctx, imp)
	if err != nil {
		return nil, err
	}
	if s.Collection.Reviewed(u, imp.Kind) {
		return s.Store.SubmitImport(ctx, id, ledger, u, opts.Rules)
	}
	return s.Store.CommitImport(ctx, id, ledger, u, opts.Rules)
}

// readAgain reads an import's kept file with the options it was first
// read with.
func (s *Service) readAgain(ctx context.Context, imp *models.Import) (*models.Ledger, ReadOptions, error) {
	name, file, err := s.keptFile(ctx, imp)
	if err != nil {
		return nil, ReadOptions{}, err
	}
	defer file.Close()
	opts, err := s.keptOptions(ctx, imp.ID)
	if err != nil {
		return nil, opts, err
	}
	if opts.Period == 0 {
		opts.Period = imp.Period
	}
	ledger, err := s.read(ctx, name, file, opts)
	return ledger, opts, err
}

// Approve applies a submitted upload or hand edit (the office's review):
// read again (an upload's kept file, an edit's kept values against the
// project as it is now) and applied exactly as its sender's commit would
// apply it, with the sender's rights, now. Admins only.
func (s *Service) Approve(ctx context.Context, id int64, u models.User) (*models.Import, error) {
	imp, err := s.reviewable(ctx, id, u)
	if err != nil {
		return nil, err
	}
	var ledger *models.Ledger
	var opts ReadOptions
	if imp.Kind == models.ImportEdit {
		ledger, err = s.Store.EditLedger(ctx, imp)
	} else {
		ledger, opts, err = s.readAgain(ctx, imp)
	}
	if err != nil {
		return nil, err
	}
	sender := models.User{Name: imp.User, Role: models.RoleUploader, District: imp.Unit}
	return s.Store.ApproveImport(ctx, id, ledger, sender, u, opts.Rules)
}

// Return sends a submitted upload or hand edit back to its unit with a
// reason; nothing is applied. Admins only.
func (s *Service) Return(ctx context.Context, id int64, u models.User, reason string) (*models.Import, error) {
	if _, err := s.reviewable(ctx, id, u); err != nil {
		return nil, err
	}
	return s.Store.ReturnImport(ctx, id, u, reason)
}

// Withdraw takes a submitted upload or hand edit back before review (撤回):
// only its sender or the office (models.MayWithdrawImport), only while it
// waits; nothing is applied.
func (s *Service) Withdraw(ctx context.Context, id int64, u models.User) (*models.Import, error) {
	imp, err := s.Head(ctx, id, u)
	if err != nil {
		return nil, err
	}
	if !models.MayWithdrawImport(u, imp) {
		if imp.Status != models.StatusSubmitted {
			return nil, models.Errorf(models.ECONFLICT, "第%d号导入的状态是“%s”，只有待审核的导入可以撤回", id, imp.Status.Label())
		}
		return nil, models.Errorf(models.EFORBIDDEN, "只有报送人本人或市重大项目办（管理员）可以撤回第%d号导入", id)
	}
	return s.Store.WithdrawImport(ctx, id, u)
}

// reviewable returns a submitted import u may approve or return.
func (s *Service) reviewable(ctx context.Context, id int64, u models.User) (*models.Import, error) {
	imp, err := s.Head(ctx, id, u)
	if err != nil {
		return nil, err
	}
	if !models.Allowed(u, models.ActionReview, "") {
		return nil, models.Errorf(models.EFORBIDDEN, "只有市重大项目办（管理员）可以审核报送的台账")
	}
	if !models.MayReviewImport(u, imp) {
		return nil, models.Errorf(models.ECONFLICT, "第%d号导入的状态是“%s”，只有待审核的导入可以审核", id, imp.Status.Label())
	}
	return imp, nil
}

// Edit makes a hand edit of project code: applied at once, or, for a
// district uploader while review is on, submitted for the office's review
// (models.Collection.Reviewed) and applied only by Approve.
func (s *Service) Edit(ctx context.Context, code string, e models.Edit, u models.User) (*models.Import, error) {
	return s.Store.EditProject(ctx, code, e, u, s.Collection.Reviewed(u, models.ImportEdit))
}

// Accept plans a preview again with the office accepting codes as 增补
// (from the ledger's month, with a reason), adding to what it accepted
// before; its commit applies them. Admins only.
func (s *Service) Accept(ctx context.Context, id int64, u models.User, codes []string, reason string) (*models.Import, error) {
	if !u.IsAdmin() {
		return nil, models.Errorf(models.EFORBIDDEN, "只有市重大项目办（管理员）可以确认增补")
	}
	if len(codes) == 0 || models.TrimText(reason) == "" {
		return nil, models.Errorf(models.EINVALID, "请选择要增补的项目，并写明增补原因")
	}
	imp, err := s.changeable(ctx, id, u)
	if err != nil {
		return nil, err
	}
	if imp.CommittedAt != nil {
		return nil, models.Errorf(models.ECONFLICT, "第%d号导入已经提交过，不能再确认增补；请重新上传台账", id)
	}
	name, file, err := s.keptFile(ctx, imp)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	opts, err := s.keptOptions(ctx, id)
	if err != nil {
		return nil, err
	}
	opts.Rules.Additions = append(opts.Rules.Additions, codes...)
	opts.Rules.Reason = models.TrimText(reason)
	ledger, err := s.read(ctx, name, file, opts)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(opts)
	if err != nil {
		return nil, err
	}
	return s.Store.ReplanPreview(ctx, id, ledger, u, opts.Rules, string(raw))
}

// Discard deletes a preview.
func (s *Service) Discard(ctx context.Context, id int64, u models.User) error {
	if _, err := s.changeable(ctx, id, u); err != nil {
		return err
	}
	return s.Store.DiscardImport(ctx, id)
}

// Revert undoes a committed import.
func (s *Service) Revert(ctx context.Context, id int64, u models.User) (*models.Import, error) {
	if _, err := s.changeable(ctx, id, u); err != nil {
		return nil, err
	}
	return s.Store.RevertImport(ctx, id, u)
}

// changeable returns an import the user may change.
func (s *Service) changeable(ctx context.Context, id int64, u models.User) (*models.Import, error) {
	imp, err := s.Head(ctx, id, u)
	if err != nil {
		return nil, err
	}
	if !models.MayChangeImport(u, imp) {
		return nil, models.Errorf(models.EFORBIDDEN, "您只能提交、放弃或撤销本单位（%s）自己上传的导入", u.District)
	}
	return imp, nil
}

func (s *Service) keptOptions(ctx context.Context, id int64) (ReadOptions, error) {
	var o ReadOptions
	raw, err := s.Store.ImportReadOptions(ctx, id)
	if err != nil || raw == "" {
		return o, err
	}
	return o, json.Unmarshal([]byte(raw), &o)
}

// read runs the importer with the store's units within the time limit.
func (s *Service) read(ctx context.Context, name string, src importer.Source, o ReadOptions) (*models.Ledger, error) {
	units, err := s.Store.Units(ctx)
	if err != nil {
		return nil, err
	}
	opts := importer.Options{FileName: name, Period: o.Period, Units: units, District: o.District, List: o.List, Year: o.Year,
		Mapping: o.Mapping, Remembered: o.Remembered}
	d := s.ReadTimeout
	if d == 0 {
		d = 2 * time.Minute
	}
	return readWithin(d, name, func() (*models.Ledger, error) { return importer.ReadSource(src, opts) })
}

// readWithin runs read, giving up after d: the request answers then, and
// the reading, bounded by the importer's limits, ends on its own.
func readWithin(d time.Duration, name string, read func() (*models.Ledger, error)) (*models.Ledger, error) {
	type result struct {
		ledger *models.Ledger
		err    error
	}
	done := make(chan result, 1)
	go func() {
		l, err := read()
		done <- result{l, err}
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.ledger, r.err
	case <-timer.C:
		return nil, models.Errorf(models.EUNPROCESSABLE, "文件“%s”读取超过%d秒仍未完成，请拆分成较小的文件后再上传", name, int(d.Seconds()))
	}
}

// Rollover starts next year's list from this year's: the projects on the
// list in December that are not finished (no planned completion in the
// year or before), as 续建 when they have started and 新开工 when not, with
// no annual plan yet, written as a list file and imported as a preview of
// year+1's list for the office to review and commit; the published list
// is then imported over it. Admins only.
func (s *Service) Rollover(ctx context.Context, year int, u models.User) (*models.Import, error) {
	if !u.IsAdmin() {
		return nil, models.Errorf(models.EFORBIDDEN, "只有市重大项目办（管理员）可以结转年度清单")
	}
	dec := models.MonthOf(year, 12)
	ps, err := s.Store.PortfolioAsOf(ctx, dec)
	if err == nil {
		err = s.Store.AttachMonthNotes(ctx, ps, dec)
	}
	if err != nil {
		return nil, err
	}
	next := carried(ps, year)
	if len(next) == 0 {
		return nil, models.Errorf(models.ENOTFOUND, "%d年清单中没有可以结转的项目", year)
	}
	var buf bytes.Buffer
	err = reports.ProjectList(&buf, reports.ProjectListInput{Title: fmt.Sprintf("%d年市重大项目清单（由%d年清单结转，待核定）", year+1, year),
		Projects: next, Month: models.MonthOf(year+1, 1), Config: s.rates(), Generated: s.Store.Now().In(models.OfficeZone)})
	if err != nil {
		return nil, err
	}
	return s.Import(ctx, Upload{FileName: fmt.Sprintf("%d年清单（由%d年结转）.xlsx", year+1, year), Data: buf.Bytes(), User: u,
		DryRun: true, List: true, Year: year + 1})
}

// rates are the configured thresholds, the defaults when none are set.
func (s *Service) rates() models.RateConfig {
	if s.Rates == (models.RateConfig{}) {
		return models.DefaultRateConfig()
	}
	return s.Rates
}

// carried are the projects of a year's December list that go on into the
// next year: unfinished, 续建 once started, without next year's plan.
func carried(ps []models.Project, year int) []models.Project {
	var out []models.Project
	for _, p := range ps {
		if !p.OnListAt(models.MonthOf(year, 12)) || !p.PlannedCompletion.IsZero() && p.PlannedCompletion.Year() <= year {
			continue
		}
		q := models.Project{Code: p.Code, Year: year + 1, Facts: p.Facts}
		q.Nature, q.AnnualPlan, q.ListFrom, q.ListUntil, q.ImplementedFrom = models.NatureContinuing, 0, 0, 0, 0
		if p.ActualStart.IsZero() {
			q.Nature = models.NatureNew
		}
		out = append(out, q)
	}
	return out
}
