package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
)

// rowsPerInsert is how many rows one INSERT statement carries. Statements
// are prepared once and reused, so a moderate size keeps SQL parsing cheap
// while cutting round trips 200-fold; 200 rows × 11 columns also stays far
// under SQLite's (32766) and PostgreSQL's (65535) parameter limits.
const rowsPerInsert = 200

// insertRows writes n rows with multi-row INSERT statements: a
// 200,000-row import is a thousand executions of one prepared statement
// instead of 200,000 statements. row appends the values of row i to args;
// rows are asked for one batch at a time. suffix is appended to each
// statement (an ON CONFLICT clause, or "").
func insertRows(tx *gorm.DB, table string, cols []string, n int, row func(i int, args []any) []any, suffix string) error {
	return insertFixed(tx, table, cols, nil, n, row, suffix)
}

// fixed is a column that holds one value in every row a bulk write makes
// (the import's number, its month, the time of writing).
type fixed struct {
	col   string
	value any // int, int64, string or time.Time
}

// insertFixed is insertRows with columns of one value after cols. On
// SQLite the value stands in the statement as a literal instead of being
// bound again for every row (a bound value costs a call into SQLite and,
// for text, a copy: a fifth of a new project's values are of one value);
// PostgreSQL gets it with each row, as COPY needs.
func insertFixed(tx *gorm.DB, table string, cols []string, fixedCols []fixed, n int, row func(i int, args []any) []any, suffix string) error {
	if n == 0 {
		return nil
	}
	all := append([]string(nil), cols...)
	for _, f := range fixedCols {
		all = append(all, f.col)
	}
	withFixed := row
	if len(fixedCols) > 0 {
		withFixed = func(i int, args []any) []any {
			args = row(i, args)
			for _, f := range fixedCols {
				args = append(args, f.value)
			}
			return args
		}
	}
	if copied, err := copyInsert(tx, table, all, n, withFixed, suffix); copied || err != nil {
		return err // PostgreSQL, COPY (see pgWriteTx)
	}
	values := make([]string, len(all))
	for i := range values {
		values[i] = "?"
	}
	bound := withFixed
	if tx.Dialector.Name() != "postgres" {
		for i, f := range fixedCols {
			values[len(cols)+i] = sqliteLiteral(f.value)
		}
		bound = row
	}
	one := "(" + strings.Join(values, ",") + ")"
	head := fmt.Sprintf("INSERT INTO %s (%s) VALUES ", table, strings.Join(all, ", "))
	return batchRows(tx, table, head, one, " "+suffix, nil, nil, n, bound)
}

// sqliteLiteral writes v as SQLite stores it bound: a number, or text
// (a time as the driver formats it).
func sqliteLiteral(v any) string {
	switch v := v.(type) {
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case time.Time:
		return sqliteLiteral(v.Format(sqlite3.SQLiteTimestampFormats[0]))
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	panic(fmt.Sprintf("sqliteLiteral: %T", v))
}

// batchRows runs head + one row placeholder list per row (joined by
// commas) + tail for n rows, rowsPerInsert rows a statement, the full-size
// statement prepared once. The arguments of each statement are lead, the
// rows' (row appends row i's) and trail.
func batchRows(tx *gorm.DB, table, head, one, tail string, lead, trail []any, n int, row func(i int, args []any) []any) error {
	if n == 0 {
		return nil
	}
	ctx := tx.Statement.Context
	if ctx == nil {
		ctx = context.Background()
	}
	statement := func(n int) string {
		q := head + strings.TrimSuffix(strings.Repeat(one+",", n), ",") + tail
		if tx.Dialector.Name() == "postgres" {
			q = numberPlaceholders(q)
		}
		return q
	}
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, rowsPerInsert*strings.Count(one, "?")+len(lead)+len(trail))
	for start := 0; start < n; start += rowsPerInsert {
		size := min(rowsPerInsert, n-start)
		args = append(args[:0], lead...)
		for i := start; i < start+size; i++ {
			args = row(i, args)
		}
		args = append(args, trail...)
		var err error
		if size == rowsPerInsert {
			if full == nil {
				if full, err = tx.Statement.ConnPool.PrepareContext(ctx, statement(rowsPerInsert)); err != nil {
					return err
				}
			}
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.Statement.ConnPool.ExecContext(ctx, statement(size), args...)
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", table, err)
		}
	}
	return nil
}

// numberPlaceholders turns ? into $1, $2… for PostgreSQL; the statements
// here hold no literal question marks.
func numberPlaceholders(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
