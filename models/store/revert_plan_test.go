package store

import (
	"strings"
	"testing"

	"gorm.io/gorm"
)

// TestRevertLooksUpLaterChangesByCode: the revert's check for later
// changes reads the change log by code (its index import_changes_target),
// never by walking every change of every later import, which SQLite's
// planner chose for the plain JOIN (0.18 s for 500 codes after one
// 200,000-row update, for each 500 codes reverted).
func TestRevertLooksUpLaterChangesByCode(t *testing.T) {
	s := openSQLiteTest(t)
	q := s.db.ToSQL(func(tx *gorm.DB) *gorm.DB {
		var out []map[string]any
		return laterChanges(tx, 1, []string{"a", "b", "c"}).Scan(&out)
	})
	var plan []struct{ Detail string }
	if err := s.db.Raw("EXPLAIN QUERY PLAN " + q).Scan(&plan).Error; err != nil {
		t.Fatal(err)
	}
	if len(plan) == 0 || !strings.Contains(plan[0].Detail, "SEARCH c USING INDEX import_changes_target (code=?)") {
		t.Errorf("query plan %+v, want the change log searched by code first", plan)
	}
}
