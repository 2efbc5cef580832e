package store

import (
	"context"
	"encoding/json"
	"strings"

	"tracker/models"
)

// editFilePrefix begins the file name of every hand edit's import, before
// the project's code: the approval of a submitted edit finds its project
// by it.
const editFilePrefix = "手工修改 "

// EditProject applies a hand edit to a project in Period's year list or,
// with submit (a district uploader's edit while review is on), keeps it
// for the office's review (StatusSubmitted): computed, nothing changed
// until ApproveImport. An edit that changes no field, and one the rules
// refuse, leave no trace; so does a submitted edit that would change no
// value, as there is nothing to review.
func (s *Store) EditProject(ctx context.Context, code string, e models.Edit, user models.User, submit bool) (*models.Import, error) {
	if !e.Period.Valid() {
		return nil, models.Errorf(models.EINVALID, "请指定修改所属的报告期（period，YYYY-MM）")
	}
	if e.Empty() {
		return nil, models.Errorf(models.EINVALID, "没有要修改的字段：请至少给出一个字段的新值")
	}
	ledger, err := s.editLedger(ctx, code, e)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	return s.CreateImport(ctx, NewImport{FileName: editFilePrefix + code, Data: raw, User: user, Ledger: ledger,
		Kind: models.ImportEdit, RefuseRejected: true, Note: e.Note, Submit: submit})
}

// editLedger is the one-row ledger edit e of project code gives, against
// the project as it is now.
func (s *Store) editLedger(ctx context.Context, code string, e models.Edit) (*models.Ledger, error) {
	p, err := s.Project(ctx, code, e.Period.Year())
	if err != nil {
		return nil, err
	}
	rec, err := e.Record(p)
	if err != nil {
		return nil, err
	}
	return &models.Ledger{Format: "edit", Period: e.Period, Sheets: []string{"手工修改"}, RowsTotal: 1, Records: models.RecordsOf(rec)}, nil
}

// EditLedger reads a hand edit's kept edit again (its approval) and gives
// its ledger against the project as it is now, as a commit reads an
// upload's kept file again.
func (s *Store) EditLedger(ctx context.Context, imp *models.Import) (*models.Ledger, error) {
	code, ok := strings.CutPrefix(imp.FileName, editFilePrefix)
	if imp.Kind != models.ImportEdit || !ok {
		return nil, models.Errorf(models.EINTERNAL, "第%d号导入不是手工修改", imp.ID)
	}
	_, data, err := s.ImportFile(ctx, imp.ID)
	if err != nil {
		return nil, err
	}
	var e models.Edit
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, err
	}
	return s.editLedger(ctx, code, e)
}
