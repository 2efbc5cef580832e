package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"tracker/models"
)

// InvestmentSource is one month's report of a project and where it came
// from: the import that set its cumulative figure (ImportID, with that
// import's file, uploader and commit time) or, for figures loaded
// otherwise, the source text (such as 演示数据). Facts holds the month's
// fields (the figure, 形象进度, 存在问题, 计划竣工时间) and Present those
// reported.
type InvestmentSource struct {
	Period       models.Month
	CompletedYTD models.Money
	Facts        models.Facts
	Present      models.Field
	Source       string
	ImportID     *int64
	FileName     string
	User         string
	CommittedAt  *time.Time
}

// InvestmentSources returns a project's monthly reports of one year up to
// month upTo, in period order, each with the import that set it.
func (s *Store) InvestmentSources(ctx context.Context, code string, upTo models.Month) ([]InvestmentSource, error) {
	defs := defsOf(models.ScopeMonth)
	rows, err := s.db.WithContext(ctx).Raw(`SELECT i.period, i.source, i.import_id,
		COALESCE(m.file_name, ''), COALESCE(m.user_name, ''), m.committed_at, `+columnList("i.", defs)+`
		FROM investments i LEFT JOIN imports m ON m.id = i.import_id
		WHERE i.code = ? AND i.year = ? AND i.period <= ? ORDER BY i.period`, code, upTo.Year(), int(upTo)).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	n := newNullable(defs)
	var out []InvestmentSource
	for rows.Next() {
		var src InvestmentSource
		var period int
		dests := append([]any{&period, &src.Source, &src.ImportID, &src.FileName, &src.User, &src.CommittedAt}, n.dests()...)
		if err := rows.Scan(dests...); err != nil {
			return nil, err
		}
		src.Period, src.Present = models.Month(period), n.apply(&src.Facts)
		src.CompletedYTD = src.Facts.CompletedYTD
		out = append(out, src)
	}
	return out, rows.Err()
}

// DiscardImport deletes a previewed import with its file and changes. A
// preview changed nothing, so discarding it leaves no trace to undo; any
// other status is refused (a committed import is reverted instead).
func (s *Store) DiscardImport(ctx context.Context, id int64) error {
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		if _, err := importIn(tx, id, models.StatusPreviewed, "放弃"); err != nil {
			return err
		}
		if err := tx.Where("import_id = ?", id).Delete(&changeRow{}).Error; err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM import_files WHERE import_id = ?", id).Error; err != nil {
			return err
		}
		return tx.Delete(&importRow{}, id).Error
	})
}

// ProjectNames returns the names of the projects with the given codes;
// codes of no project (such as one a preview would create) are left out.
func (s *Store) ProjectNames(ctx context.Context, codes []string) (map[string]string, error) {
	out := make(map[string]string, len(codes))
	for from := 0; from < len(codes); from += 500 {
		var rows []struct{ Code, Name string }
		chunk := codes[from:min(from+500, len(codes))]
		if err := s.db.WithContext(ctx).Table("projects").Select("code, name").Where("code IN ?", chunk).Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[r.Code] = r.Name
		}
	}
	return out, nil
}

// HasFigure reports whether the month reported a cumulative figure (a
// month may report only 形象进度 or 存在问题).
func (src InvestmentSource) HasFigure() bool { return src.Present&models.FieldCompletedYTD != 0 }
