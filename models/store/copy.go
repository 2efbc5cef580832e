package store

import (
	"context"
	"database/sql"
	"fmt"

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

// copyRows writes n rows into table's cols with COPY on the transaction's
// connection; false when tx has none (SQLite, or a transaction not begun
// by pgWriteTx), for the caller to INSERT instead.
func copyRows(tx *gorm.DB, table string, cols []string, n int, row func(i int, args []any) []any) (bool, error) {
	ctx := tx.Statement.Context
	if ctx == nil {
		return false, nil
	}
	conn, ok := ctx.Value(copyConnKey{}).(*sql.Conn)
	if !ok {
		return false, nil
	}
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
