package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tracker/models"
)

// listExists reports whether a year's list has been established (by a
// list import, a seed, or before the list existed as such): then monthly
// ledgers stay inside it.
func listExists(tx *gorm.DB, year int) (bool, error) {
	var n int64
	err := tx.Table("lists").Where("year = ?", year).Count(&n).Error
	return n > 0, err
}

// establishList records that a list import established its year's list,
// unless one was already.
func establishList(tx *gorm.DB, year int, importID int64, now time.Time) error {
	return tx.Exec(`INSERT INTO lists (year, source, created_at) VALUES (?, ?, ?) ON CONFLICT (year) DO NOTHING`,
		year, listSource(importID), now).Error
}

// unestablishList undoes establishList for a reverted list import.
func unestablishList(tx *gorm.DB, year int, importID int64) error {
	return tx.Exec(`DELETE FROM lists WHERE year = ? AND source = ?`, year, listSource(importID)).Error
}

func listSource(importID int64) string { return fmt.Sprintf("导入#%d", importID) }

// withYearCodes adds to codes those of every project on a year's list.
func withYearCodes(tx *gorm.DB, codes []string, year int) ([]string, error) {
	var all []string
	if err := tx.Raw(`SELECT code FROM plan_entries WHERE year = ? ORDER BY code`, year).Scan(&all).Error; err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(codes))
	for _, c := range codes {
		seen[c] = true
	}
	for _, c := range all {
		if !seen[c] {
			codes = append(codes, c)
		}
	}
	return codes, nil
}

// ChangeList makes one change of a year's list (增补, 调出, 准备类 → 实施类)
// from an effective month, with a reason, as an admin: it is kept as an
// import of kind list_change with its changes, so it is in the history and
// the audit trail and is reverted like any import. A project added that
// has no entry in the year's list gets one as 续建 with no annual plan
// (the office sets the plan by hand edit); re-adding a withdrawn project
// puts it back from the effective month.
func (s *Store) ChangeList(ctx context.Context, year int, c models.ListChange, u models.User) (*models.Import, error) {
	if err := validListChange(year, c, u); err != nil {
		return nil, err
	}
	var out *models.Import
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		pl, err := planListChange(tx, year, c)
		if err != nil {
			return err
		}
		if err := checkYearUnlocked(tx, year, pl.Changes); err != nil {
			return err
		}
		now := s.now()
		c.User, c.At = u.Name, &now
		raw, err := json.Marshal(c)
		if err != nil {
			return err
		}
		row := importRow{Status: models.StatusCommitted, Kind: models.ImportListChange, FileName: "清单调整 " + c.Code,
			SHA256: fileSHA256(raw), Period: int(c.Effective), UserName: u.Name, CreatedAt: now, CommittedAt: &now,
			RowsTotal: 1, RowsImported: 1, Updated: 1, District: districtList(pl.Districts), Problems: "[]", FileSize: int64(len(raw))}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		if _, err := saveFileBytes(tx, row.ID, raw); err != nil {
			return err
		}
		w := &writer{tx: tx, importID: row.ID, period: c.Effective, now: now}
		if err := w.applyAll(pl); err != nil {
			return err
		}
		if err := w.saveChanges(pl.Changes); err != nil {
			return err
		}
		out = row.toImport()
		out.Changes = append(out.Changes, pl.Changes...)
		return nil
	})
	return out, err
}

func validListChange(year int, c models.ListChange, u models.User) error {
	switch {
	case !u.IsAdmin():
		return models.Errorf(models.EFORBIDDEN, "只有市重大项目办（管理员）可以调整年度清单")
	case c.Action.Label() == string(c.Action):
		return models.Errorf(models.EINVALID, "调整类型“%s”无效，应为 add（增补）、remove（调出）或 implement（转为实施类）", c.Action)
	case !c.Effective.Valid() || c.Effective.Year() != year:
		return models.Errorf(models.EINVALID, "生效月份应为%d年的月份（YYYY-MM）", year)
	case models.TrimText(c.Reason) == "":
		return models.Errorf(models.EINVALID, "请写明%s的原因", c.Action.Label())
	}
	return nil
}

// planListChange computes the changes of one list change against the
// project's entry as it stands.
func planListChange(tx *gorm.DB, year int, c models.ListChange) (*models.Plan, error) {
	sn, err := loadSnapshot(tx, []string{c.Code}, c.Effective)
	if err != nil {
		return nil, err
	}
	st := sn[c.Code]
	if st == nil {
		return nil, models.Errorf(models.ENOTFOUND, "没有项目代码为“%s”的项目；新项目请随月度台账导入，并在预览中确认增补", c.Code)
	}
	p := models.Project{Code: c.Code, Year: year, Facts: st.Facts}
	set, facts, why := c.Apply(&p, st.OnList)
	if why != "" {
		return nil, models.Errorf(models.ECONFLICT, "项目 %s 不能%s：%s", c.Code, c.Action.Label(), why)
	}
	pl := &models.Plan{Applied: 1, Updated: 1, Districts: map[string]bool{st.District: true}}
	if !st.OnList {
		n := string(models.NatureContinuing)
		pl.Changes = append(pl.Changes, models.Change{Code: c.Code, Field: models.ChangePlanEntry, New: &n})
	}
	for _, d := range set.Defs() {
		if old, nv := sn.Value(c.Code, d), d.Text(&facts); !sameText(old, nv) {
			pl.Changes = append(pl.Changes, models.Change{Code: c.Code, Field: d.Name, Old: old, New: nv})
		}
	}
	return pl, nil
}

func sameText(a, b *string) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// ListItems returns the projects on a year's list in some month of it,
// with their class and months on it, in code order; ENOTFOUND when the
// year has no list.
func (s *Store) ListItems(ctx context.Context, year int) ([]models.ListItem, error) {
	ps, err := s.queryProjectsOnly(ctx, year, `e.year = ? AND `+inYear, []any{year}, "p.code", 0, 0)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, models.Errorf(models.ENOTFOUND, "%d年还没有项目清单", year)
	}
	out := make([]models.ListItem, len(ps))
	for i := range ps {
		out[i] = models.ListItemOf(&ps[i])
	}
	return out, nil
}

// listActions maps the change fields of a list to the action they record.
var listActions = map[string]models.ListAction{"list_from": models.ListAdd, "list_until": models.ListRemove, "implemented_from": models.ListImplement}

// ListChanges returns the changes of a year's list that are in force, in
// the order they were made (optionally of one project): the office's list
// changes, additions accepted with monthly ledgers, and projects a list
// import left out, each with its reason, who and when.
func (s *Store) ListChanges(ctx context.Context, year int, code string) ([]models.ListChange, error) {
	q := s.db.WithContext(ctx).Table("import_changes c").
		Select("c.code, c.field, c.new_value, i.id, i.kind, i.user_name, i.committed_at, i.read_options, "+listFileColumn("i", "file_data")).
		Joins("JOIN imports i ON i.id = c.import_id").
		Where("i.status = ? AND i.period >= ? AND i.period <= ? AND c.field IN ? AND c.new_value IS NOT NULL",
			models.StatusCommitted, year*100+1, year*100+12, []string{"list_from", "list_until", "implemented_from"})
	if code != "" {
		q = q.Where("c.code = ?", code)
	}
	var rows []struct {
		Code, Field string
		NewValue    string
		ID          int64
		Kind        models.ImportKind
		UserName    string
		CommittedAt *time.Time
		FileData    []byte
		ReadOptions string
	}
	if err := q.Order("i.id, c.seq").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]models.ListChange, 0, len(rows))
	for _, r := range rows {
		m, err := models.ParseMonth(r.NewValue)
		if err != nil {
			return nil, err
		}
		out = append(out, models.ListChange{Code: r.Code, Action: listActions[r.Field], Effective: m, User: r.UserName,
			At: r.CommittedAt, ImportID: r.ID, Reason: changeReason(r.Kind, r.FileData, r.ReadOptions)})
	}
	return out, nil
}

// changeReason is the reason a list change was made with: the office's
// own words, or why a ledger or list import changed the list.
func changeReason(kind models.ImportKind, file []byte, options string) string {
	switch r := importReason(kind, file, options); {
	case kind == models.ImportListChange || r != "":
		return r
	case kind == models.ImportList:
		return "年度清单导入：新清单未列入该项目"
	}
	return "随月度台账增补"
}
