package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tracker/models"
)

// Lock closes a quarter: once its 通报 has gone out, its figures must not
// move, so imports and edits for its months are refused.
type Lock struct {
	Year     int       `json:"year"`
	Quarter  int       `json:"quarter"`
	LockedBy string    `json:"locked_by"`
	LockedAt time.Time `json:"locked_at"`
}

type lockRow struct {
	Year     int `gorm:"primaryKey"`
	Quarter  int `gorm:"primaryKey"`
	LockedBy string
	LockedAt time.Time
}

func (lockRow) TableName() string { return "locks" }

// LockedFile is a report of a quarter kept as it was sent when the
// quarter was locked: Kind is "xlsx" (the workbook) or "docx" (the 通报).
type LockedFile struct {
	Kind     string
	FileName string
	Data     []byte
}

// LockQuarter locks a quarter and keeps its reports as sent (files);
// locking it again changes nothing, its first files stay.
func (s *Store) LockQuarter(ctx context.Context, year, quarter int, by models.User, files ...LockedFile) error {
	if quarter < 1 || quarter > 4 || year < 1990 || year > 2100 {
		return models.Errorf(models.EINVALID, "季度无效：%d年第%d季度", year, quarter)
	}
	now := s.now()
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&lockRow{Year: year, Quarter: quarter, LockedBy: by.Name, LockedAt: now})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		for _, f := range files {
			err := tx.Exec(`INSERT INTO locked_reports (year, quarter, kind, file_name, data, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
				year, quarter, f.Kind, f.FileName, f.Data, now).Error
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// UnlockQuarter reopens a quarter; its reports as sent are dropped (the
// next lock keeps them anew).
func (s *Store) UnlockQuarter(ctx context.Context, year, quarter int) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`DELETE FROM locked_reports WHERE year = ? AND quarter = ?`, year, quarter).Error; err != nil {
			return err
		}
		return tx.Where("year = ? AND quarter = ?", year, quarter).Delete(&lockRow{}).Error
	})
}

// LockedReport returns a locked quarter's report of a kind as sent; ok is
// false when the quarter is open or kept no such report.
func (s *Store) LockedReport(ctx context.Context, year, quarter int, kind string) (f LockedFile, ok bool, err error) {
	var rows []struct {
		FileName string
		Data     []byte
	}
	err = s.db.WithContext(ctx).Raw(`SELECT file_name, data FROM locked_reports WHERE year = ? AND quarter = ? AND kind = ?`,
		year, quarter, kind).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return f, false, err
	}
	return LockedFile{Kind: kind, FileName: rows[0].FileName, Data: rows[0].Data}, true, nil
}

// Locks returns the locked quarters, newest first.
func (s *Store) Locks(ctx context.Context) ([]Lock, error) {
	var rows []lockRow
	if err := s.db.WithContext(ctx).Order("year DESC, quarter DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Lock, len(rows))
	for i, r := range rows {
		out[i] = Lock(r)
	}
	return out, nil
}

// checkUnlocked refuses a change to month m when its quarter is locked.
func checkUnlocked(tx *gorm.DB, m models.Month) error {
	var n int64
	q := (m.Num() + 2) / 3
	if err := tx.Model(&lockRow{}).Where("year = ? AND quarter = ?", m.Year(), q).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return models.Errorf(models.ECONFLICT, "%d年第%d季度已锁定（通报已发布），不能再导入或修改%d年%d月的数据；如确需更正，请联系管理员解锁",
			m.Year(), q, m.Year(), m.Num())
	}
	return nil
}

// checkYearUnlocked refuses changes of a year's figures that would change
// a locked quarter's: the fields kept per year either count in every
// month's rates (年度计划投资, 建设性质, 实施类/准备类) or from a month on
// (计划开工时间, December when there is none; 列入清单月份, 调出清单月份,
// 转为实施类月份), so a change counts from the earlier of its old and new
// month; a place on the year's list (a new project takes one too) counts
// from its 列入清单月份, January when it has none. A quarter that ends
// before the change takes effect is not touched by it. The caller refuses
// the whole import, at preview already: half a ledger applied would be
// worse.
func checkYearUnlocked(tx *gorm.DB, year int, changes []models.Change) error {
	var quarters []int
	if err := tx.Model(&lockRow{}).Where("year = ?", year).Order("quarter").Pluck("quarter", &quarters).Error; err != nil {
		return err
	}
	if len(quarters) == 0 {
		return nil
	}
	listFrom := map[string]*string{} // the list_from each entry is made with
	created := map[string]bool{}     // the codes whose year's entry the changes create
	for _, c := range changes {
		switch c.Field {
		case "list_from":
			listFrom[c.Code] = c.New
		case models.ChangePlanEntry, models.ChangeProject:
			created[c.Code] = true
		}
	}
	for i := range changes {
		from := affectsFrom(&changes[i], year, listFrom, created[changes[i].Code])
		for _, q := range quarters {
			if from <= 3*q {
				return yearLocked(&changes[i], year, q)
			}
		}
	}
	return nil
}

// affectsFrom is the first month of year whose figures c makes differ, 13
// for a change that alters none of the year's months before it (a month's
// own figure). created says the changes make c's entry: then a list_from
// had no old value to differ from (the project was on no month of the
// list), and it affects the year from its new month only.
func affectsFrom(c *models.Change, year int, listFrom map[string]*string, created bool) int {
	month := func(v *string, none int) int {
		m, err := models.ParseMonth(deref(v))
		switch {
		case v == nil || *v == "" || err != nil || m == 0:
			return none
		case m.Year() < year:
			return 1
		case m.Year() > year:
			return 13
		}
		return m.Num()
	}
	switch c.Field {
	case models.ChangeProject:
		if c.Created != nil && c.Created.ListFrom != 0 {
			return month(ptr(c.Created.ListFrom.String()), 1)
		}
		return month(listFrom[c.Code], 1)
	case models.ChangePlanEntry:
		return month(listFrom[c.Code], 1)
	case "planned_start":
		return min(month(c.Old, 12), month(c.New, 12)) // none: counts from December
	case "list_from":
		if created {
			return month(c.New, 1)
		}
		return min(month(c.Old, 1), month(c.New, 1)) // none: from the start
	case "list_until", "implemented_from":
		return min(month(c.Old, 13), month(c.New, 13)) // none: never
	}
	if models.ScopeOfChange(c.Field) == models.ScopeYear {
		return 1
	}
	return 13
}

func ptr(s string) *string { return &s }

func yearLocked(c *models.Change, year, q int) error {
	head := fmt.Sprintf("%d年第%d季度已锁定（通报已发布）", year, q)
	tail := "会改变已锁定季度的数据。请从台账中去掉这项修改后再导入，或请管理员先解锁该季度"
	switch c.Field {
	case models.ChangeProject:
		return models.Errorf(models.ECONFLICT, "%s：新项目 %s 将列入%d年清单，%s", head, c.Code, year, tail)
	case models.ChangePlanEntry:
		return models.Errorf(models.ECONFLICT, "%s：项目 %s 将列入%d年清单，%s", head, c.Code, year, tail)
	}
	label := c.Field
	if f, ok := models.FieldNamed(c.Field); ok {
		if d, ok := f.Def(); ok {
			label = d.Label
		}
	}
	return models.Errorf(models.ECONFLICT, "%s：项目 %s 的%s（%s → %s）是全年数据，修改它%s", head, c.Code, label,
		orNone(c.Old), orNone(c.New), tail)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func orNone(s *string) string {
	if s == nil || *s == "" {
		return "空"
	}
	return *s
}

// checkOpen refuses an import for month m of a locked quarter, at preview
// already, unless an admin imports it as a correction (更正).
func checkOpen(tx *gorm.DB, m models.Month, rules ImportRules, u models.User) error {
	err := checkUnlocked(tx, m)
	if err != nil && rules.Correction && u.IsAdmin() && models.ErrorCode(err) == models.ECONFLICT {
		return nil
	}
	return err
}

// Corrections returns the 更正 a report as of month m lists: changes
// committed after a quarter of m's year before m was locked, to that
// quarter's months or to the year's list fields where they change the
// quarter's figures (affectsFrom, the rule of the lock itself: a 调出 or a
// 增补 from a later month does not), oldest first. A change an
// import of a locked quarter made can only be a correction an admin chose
// to import (checkOpen); a change of a year's field after the lock, too.
func (s *Store) Corrections(ctx context.Context, m models.Month) ([]models.Correction, error) {
	year := m.Year()
	var rows []struct {
		Quarter     int
		Code, Field string
		Period      int
		OldValue    *string
		NewValue    *string
		ImportID    int64
		UserName    string
		CommittedAt *time.Time
	}
	err := s.db.WithContext(ctx).Raw(`SELECT l.quarter, c.code, c.field, i.period, c.old_value, c.new_value, i.id AS import_id, i.user_name, i.committed_at
		FROM locks l JOIN imports i ON i.status = ? AND i.committed_at > l.locked_at AND i.period / 100 = l.year
		JOIN import_changes c ON c.import_id = i.id
		WHERE l.year = ? AND l.quarter * 3 < ? AND (i.period BETWEEN l.year * 100 + l.quarter * 3 - 2 AND l.year * 100 + l.quarter * 3 OR c.field IN ?)
		ORDER BY i.id, c.seq, l.quarter`, models.StatusCommitted, year, m.Num(), yearFieldNames()).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	listFrom := map[int64]map[string]*string{} // per import, as checkYearUnlocked reads its changes
	created := map[int64]map[string]bool{}
	for _, r := range rows {
		if listFrom[r.ImportID] == nil {
			listFrom[r.ImportID], created[r.ImportID] = map[string]*string{}, map[string]bool{}
		}
		switch r.Field {
		case "list_from":
			listFrom[r.ImportID][r.Code] = r.NewValue
		case models.ChangePlanEntry, models.ChangeProject:
			created[r.ImportID][r.Code] = true
		}
	}
	out := make([]models.Correction, 0, len(rows))
	for _, r := range rows {
		c := models.Change{Code: r.Code, Field: r.Field, Old: r.OldValue, New: r.NewValue}
		if isYearChange(r.Field) && affectsFrom(&c, year, listFrom[r.ImportID], created[r.ImportID][r.Code]) > 3*r.Quarter {
			continue // a change of the list from a later month (a 调出 from July) leaves the quarter as it was sent
		}
		out = append(out, models.Correction{Quarter: r.Quarter, Code: r.Code, Field: r.Field, Period: models.Month(r.Period), Old: r.OldValue, New: r.NewValue,
			ImportID: r.ImportID, User: r.UserName, At: r.CommittedAt})
	}
	return out, nil
}

// isYearChange reports a change of a year's list entry (yearFieldNames).
func isYearChange(field string) bool {
	return field == models.ChangePlanEntry || field == models.ChangeProject || models.ScopeOfChange(field) == models.ScopeYear
}

// yearFieldNames are the change fields of a year's list entry.
func yearFieldNames() []string {
	out := []string{models.ChangePlanEntry, models.ChangeProject}
	for _, d := range defsOf(models.ScopeYear) {
		out = append(out, d.Name)
	}
	return out
}
