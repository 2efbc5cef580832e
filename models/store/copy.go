package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"
)

// copyConnKey is the context key of a PostgreSQL write transaction's own
// connection (see pgWriteTx).
type copyConnKey struct{}

// pgWriteTx runs fn in a transaction on a connection of its own, held in
// the transaction's context, so that bulk rows go in with PostgreSQL's
// COPY on that connection inside the same transaction (copyRows): a
// 200,000-project import sends its projects, plan entries and change log
// as three streams instead of thousands of multi-row INSERTs the server
// parses one by one.
func (s *Store) pgWriteTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	db := s.db.WithContext(context.WithValue(ctx, copyConnKey{}, conn))
	db.Statement.ConnPool = conn
	return db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SELECT pg_advisory_xact_lock(20240530)").Error; err != nil {
			return err
		}
		return fn(tx)
	})
}

// copyInsert is insertRows with COPY: straight into table, or, with a
// suffix (an ON CONFLICT clause), into a temporary copy of table's
// columns first, then INSERT … SELECT from it with the suffix. False when
// tx allows no COPY (see copyRows).
func copyInsert(tx *gorm.DB, table string, cols []string, n int, row func(i int, args []any) []any, suffix string) (bool, error) {
	if suffix == "" {
		return copyRows(tx, table, cols, n, row)
	}
	list := strings.Join(cols, ", ")
	return copyThrough(tx, table, cols, n, row, func(tmp string) error {
		return tx.Exec("INSERT INTO " + table + " (" + list + ") SELECT " + list + " FROM " + tmp + " " + suffix).Error
	})
}

// copyThrough copies n rows of cols (typed as table's columns) into a
// temporary table, runs use with its name and drops it. False when tx
// allows no COPY.
func copyThrough(tx *gorm.DB, table string, cols []string, n int, row func(i int, args []any) []any, use func(tmp string) error) (bool, error) {
	if _, ok := copyConn(tx); !ok {
		return false, nil
	}
	tmp := "tracker_rows_" + table
	if err := tx.Exec("CREATE TEMPORARY TABLE " + tmp + " ON COMMIT DROP AS SELECT " + strings.Join(cols, ", ") + " FROM " + table + " WITH NO DATA").Error; err != nil {
		return true, err
	}
	if _, err := copyRows(tx, tmp, cols, n, row); err != nil {
		return true, err
	}
	if err := use(tmp); err != nil {
		return true, fmt.Errorf("write %s: %w", table, err)
	}
	return true, tx.Exec("DROP TABLE " + tmp).Error
}

// copyConn returns the connection of tx's transaction that COPY may use.
func copyConn(tx *gorm.DB) (*sql.Conn, bool) {
	if tx.Statement.Context == nil {
		return nil, false
	}
	conn, ok := tx.Statement.Context.Value(copyConnKey{}).(*sql.Conn)
	return conn, ok
}

// copyRows writes n rows into table's cols with COPY on the transaction's
// connection; false when tx has none (SQLite, or a transaction not begun
// by pgWriteTx), for the caller to INSERT instead.
func copyRows(tx *gorm.DB, table string, cols []string, n int, row func(i int, args []any) []any) (bool, error) {
	conn, ok := copyConn(tx)
	if !ok {
		return false, nil
	}
	ctx := tx.Statement.Context
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("write %s: not a pgx connection (%T)", table, dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, &rowSource{n: n, row: row, i: -1})
		return err
	})
	if err != nil {
		return true, fmt.Errorf("write %s: %w", table, err)
	}
	return true, nil
}

// rowSource hands COPY the rows one at a time, each built when asked.
type rowSource struct {
	n, i int
	row  func(i int, args []any) []any
	args []any
}

func (r *rowSource) Next() bool {
	r.i++
	return r.i < r.n
}

func (r *rowSource) Values() ([]any, error) {
	r.args = r.row(r.i, r.args[:0])
	return r.args, nil
}

func (r *rowSource) Err() error { return nil }

// analyzeStale brings PostgreSQL's statistics of the tables an import
// reads and writes up to date where they changed much since they were
// last gathered (a first import of 200,000 projects committed a minute
// before, autovacuum not round yet): planned on the statistics of an
// empty table, each part's UPDATE of 2,000 plan entries hashed all
// 200,000 of them and each snapshot query scanned the year's rows, 0.5 s
// a part. ANALYZE samples a few thousand rows; a small import skips it.
func analyzeStale(tx *gorm.DB) error {
	var names []string
	err := tx.Raw(`SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()
		AND relname IN ('projects', 'plan_entries', 'investments', 'import_changes') AND n_mod_since_analyze > 1000 + n_live_tup / 10
		ORDER BY relname`).Scan(&names).Error
	for _, name := range names {
		if err == nil {
			err = tx.Exec("ANALYZE " + name).Error
		}
	}
	return err
}
