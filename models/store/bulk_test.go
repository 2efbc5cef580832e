package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// TestFixedColumnsStoreAsBound: columns of one value, written as
// literals on SQLite (insertFixed), store exactly what binding them row
// by row stores: the same text (a quote in it, a time as the driver
// formats it), the same integers, the same types; 450 rows, so full
// statements and a shorter last one.
func TestFixedColumnsStoreAsBound(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		at := time.Date(2024, 7, 5, 9, 30, 15, 123456789, time.UTC)
		const n = 450
		row := func(i int, a []any) []any { return append(a, fmt.Sprintf("2401-%06d", i), int64(i*10000)) }
		err := s.db.Transaction(func(tx *gorm.DB) error {
			for _, table := range []string{"fixed_a", "fixed_b"} {
				if err := tx.Exec("CREATE TABLE " + table + " (code TEXT, amount BIGINT, source TEXT, import_id BIGINT, period INTEGER, at TIMESTAMP)").Error; err != nil {
					return err
				}
			}
			fixedCols := []fixed{{"source", "导入#7'; 备注"}, {"import_id", int64(7)}, {"period", 202407}, {"at", at}}
			if err := insertFixed(tx, "fixed_a", []string{"code", "amount"}, fixedCols, n, row, ""); err != nil {
				return err
			}
			return insertRows(tx, "fixed_b", []string{"code", "amount", "source", "import_id", "period", "at"}, n, func(i int, a []any) []any {
				return append(row(i, a), "导入#7'; 备注", int64(7), 202407, at)
			}, "")
		})
		if err != nil {
			t.Fatal(err)
		}
		read := func(table string) string {
			typeOf := "typeof(source) || typeof(import_id) || typeof(period) || typeof(at)"
			if s.dialect == "postgres" {
				typeOf = "pg_typeof(source)::text || pg_typeof(at)::text"
			}
			var out []string
			rows, err := s.db.Raw("SELECT code, amount, source, import_id, period, CAST(at AS TEXT), " + typeOf + " FROM " + table + " ORDER BY code").Rows()
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var code, source, atText, types string
				var amount, id, period int64
				if err := rows.Scan(&code, &amount, &source, &id, &period, &atText, &types); err != nil {
					t.Fatal(err)
				}
				out = append(out, fmt.Sprintf("%s|%d|%s|%d|%d|%s|%s", code, amount, source, id, period, atText, types))
			}
			return strings.Join(out, "\n")
		}
		a, b := read("fixed_a"), read("fixed_b")
		if a != b {
			t.Errorf("fixed columns differ from bound ones:\n%s", firstDiff(b, a))
		}
		if lines := strings.Split(a, "\n"); len(lines) != n || !strings.Contains(lines[n-1], "2401-000449|4490000|导入#7'; 备注|7|202407|2024-07-05 09:30:15.123456") {
			t.Errorf("%d rows, last %q", len(lines), lines[len(lines)-1])
		}
	})
}
