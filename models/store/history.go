package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"tracker/models"
)

// InvestmentSource is one monthly cumulative figure of a project and where
// it came from: the import that set it (ImportID, with that import's file,
// uploader and commit time) or, for figures loaded otherwise, the source
// text (such as 演示数据).
type InvestmentSource struct {
	Period       models.Month
	CompletedYTD models.Money
	Source       string
	ImportID     *int64
	FileName     string
	User         string
	CommittedAt  *time.Time
}

// InvestmentSources returns a project's monthly figures of one year in
// period order, each with the import that set it.
func (s *Store) InvestmentSources(ctx context.Context, code string, year int) ([]InvestmentSource, error) {
	rows, err := s.db.WithContext(ctx).Raw(`SELECT i.period, i.completed_ytd, i.source, i.import_id,
		COALESCE(m.file_name, ''), COALESCE(m.user_name, ''), m.committed_at
		FROM investments i LEFT JOIN imports m ON m.id = i.import_id
		WHERE i.code = ? AND i.year = ? AND i.completed_ytd IS NOT NULL ORDER BY i.period`, code, year).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []InvestmentSource
	for rows.Next() {
		var src InvestmentSource
		var period int
		var v int64
		if err := rows.Scan(&period, &v, &src.Source, &src.ImportID, &src.FileName, &src.User, &src.CommittedAt); err != nil {
			return nil, err
		}
		src.Period, src.CompletedYTD = models.Month(period), models.Money(v)
		out = append(out, src)
	}
	return out, rows.Err()
}

// DiscardImport deletes a previewed import with its file and changes. A
// preview changed nothing, so discarding it leaves no trace to undo; any
// other status is refused (a committed import is reverted instead).
func (s *Store) DiscardImport(ctx context.Context, id int64) error {
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		if _, err := importIn(tx, id, StatusPreviewed, "放弃"); err != nil {
			return err
		}
		if err := tx.Where("import_id = ?", id).Delete(&changeRow{}).Error; err != nil {
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
