package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tracker/models"
)

// supervisionRow is a 督办 item as stored; its steps are supervision_steps.
// The project is referenced by code without a foreign key: an item and its
// steps stay in the audit trail even if the project is later removed.
type supervisionRow struct {
	ID          int64 `gorm:"primaryKey"`
	Code        string
	Unit        string
	Deadline    string
	Description string
	Status      models.SupervisionStatus
	Reply       string
	OpenedBy    string
	OpenedAt    time.Time
	UpdatedAt   time.Time
	ProjectName string `gorm:"->;-:migration"` // read through the join
}

func (supervisionRow) TableName() string { return "supervisions" }

type supervisionStepRow struct {
	SupervisionID int64 `gorm:"primaryKey"`
	Seq           int   `gorm:"primaryKey"`
	Action        models.SupervisionAction
	Status        models.SupervisionStatus
	UserName      string
	StepAt        time.Time
	Note          string
}

func (supervisionStepRow) TableName() string { return "supervision_steps" }

// NewSupervision is what the office gives to open a 督办 item. Unit is a
// reporting unit by name, code or another spelling; "" is the project's
// own unit.
type NewSupervision struct {
	Code        string
	Unit        string
	Deadline    string // YYYY-MM-DD
	Description string
}

// Today is the office day (models.OfficeDay) on the store's clock: the day
// overdue is judged on.
func (s *Store) Today() string { return models.OfficeDay(s.now()) }

// OpenSupervision opens a 督办 item on a project for u (models.Supervision
// Step decides who may): ENOTFOUND for an unknown project, EINVALID for an
// unknown unit or a bad deadline. The opening is its first step.
func (s *Store) OpenSupervision(ctx context.Context, n NewSupervision, u models.User) (*models.Supervision, error) {
	deadline, err := models.ParseDeadline(n.Deadline)
	if err != nil {
		return nil, err
	}
	var id int64
	err = s.writeTx(ctx, func(tx *gorm.DB) error {
		var p struct{ Code, District string }
		if err := tx.Table("projects").Select("code, district").Where("code = ?", n.Code).Take(&p).Error; err != nil {
			return notFound(err, "没有项目代码为 %s 的项目", n.Code)
		}
		unit, err := resolveUnit(tx, n.Unit, p.District)
		if err != nil {
			return err
		}
		sv := models.Supervision{Code: p.Code, Unit: unit, Deadline: deadline}
		st, err := sv.Step(u, models.SuperviseOpen, n.Description, s.now())
		if err != nil {
			return err
		}
		row := supervisionRow{Code: sv.Code, Unit: sv.Unit, Deadline: sv.Deadline, Description: sv.Description,
			Status: sv.Status, OpenedBy: sv.OpenedBy, OpenedAt: sv.OpenedAt, UpdatedAt: sv.UpdatedAt}
		if err := tx.Omit("project_name").Create(&row).Error; err != nil {
			return err
		}
		id = row.ID
		return tx.Create(stepRow(id, 1, st)).Error
	})
	if err != nil {
		return nil, err
	}
	return s.Supervision(ctx, id)
}

// resolveUnit names the reporting unit raw spells ("" for fallback).
func resolveUnit(tx *gorm.DB, raw, fallback string) (string, error) {
	if raw = strings.TrimSpace(raw); raw == "" {
		raw = fallback
	}
	units, err := unitsIn(tx)
	if err != nil {
		return "", err
	}
	if unit, ok := models.NewUnitIndex(units).Resolve(raw); ok {
		return unit.Name, nil
	}
	return "", models.Errorf(models.EINVALID, "责任单位“%s”不是上报单位：督办事项由上报单位的填报人员回复", raw)
}

// SuperviseStep takes step a (reply, close, reopen) of item id for u with
// text, as models.Supervision.Step rules, and records it.
func (s *Store) SuperviseStep(ctx context.Context, id int64, a models.SupervisionAction, text string, u models.User) (*models.Supervision, error) {
	if a == models.SuperviseOpen {
		return nil, models.Errorf(models.EINVALID, "督办事项用“交办”新建，不能对已有事项再交办")
	}
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		svs, err := s.supervisionsIn(tx, models.SupervisionFilter{}, id)
		if err != nil {
			return err
		}
		if len(svs) == 0 {
			return models.Errorf(models.ENOTFOUND, "没有编号为 %d 的督办事项", id)
		}
		sv := &svs[0]
		st, err := sv.Step(u, a, text, s.now())
		if err != nil {
			return err
		}
		if err := tx.Model(&supervisionRow{}).Where("id = ?", id).Updates(map[string]any{
			"status": sv.Status, "reply": sv.Reply, "updated_at": sv.UpdatedAt}).Error; err != nil {
			return err
		}
		return tx.Create(stepRow(id, len(sv.Steps), st)).Error
	})
	if err != nil {
		return nil, err
	}
	return s.Supervision(ctx, id)
}

func stepRow(id int64, seq int, st models.SupervisionStep) *supervisionStepRow {
	return &supervisionStepRow{SupervisionID: id, Seq: seq, Action: st.Action, Status: st.Status,
		UserName: st.User, StepAt: st.At, Note: st.Text}
}

// Supervision returns one 督办 item with its steps; ENOTFOUND when there
// is none.
func (s *Store) Supervision(ctx context.Context, id int64) (*models.Supervision, error) {
	svs, err := s.supervisionsIn(s.db.WithContext(ctx), models.SupervisionFilter{}, id)
	if err != nil {
		return nil, err
	}
	if len(svs) == 0 {
		return nil, models.Errorf(models.ENOTFOUND, "没有编号为 %d 的督办事项", id)
	}
	return &svs[0], nil
}

// Supervisions returns the 督办 items f selects, with their steps, the
// overdue first by deadline, then the rest by deadline, then by number.
// Overdue is as of Today.
func (s *Store) Supervisions(ctx context.Context, f models.SupervisionFilter) ([]models.Supervision, error) {
	return s.supervisionsIn(s.db.WithContext(ctx), f, 0)
}

// SupervisionPage returns page (from 1) of the items f selects, perPage
// items a page in the order of Supervisions, and how many f selects in
// all: counted and cut in the database, so a long list reads only the
// steps of the items shown (GET /api/v1/supervisions).
func (s *Store) SupervisionPage(ctx context.Context, f models.SupervisionFilter, page, perPage int) (int64, []models.Supervision, error) {
	db := s.db.WithContext(ctx)
	var total int64
	if err := supervisionWhere(db.Table("supervisions s"), f, s.Today()).Count(&total).Error; err != nil {
		return 0, nil, err
	}
	items, err := s.supervisionRows(db, f, 0, perPage, (page-1)*perPage)
	return total, items, err
}

// supervisionsIn reads items through db (only item id when id > 0).
func (s *Store) supervisionsIn(db *gorm.DB, f models.SupervisionFilter, id int64) ([]models.Supervision, error) {
	return s.supervisionRows(db, f, id, 0, 0)
}

// supervisionWhere narrows q (on supervisions s) to the items f selects,
// overdue judged on today.
func supervisionWhere(q *gorm.DB, f models.SupervisionFilter, today string) *gorm.DB {
	if f.Code != "" {
		q = q.Where("s.code = ?", f.Code)
	}
	if f.Unit != "" {
		q = q.Where("s.unit = ?", f.Unit)
	}
	if f.Status != "" {
		q = q.Where("s.status = ?", f.Status)
	}
	if f.Pending {
		q = q.Where("s.status <> ?", models.SupervisionClosed)
	}
	if f.Overdue != nil {
		overdue := "s.status <> ? AND s.deadline < ?"
		if !*f.Overdue {
			overdue = "NOT (" + overdue + ")"
		}
		q = q.Where(overdue, models.SupervisionClosed, today)
	}
	return q
}

// supervisionRows reads the items f selects (only item id when id > 0),
// limit of them from offset (0: all) in the list's order: overdue
// (models.Supervision.OverdueOn today) first, then by deadline and number.
func (s *Store) supervisionRows(db *gorm.DB, f models.SupervisionFilter, id int64, limit, offset int) ([]models.Supervision, error) {
	today := s.Today()
	q := supervisionWhere(db.Table("supervisions s").Select("s.*, p.name AS project_name").Joins("LEFT JOIN projects p ON p.code = s.code"), f, today)
	if id > 0 {
		q = q.Where("s.id = ?", id)
	}
	q = q.Order(clause.OrderBy{Expression: clause.Expr{SQL: "CASE WHEN s.status <> ? AND s.deadline < ? THEN 0 ELSE 1 END, s.deadline, s.id",
		Vars: []any{models.SupervisionClosed, today}, WithoutParentheses: true}})
	if limit > 0 {
		q = q.Limit(limit).Offset(offset)
	}
	var rows []supervisionRow
	if err := q.Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]models.Supervision, len(rows))
	byID := make(map[int64]*models.Supervision, len(rows))
	for i, r := range rows {
		out[i] = models.Supervision{ID: r.ID, Code: r.Code, ProjectName: r.ProjectName, Unit: r.Unit, Deadline: r.Deadline,
			Description: r.Description, Status: r.Status, Reply: r.Reply, OpenedBy: r.OpenedBy,
			OpenedAt: r.OpenedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), Steps: []models.SupervisionStep{}}
		out[i].Overdue = out[i].OverdueOn(today)
		byID[r.ID] = &out[i]
	}
	return out, attachSteps(db, byID)
}

// attachSteps reads the steps of the items in byID, oldest first.
func attachSteps(db *gorm.DB, byID map[int64]*models.Supervision) error {
	if len(byID) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	var steps []supervisionStepRow
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		var part []supervisionStepRow
		if err := db.Session(&gorm.Session{NewDB: true}).Where("supervision_id IN ?", chunk).Order("supervision_id, seq").Find(&part).Error; err != nil {
			return err
		}
		steps = append(steps, part...)
	}
	for _, r := range steps {
		sv := byID[r.SupervisionID]
		sv.Steps = append(sv.Steps, models.SupervisionStep{Action: r.Action, Status: r.Status, User: r.UserName, At: r.StepAt.UTC(), Text: r.Note})
	}
	return nil
}
