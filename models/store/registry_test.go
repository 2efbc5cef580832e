package store

import (
	"testing"

	"tracker/models"
)

// TestEveryRegistryFieldHasItsColumn: the migrations give every field of
// the registry its column in its scope's table, on SQLite and PostgreSQL,
// so that a field added to the registry without its migration fails here
// (the store builds its column lists from the registry).
func TestEveryRegistryFieldHasItsColumn(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		for _, d := range models.FieldDefs() {
			if !s.db.Migrator().HasColumn(d.Scope.Table(), d.Column) {
				t.Errorf("%s: no column %s.%s", d.Name, d.Scope.Table(), d.Column)
			}
		}
		if s.db.Migrator().HasColumn("investments", "no_such_field") {
			t.Error("HasColumn finds a column that is not there")
		}
	})
}
