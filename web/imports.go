package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/ledgers"
	"tracker/models"
)

// importsView is 数据导入: the upload form and the history.
type importsView struct {
	CanImport bool
	District  string
	Imports   []*models.Import
	Period    string
	MaxMB     int64
	Audit     bool // offer the audit trail workbook (admins, when the server has it)
	Ledgers   *unitLedgers
	// Reviews: the user reviews the units' uploads (the office), Waiting
	// those submitted, oldest first; Reviewed: the user's own uploads wait
	// for that review.
	Reviews  bool
	Waiting  []*models.Import
	Reviewed bool
	// ToReply are the 督办 items of an uploader's unit waiting for its
	// reply (待回复), the overdue first: an uploader lands here.
	ToReply []models.Supervision
	// Resend is the returned upload the form sends again (重新上传 from
	// its page: ?replaces=N), nil for none; the period comes preselected.
	Resend *models.Import
}

// importsPage is 数据导入; ?period=YYYY-MM (重新上传 from a withdrawn
// upload's page) preselects the form's period, anything else is ignored.
func (s *Server) importsPage(c *gin.Context) {
	period := ""
	if m, err := httpx.OptionalMonth(c.Query("period")); err == nil && m != 0 {
		period = m.String()
	}
	s.renderImports(c, http.StatusOK, "", period)
}

// resendOf is the returned upload the form sends again: the ?replaces=N
// of 重新上传 (or the field of a failed upload's form), when the user may
// send it again; nil otherwise (the form then is the plain one).
func (s *Server) resendOf(c *gin.Context) *models.Import {
	id, err := strconv.ParseInt(c.Request.FormValue("replaces"), 10, 64)
	if err != nil || id <= 0 {
		return nil
	}
	u := httpx.CurrentUser(c)
	imp, err := s.Ledgers.Head(c, id, u)
	if err != nil || imp.Status != models.StatusReturned || !mayResend(u, imp) {
		return nil
	}
	return imp
}

// mayResend reports whether u sends imp again (重新上传): a returned
// upload of a unit's uploader who may change it.
func mayResend(u models.User, imp *models.Import) bool {
	return imp.Status == models.StatusReturned && imp.Kind == models.ImportUpload && u.Role == models.RoleUploader && models.MayChangeImport(u, imp)
}

// renderImports shows the upload form (with an error and the period the
// user chose, after a failed upload) and the import history.
func (s *Server) renderImports(c *gin.Context, status int, errMsg, period string) {
	imps, err := s.visibleImports(c, models.ImportFilter{Limit: 500}, 200)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	u := httpx.CurrentUser(c)
	v := importsView{CanImport: u.CanImport(), District: u.District, Imports: imps, Period: period, MaxMB: s.MaxUploadBytes >> 20,
		Audit: u.IsAdmin() && s.downloads.Audit != nil, Ledgers: s.unitLedgersFor(c), Reviews: models.Allowed(u, models.ActionReview, ""),
		Reviewed: s.Collection.Reviewed(u, models.ImportUpload)}
	if v.Reviews {
		if v.Waiting, err = s.visibleImports(c, models.ImportFilter{Status: models.StatusSubmitted, Limit: 500}, 0); err != nil {
			s.FailPage(c, err)
			return
		}
		slices.Reverse(v.Waiting)
	}
	if u.Role == models.RoleUploader && u.District != "" {
		if v.ToReply, err = s.Store.Supervisions(c, models.SupervisionFilter{Unit: u.District, Status: models.SupervisionOpen}); err != nil {
			s.FailPage(c, err)
			return
		}
	}
	if v.Resend = s.resendOf(c); v.Resend != nil && v.Period == "" {
		v.Period = v.Resend.Period.String()
	}
	s.render(c, status, "imports", view{Title: "数据导入", Nav: "imports", Error: errMsg, Data: v})
}

// visibleImports returns up to n imports the user may see (the policy's
// rule, through the import use case).
func (s *Server) visibleImports(c *gin.Context, f models.ImportFilter, n int) ([]*models.Import, error) {
	return s.Ledgers.History(c, f, httpx.CurrentUser(c), n)
}

// postImportPage reads an upload the way POST /api/v1/imports does and keeps
// it as a preview. A browser without script gets a redirect to the preview
// (or the form again with the error); the progress-bar script asks for
// JSON and navigates itself.
func (s *Server) postImportPage(c *gin.Context) {
	u := httpx.CurrentUser(c)
	period := strings.TrimSpace(c.PostForm("period"))
	var name string
	var file *httpx.UploadedFile
	var err error = models.Errorf(models.EINVALID, "请选择要上传的台账文件（.xlsx、.xls 或 .csv）")
	if f := c.Request.MultipartForm; f != nil && len(f.File["file"]) > 0 && f.File["file"][0].Size > 0 {
		name, file, err = s.Upload(c)
	}
	defer file.Close()
	var imp *models.Import
	start := time.Now()
	up := ledgers.Upload{FileName: name, User: u, DryRun: true, Summary: true} // the page it leads to reads the changes
	if err == nil {
		up.File = file
		err = httpx.UploadOptions(c, &up)
	}
	if err == nil {
		imp, err = s.Ledgers.Import(c, up)
	}
	if err == nil {
		s.Metrics.ImportDone(imp, time.Since(start))
	}
	wantsJSON := strings.Contains(c.GetHeader("Accept"), "application/json")
	switch {
	case err != nil && wantsJSON:
		s.Fail(c, err)
	case err != nil:
		s.renderImports(c, httpx.Status(err), models.ErrorMessage(err), period)
	case wantsJSON:
		c.JSON(http.StatusOK, gin.H{"location": importURL(imp.ID, "")})
	default:
		c.Redirect(http.StatusSeeOther, importURL(imp.ID, ""))
	}
	if imp != nil {
		s.Log.Info("import previewed", "id", imp.ID, "user", u.Name, "rows", imp.RowsTotal, "problems", len(imp.Problems))
	}
}

func importURL(id int64, ok string) string {
	if ok == "" {
		return fmt.Sprintf("/imports/%d", id)
	}
	return fmt.Sprintf("/imports/%d?ok=%s", id, ok)
}

// importView is one import: its figures, problems by row and changes.
type importView struct {
	Imp          *models.Import
	MayChange    bool
	HasProblems  bool
	Errors       int
	Warnings     int
	Changes      []models.Change
	MoreChanges  int
	MoreProblems int
	Rows         []changeRow   // the changes, formatted, with a new project's fields
	Columns      []columnRow   // every source column and how it was read
	MayRemap     bool          // the columns' fields can be chosen and the file read again
	Choices      []fieldChoice // the fields a column can be read as
	Remembered   string        // the columns read by the mapping remembered for the layout
	// NotOnList are the codes of rows refused for not being on the year's
	// list, which an admin may accept as 增补 (CanAccept).
	NotOnList []string
	CanAccept bool
	// List sums a list import up: projects added to the year's list, kept
	// on it and dropped from it.
	List *listSummary
	// Reviewed: its commit submits it for the office's review; MayReview:
	// the user may approve or return it.
	Reviewed  bool
	MayReview bool
	// MayWithdraw offers 撤回 to the uploader who sent a waiting import
	// (models.MayWithdrawImport; the office returns it instead).
	MayWithdraw bool
	// MayResend offers 重新上传 for a returned upload (mayResend);
	// Replaces is the returned upload this one sends again, 0 for none.
	MayResend bool
	Replaces  int64
	// Resent are the uploads that send this returned one again.
	Resent []models.Import
	// Reason is the import's own reason: a list change's, or the one its
	// 增补 or 更正 was allowed with ("" for none; a hand edit's 修改原因 is
	// Imp.Note).
	Reason string
}

// shownRows bounds the problems and changes listed on a page; the rest are
// in the problems workbook and the API.
const shownRows = 1000

func (s *Server) importPage(c *gin.Context) {
	imp, err := s.viewableImport(c)
	if err == nil && imp.Kind == models.ImportList {
		imp, err = s.Import(c) // a list's summary counts every change; a list is the year's few hundred projects
	} else if err == nil {
		imp, err = s.Ledgers.First(c, imp.ID, httpx.CurrentUser(c), shownRows) // not all 300,000 of a large upload
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	v := newImportView(imp, httpx.CurrentUser(c), s.downloads.Problems != nil)
	v.Reviewed = s.Collection.Reviewed(httpx.CurrentUser(c), imp.Kind)
	if v.Reason, err = s.Store.ImportReason(c, imp.ID); err == nil {
		v.Replaces, err = s.Ledgers.Replaces(c, imp.ID)
	}
	if err == nil && imp.Status == models.StatusReturned {
		v.Resent, err = s.Store.Resent(c, imp.ID)
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	names, exists, err := s.changeNames(c, v.Changes)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	v.Rows = changeRows(imp, v.Changes, names, exists)
	s.render(c, http.StatusOK, "import", view{Title: fmt.Sprintf("第%d号导入", imp.ID), Nav: "imports", Data: v})
}

// newImportView is the import page of imp for u: whether u may commit,
// discard or revert it, its problems counted by severity, and its problems
// and changes cut to shownRows. HasProblems offers the problems workbook
// only when there are problem rows to put in it: the import has problems,
// is an upload (a hand edit has no file) and the server has the workbook
// (offered says so).
func newImportView(imp *models.Import, u models.User, offered bool) importView {
	v := importView{Imp: imp, MayChange: models.MayChangeImport(u, imp), Changes: imp.Changes, Columns: columnRows(imp.Columns),
		Choices: fieldChoices(), Remembered: rememberedColumns(imp.Columns), MayReview: models.MayReviewImport(u, imp)}
	v.MayRemap = v.MayChange && imp.Kind == models.ImportUpload && len(imp.Columns) > 0 &&
		(imp.Status == models.StatusPreviewed || imp.Status == models.StatusRejected)
	v.HasProblems = offered && len(imp.Problems) > 0 && imp.Kind != models.ImportEdit
	v.MayResend = mayResend(u, imp)
	v.MayWithdraw = models.MayWithdrawImport(u, imp) && imp.User == u.Name
	for _, p := range imp.Problems {
		if p.Severity == "error" {
			v.Errors++
		} else {
			v.Warnings++
		}
		if p.Kind == models.ProblemNotOnList {
			v.NotOnList = append(v.NotOnList, p.Code)
		}
	}
	if imp.Kind == models.ImportList {
		v.List = summarizeList(imp)
	}
	v.CanAccept = len(v.NotOnList) > 0 && u.IsAdmin() && imp.CommittedAt == nil &&
		(imp.Status == models.StatusPreviewed || imp.Status == models.StatusRejected)
	if len(imp.Problems) > shownRows {
		v.MoreProblems, imp.Problems = len(imp.Problems)-shownRows, imp.Problems[:shownRows]
	}
	if len(v.Changes) > shownRows {
		v.Changes = v.Changes[:shownRows]
	}
	v.MoreChanges = max(imp.ChangeCount, len(imp.Changes)) - len(v.Changes)
	return v
}

// viewableImport reads the :id import without its changes (ChangeCount
// says how many) when the user may see it; another unit's import is 404
// to an uploader, as if it did not exist.
func (s *Server) viewableImport(c *gin.Context) (*models.Import, error) { return s.ImportHead(c) }

// visibleImport guards a download handler with the same rule (nil for
// none).
func (s *Server) visibleImport(h gin.HandlerFunc) gin.HandlerFunc {
	if h == nil {
		return nil
	}
	return func(c *gin.Context) {
		if _, err := s.viewableImport(c); err != nil {
			s.FailPage(c, err)
			return
		}
		h(c)
	}
}

// changeImport runs one state change of an import through the import use
// case, which checks the user may change it, and redirects to the import
// with a notice.
func (s *Server) changeImport(c *gin.Context, notice *string, act func(id int64, u models.User) error) {
	id, err := httpx.ImportID(c)
	if err == nil {
		err = act(id, httpx.CurrentUser(c))
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	ok := *notice // act may have chosen another
	s.Log.Info("import "+ok, "id", id, "user", httpx.CurrentUser(c).Name)
	if ok == "discarded" {
		c.Redirect(http.StatusSeeOther, "/imports?ok=discarded")
		return
	}
	c.Redirect(http.StatusSeeOther, importURL(id, ok))
}

func (s *Server) commitImportPage(c *gin.Context) {
	ok := "committed"
	s.changeImport(c, &ok, func(id int64, u models.User) error {
		start := time.Now()
		done, err := s.Ledgers.Commit(c, id, u)
		if err == nil {
			s.Metrics.ImportDone(done, time.Since(start))
			if done.Status == models.StatusSubmitted {
				ok = "submitted"
			}
		}
		return err
	})
}

// notice points at a fixed notice key.
func notice(key string) *string { return &key }

func (s *Server) approveImportPage(c *gin.Context) {
	s.changeImport(c, notice("approved"), func(id int64, u models.User) error {
		start := time.Now()
		done, err := s.Ledgers.Approve(c, id, u)
		if err == nil {
			s.Metrics.ImportDone(done, time.Since(start))
		}
		return err
	})
}

func (s *Server) returnImportPage(c *gin.Context) {
	s.changeImport(c, notice("returned"), func(id int64, u models.User) error {
		_, err := s.Ledgers.Return(c, id, u, c.PostForm("reason"))
		return err
	})
}

func (s *Server) withdrawImportPage(c *gin.Context) {
	s.changeImport(c, notice("withdrawn"), func(id int64, u models.User) error {
		_, err := s.Ledgers.Withdraw(c, id, u)
		return err
	})
}

func (s *Server) discardImportPage(c *gin.Context) {
	s.changeImport(c, notice("discarded"), func(id int64, u models.User) error { return s.Ledgers.Discard(c, id, u) })
}

func (s *Server) revertImportPage(c *gin.Context) {
	s.changeImport(c, notice("reverted"), func(id int64, u models.User) error {
		_, err := s.Ledgers.Revert(c, id, u)
		return err
	})
}

// revertConfirmPage asks before a revert, saying what it will undo; it
// works without script (a plain page with a form).
func (s *Server) revertConfirmPage(c *gin.Context) {
	imp, err := s.viewableImport(c)
	if err == nil && !models.MayChangeImport(httpx.CurrentUser(c), imp) {
		err = models.Errorf(models.EFORBIDDEN, "您只能撤销本单位（%s）自己上传的导入", httpx.CurrentUser(c).District)
	}
	if err == nil && imp.Status != models.StatusCommitted {
		err = models.Errorf(models.ECONFLICT, "第%d号导入的状态是“%s”，只有已提交的导入可以撤销", imp.ID, imp.Status.Label())
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	s.render(c, http.StatusOK, "revert", view{Title: "确认撤销导入", Nav: "imports", Data: importView{Imp: imp}})
}

// changeNames names the projects of the changes: the stored name, or the
// name a new project would get; exists tells those the database has.
func (s *Server) changeNames(c *gin.Context, changes []models.Change) (names map[string]string, exists map[string]bool, err error) {
	codes := make([]string, 0, len(changes))
	for _, ch := range changes {
		codes = append(codes, ch.Code)
	}
	if names, err = s.Store.ProjectNames(c, codes); err != nil {
		return nil, nil, err
	}
	exists = make(map[string]bool, len(names))
	for code := range names {
		exists[code] = true
	}
	for _, ch := range changes {
		if ch.Field == models.ChangeProject && ch.New != nil && names[ch.Code] == "" {
			names[ch.Code] = *ch.New
		}
	}
	return names, exists, nil
}

type listSummary struct{ Added, Kept, Dropped int }

// summarizeList counts a list import's changes: an entry created (a new
// project or one new to the year) is added, a withdrawal from January
// dropped; the other rows applied were on the list already.
func summarizeList(imp *models.Import) *listSummary {
	s := &listSummary{}
	for _, c := range imp.Changes {
		switch {
		case c.Field == models.ChangeProject || c.Field == models.ChangePlanEntry:
			s.Added++
		case c.Field == "list_until" && c.New != nil:
			s.Dropped++
		}
	}
	s.Kept = max(imp.RowsImported-s.Added, 0)
	return s
}
