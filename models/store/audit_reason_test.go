package store

import (
	"context"
	"encoding/json"
	"testing"

	"tracker/models"
)

// TestAuditSaysWhyEachChangeWasMade: the trail's reason is a hand edit's
// 修改原因, a list change's reason, the reason an upload's rules were
// allowed with (as the ledgers service keeps them in the read options),
// and for a returned upload the return's reason; none for a plain upload.
func TestAuditSaysWhyEachChangeWasMade(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zd, zc := seeded(t, s)
		june, july := models.MonthOf(2024, 6), models.MonthOf(2024, 7)
		edit, err := s.EditProject(ctx, zd.Code, models.Edit{Period: june, Note: " 与区县核实后更正 ", Set: models.FieldCompletedYTD,
			Values: models.Facts{CompletedYTD: 8 * models.Wan}}, admin, false)
		if err != nil {
			t.Fatal(err)
		}
		list, err := s.ChangeList(ctx, 2024, models.ListChange{Code: zc.Code, Action: models.ListRemove, Effective: july, Reason: "项目终止"}, admin)
		if err != nil {
			t.Fatal(err)
		}
		opts, _ := json.Marshal(struct {
			Rules ImportRules `json:"rules"`
		}{ImportRules{Correction: true, Reason: "市统计局核定后更正"}})
		ruled, err := s.CreateImport(ctx, NewImport{FileName: "更正.xlsx", User: admin, ReadOptions: string(opts), Ledger: ledgerOf(june, figureRecord(zd, 9*models.Wan))})
		if err != nil {
			t.Fatal(err)
		}
		plain, err := s.CreateImport(ctx, NewImport{FileName: "zd.xlsx", User: admin, ReadOptions: `{"period":"2024-06"}`, Ledger: ledgerOf(june, figureRecord(zd, 10*models.Wan))})
		if err != nil {
			t.Fatal(err)
		}
		sent, _ := s.CreateImport(ctx, NewImport{FileName: "zd2.xlsx", User: uploaderOf("张店区"), Submit: true, Ledger: ledgerOf(june, figureRecord(zd, 11*models.Wan))})
		if _, err := s.ReturnImport(ctx, sent.ID, admin, "第4行本年完成投资有误"); err != nil {
			t.Fatal(err)
		}
		entries, err := s.Audit(ctx, models.AuditFilter{ImportsOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		got := map[int64]string{}
		for _, e := range entries {
			got[e.ImportID] = e.Reason
		}
		want := map[int64]string{edit.ID: "与区县核实后更正", list.ID: "项目终止", ruled.ID: "市统计局核定后更正", plain.ID: "", sent.ID: "退回原因：第4行本年完成投资有误"}
		for id, w := range want {
			if r, ok := got[id]; !ok || r != w {
				t.Errorf("import %d: reason %q (in the trail %v), want %q", id, r, ok, w)
			}
		}
	})
}
