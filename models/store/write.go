package store

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tracker/importer"
	"tracker/models"
)

// columnOf maps a change's field to its table and column.
var columnOf = map[string][2]string{
	fieldName: {"projects", "name"}, fieldDistrict: {"projects", "district"}, fieldUnit: {"projects", "unit"},
	fieldCategory: {"projects", "category"}, fieldLevel: {"projects", "level"},
	fieldTotal: {"projects", "total_investment"}, fieldActual: {"projects", "actual_start"},
	fieldNature: {"plan_entries", "nature"}, fieldPlan: {"plan_entries", "annual_plan"},
	fieldPlanned: {"plan_entries", "planned_start"},
}

// writer applies changes inside one transaction.
type writer struct {
	tx       *gorm.DB
	importID int64
	period   models.Month
}

// apply makes one change. New projects are written from their whole
// record; every other change sets one value.
func (w *writer) apply(c Change, rec *importer.Record) error {
	switch c.Field {
	case fieldProject:
		return w.createProject(rec)
	case fieldPlanEntry:
		return w.tx.Create(&planRow{Year: w.period.Year(), Code: c.Code, Nature: *c.New}).Error
	case fieldCompleted:
		return w.setCompleted(c.Code, c.New, &w.importID, fmt.Sprintf("导入#%d", w.importID))
	}
	return w.setColumn(c.Code, c.Field, c.New)
}

func (w *writer) createProject(r *importer.Record) error {
	id := w.importID
	p := projectRow{Code: r.Code, Name: r.Name, District: r.District, Unit: r.Unit, Category: r.Category, Level: r.Level,
		TotalInvestment: int64(r.TotalInvestment), ActualStart: int(r.ActualStart), CreatedByImport: &id}
	p.UpdatedAt = nowUTC()
	if err := w.tx.Create(&p).Error; err != nil {
		return err
	}
	e := planRow{Year: w.period.Year(), Code: r.Code, Nature: string(r.Nature), AnnualPlan: int64(r.AnnualPlan), PlannedStart: int(r.PlannedStart)}
	return w.tx.Create(&e).Error
}

// setColumn sets a project or plan-entry column from a change's text value.
func (w *writer) setColumn(code, field string, v *string) error {
	col, ok := columnOf[field]
	if !ok {
		return fmt.Errorf("unknown change field %q", field)
	}
	value, err := columnValue(field, v)
	if err != nil {
		return err
	}
	q := w.tx.Table(col[0]).Where("code = ?", code)
	if col[0] == "plan_entries" {
		q = q.Where("year = ?", w.period.Year())
	} else {
		q = q.Set("updated_at", nowUTC())
	}
	return q.UpdateColumn(col[1], value).Error
}

// columnValue turns a change's text back into the column's value.
func columnValue(field string, v *string) (any, error) {
	switch field {
	case fieldTotal, fieldPlan:
		if v == nil {
			return int64(0), nil
		}
		m, err := models.ParseDecimal(*v, models.Wan)
		return int64(m), err
	case fieldActual, fieldPlanned:
		if v == nil {
			return 0, nil
		}
		m, err := models.ParseMonth(*v)
		return int(m), err
	}
	if v == nil {
		return "", nil
	}
	return *v, nil
}

// setCompleted writes the month's cumulative figure with its provenance,
// or deletes it when v is nil.
func (w *writer) setCompleted(code string, v *string, importID *int64, source string) error {
	if v == nil {
		return w.tx.Where("code = ? AND period = ?", code, int(w.period)).Delete(&investmentRow{}).Error
	}
	m, err := models.ParseDecimal(*v, models.Wan)
	if err != nil {
		return err
	}
	row := investmentRow{Code: code, Period: int(w.period), Year: w.period.Year(), CompletedYTD: int64(m), Source: source, ImportID: importID}
	return w.tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "code"}, {Name: "period"}},
		DoUpdates: clause.AssignmentColumns([]string{"completed_ytd", "source", "import_id"}),
	}).Create(&row).Error
}

// saveChanges records the changes of an import, replacing earlier ones (a
// preview's changes are recomputed at commit).
func (w *writer) saveChanges(changes []Change) error {
	if err := w.tx.Where("import_id = ?", w.importID).Delete(&changeRow{}).Error; err != nil {
		return err
	}
	rows := make([]changeRow, len(changes))
	for i, c := range changes {
		rows[i] = changeRow{ImportID: w.importID, Seq: i + 1, Code: c.Code, Field: c.Field, OldValue: c.Old, NewValue: c.New, OldImportID: c.oldImportID}
		if c.Field == fieldCompleted && c.Old != nil {
			src := c.oldSource
			rows[i].OldSource = &src
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return w.tx.CreateInBatches(rows, 500).Error
}

func districtList(m map[string]bool) string {
	var out []string
	for d := range m {
		if d != "" {
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

func nowUTC() time.Time { return time.Now().UTC() }
