package ledgers

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"tracker/importer"
	"tracker/models"
	"tracker/models/store"
)

func columnFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "columns", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func columnNamed(imp *models.Import, letter string) models.LedgerColumn {
	for _, c := range imp.Columns {
		if c.Column == letter {
			return c
		}
	}
	return models.LedgerColumn{}
}

// TestMappingRememberedForTheLayout: 周村区's June ledger has amount columns
// nothing recognises (计划数, 本期数). The mapping chosen in its preview is
// kept with the import and remembered for 周村区 and that layout, so July's
// ledger of the same layout is read the same way without one, and commits
// what its preview showed; once forgotten, July is read by labels again.
// Another unit does not see or forget 周村区's reading.
func TestMappingRememberedForTheLayout(t *testing.T) {
	svc, _, _ := fixture(t)
	ctx := context.Background()
	zhoucun := models.User{Name: "zcq", Role: models.RoleUploader, District: "周村区"}
	m, err := importer.ParseMapping(map[string]string{"D": "annual_plan_wan", "E": "completed_ytd_wan"})
	if err != nil {
		t.Fatal(err)
	}
	// 2025 has no list yet, so its first ledgers may bring new projects.
	june, err := svc.Import(ctx, Upload{FileName: "june.xlsx", Data: columnFixture(t, "layout_06.xlsx"), Period: models.MonthOf(2025, 6), User: zhoucun, DryRun: true, Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if c := columnNamed(june, "E"); c.Field != "completed_ytd_wan" || c.By != models.ByMapping {
		t.Fatalf("june column E = %+v", c)
	}
	saved, err := svc.Mappings(ctx, zhoucun)
	if err != nil || len(saved) != 1 || saved[0].Unit != "周村区" || saved[0].Columns["D"] != "annual_plan_wan" || saved[0].Labels["E"] != "本期数" {
		t.Fatalf("remembered = %+v %v", saved, err)
	}
	july, err := svc.Import(ctx, Upload{FileName: "july.xlsx", Data: columnFixture(t, "layout_07.xlsx"), Period: models.MonthOf(2025, 7), User: zhoucun, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := columnNamed(july, "E"); c.Field != "completed_ytd_wan" || c.Note != "按上次确认的列对应关系读取：读作累计完成投资" {
		t.Fatalf("july column E = %+v", c)
	}
	if err := svc.Forget(ctx, saved[0].ID, zhangdian); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("张店区 forgets 周村区's reading: %v", err)
	}
	if others, _ := svc.Mappings(ctx, zhangdian); len(others) != 0 {
		t.Errorf("张店区 sees %+v", others)
	}
	if err := svc.Forget(ctx, saved[0].ID, zhoucun); err != nil {
		t.Fatal(err)
	}
	// Review on: the unit's commit submits it, the office's approval
	// reads it as the preview did, though the reading is forgotten.
	submitted, err := svc.Commit(ctx, july.ID, zhoucun)
	if err != nil || submitted.Status != models.StatusSubmitted {
		t.Fatalf("commit: %+v %v", submitted, err)
	}
	if _, err := svc.Approve(ctx, july.ID, zhoucun); models.ErrorCode(err) != models.EFORBIDDEN {
		t.Errorf("the unit approves its own upload: %v", err)
	}
	committed, err := svc.Approve(ctx, july.ID, office)
	if err != nil || committed.Status != models.StatusCommitted || committed.RowsImported != 2 {
		t.Fatalf("approve: %+v %v", committed, err)
	}
	if c := columnNamed(committed, "E"); c.Field != "completed_ytd_wan" {
		t.Errorf("the approval did not read as its preview: %+v", c)
	}
	again, err := svc.Import(ctx, Upload{FileName: "july.xlsx", Data: columnFixture(t, "layout_07.xlsx"), Period: models.MonthOf(2025, 7), User: zhoucun, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := columnNamed(again, "E"); c.Field != "" || c.By != models.ByLabel {
		t.Errorf("after forgetting, column E = %+v", c)
	}
}

// TestRemapReplacesThePreview: choosing a column's field in a preview
// reads the kept file again as a new preview and discards the old one.
func TestRemapReplacesThePreview(t *testing.T) {
	svc, _, _ := fixture(t)
	ctx := context.Background()
	first, err := svc.Import(ctx, Upload{FileName: "june.xlsx", Data: columnFixture(t, "layout_06.xlsx"), User: office, DryRun: true,
		Rules: store.ImportRules{Additions: []string{"*"}, Reason: "新增项目"}})
	if err != nil {
		t.Fatal(err)
	}
	next, err := svc.Remap(ctx, first.ID, map[string]string{"台账!E": "completed_ytd_wan"}, office)
	if err != nil {
		t.Fatal(err)
	}
	if c := columnNamed(next, "E"); next.ID == first.ID || c.Field != "completed_ytd_wan" || next.Changes[0].Field == "" {
		t.Errorf("remapped: %+v", next)
	}
	if _, err := svc.Get(ctx, first.ID, office); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("the old preview is still there: %v", err)
	}
	back, err := svc.ForgetAndRemap(ctx, next.ID, office)
	if err != nil {
		t.Fatal(err)
	}
	if c := columnNamed(back, "E"); c.Field != "" {
		t.Errorf("after forgetting: %+v", c)
	}
	if ms, _ := svc.Mappings(ctx, office); len(ms) != 0 {
		t.Errorf("still remembered: %+v", ms)
	}
}
