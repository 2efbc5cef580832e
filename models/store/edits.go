package store

import (
	"context"
	"encoding/json"

	"tracker/models"
)

// EditProject applies a hand edit to a project in Period's year list. An
// edit that changes no field, and one the rules refuse, leave no trace.
func (s *Store) EditProject(ctx context.Context, code string, e models.Edit, user models.User) (*models.Import, error) {
	if !e.Period.Valid() {
		return nil, models.Errorf(models.EINVALID, "请指定修改所属的报告期（period，YYYY-MM）")
	}
	if e.Empty() {
		return nil, models.Errorf(models.EINVALID, "没有要修改的字段：请至少给出一个字段的新值")
	}
	p, err := s.Project(ctx, code, e.Period.Year())
	if err != nil {
		return nil, err
	}
	rec, err := e.Record(p)
	if err != nil {
		return nil, err
	}
	ledger := &models.Ledger{Format: "edit", Period: e.Period, Sheets: []string{"手工修改"}, RowsTotal: 1, Records: []models.LedgerRecord{rec}}
	raw, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	return s.CreateImport(ctx, NewImport{FileName: "手工修改 " + code, Data: raw, User: user, Ledger: ledger,
		Kind: models.ImportEdit, RefuseRejected: true, Note: e.Note})
}
