package store

import (
	"context"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tracker/models"
)

type unitRow struct {
	Name    string `gorm:"primaryKey"`
	Code    string
	Kind    string
	Aliases string // joined by "|"
	Sort    int
}

func (unitRow) TableName() string { return "units" }

type namedRow struct {
	Name string `gorm:"primaryKey"`
	Sort int
}

// seed inserts the default units, categories and levels that are missing;
// rows an office has edited are left alone.
func (s *Store) seed(ctx context.Context, version int) error {
	if done, err := s.seeded(ctx); err != nil || done {
		return err
	}
	db := func() *gorm.DB { return s.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}) }
	var units []unitRow
	for _, u := range models.DefaultUnits() {
		units = append(units, unitRow{u.Name, u.Code, u.Kind, strings.Join(u.Aliases, "|"), u.Sort})
	}
	if err := db().Create(&units).Error; err != nil {
		return err
	}
	for table, names := range map[string][]string{"categories": models.DefaultCategories(), "levels": models.DefaultLevels()} {
		rows := make([]namedRow, len(names))
		for i, n := range names {
			rows[i] = namedRow{n, i + 1}
		}
		if err := db().Table(table).Create(&rows).Error; err != nil {
			return err
		}
	}
	for name, grp := range models.DefaultCategoryGroups() { // a category seeded now gets its group
		if version < versionCategoryGroups {
			break
		}
		if err := s.db.WithContext(ctx).Exec(`UPDATE categories SET grp = ? WHERE name = ? AND grp = ''`, grp, name).Error; err != nil {
			return err
		}
	}
	return nil
}

// CategoryGroups returns the group (产业项目 or 城市建设项目) of each
// category that has one.
func (s *Store) CategoryGroups(ctx context.Context) (map[string]string, error) {
	var rows []struct{ Name, Grp string }
	if err := s.db.WithContext(ctx).Raw(`SELECT name, grp FROM categories WHERE grp <> ''`).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Name] = r.Grp
	}
	return out, nil
}

// seeded reports whether every default unit, category and level is
// there already. Then opening the database writes nothing, so `tracker
// backup` (and any command) can open it while a long import holds the
// write lock, instead of failing with "database is locked" after the busy
// timeout.
func (s *Store) seeded(ctx context.Context) (bool, error) {
	var unitNames []string
	for _, u := range models.DefaultUnits() {
		unitNames = append(unitNames, u.Name)
	}
	for table, names := range map[string][]string{"units": unitNames, "categories": models.DefaultCategories(), "levels": models.DefaultLevels()} {
		var n int64
		if err := s.db.WithContext(ctx).Table(table).Where("name IN ?", names).Count(&n).Error; err != nil {
			return false, err
		}
		if n < int64(len(names)) {
			return false, nil
		}
	}
	return true, nil
}

// Units returns the reporting units in report order.
func (s *Store) Units(ctx context.Context) ([]models.Unit, error) {
	return unitsIn(s.db.WithContext(ctx))
}

// unitsIn reads the units through db (a transaction, say).
func unitsIn(db *gorm.DB) ([]models.Unit, error) {
	var rows []unitRow
	if err := db.Order("sort, name").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]models.Unit, len(rows))
	for i, r := range rows {
		out[i] = models.Unit{Name: r.Name, Code: r.Code, Kind: r.Kind, Sort: r.Sort}
		if r.Aliases != "" {
			out[i].Aliases = strings.Split(r.Aliases, "|")
		}
	}
	return out, nil
}

// Categories returns the category list in order.
func (s *Store) Categories(ctx context.Context) ([]string, error) { return s.names(ctx, "categories") }

// Levels returns the level list in order.
func (s *Store) Levels(ctx context.Context) ([]string, error) { return s.names(ctx, "levels") }

func (s *Store) names(ctx context.Context, table string) ([]string, error) {
	var out []string
	err := s.db.WithContext(ctx).Table(table).Order("sort, name").Pluck("name", &out).Error
	return out, err
}
