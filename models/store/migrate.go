package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"tracker/models"
)

// migrations are the schema versions in order. Each is frozen once
// released: a later change is a new step, so a database written by any
// earlier version migrates forward and keeps its rows. The DDL is written
// once for both dialects; {{id}}, {{blob}} and {{now}} are the only parts
// that differ.
var migrations = []string{
	// 1: the portfolio, units and users.
	`CREATE TABLE units (
		name TEXT PRIMARY KEY,
		code TEXT NOT NULL UNIQUE,
		kind TEXT NOT NULL,
		aliases TEXT NOT NULL DEFAULT '',
		sort INTEGER NOT NULL DEFAULT 0
	);
	CREATE TABLE categories (name TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0);
	CREATE TABLE levels (name TEXT PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0);
	CREATE TABLE projects (
		code TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		district TEXT NOT NULL DEFAULT '',
		unit TEXT NOT NULL DEFAULT '',
		category TEXT NOT NULL DEFAULT '',
		level TEXT NOT NULL DEFAULT '',
		total_investment BIGINT NOT NULL DEFAULT 0,
		actual_start INTEGER NOT NULL DEFAULT 0,
		updated_at TIMESTAMP
	);
	CREATE TABLE plan_entries (
		year INTEGER NOT NULL,
		code TEXT NOT NULL REFERENCES projects(code) ON DELETE CASCADE,
		nature TEXT NOT NULL,
		annual_plan BIGINT NOT NULL DEFAULT 0,
		planned_start INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (year, code)
	);
	CREATE TABLE investments (
		code TEXT NOT NULL REFERENCES projects(code) ON DELETE CASCADE,
		period INTEGER NOT NULL,
		year INTEGER NOT NULL,
		completed_ytd BIGINT NOT NULL,
		source TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (code, period)
	);
	CREATE INDEX investments_year ON investments (year, code);
	CREATE TABLE users (
		id {{id}},
		name TEXT NOT NULL UNIQUE,
		role TEXT NOT NULL,
		district TEXT NOT NULL DEFAULT '',
		password_hash TEXT NOT NULL,
		disabled BOOLEAN NOT NULL DEFAULT FALSE,
		created_at TIMESTAMP
	);
	CREATE TABLE tokens (
		hash TEXT PRIMARY KEY,
		user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		created_at TIMESTAMP,
		expires_at TIMESTAMP
	);`,
	// 2: imports keep their file and every change they made, so they can be
	// previewed, committed and reverted; figures remember their import.
	`CREATE TABLE imports (
		id {{id}},
		status TEXT NOT NULL,
		file_name TEXT NOT NULL,
		sha256 TEXT NOT NULL,
		period INTEGER NOT NULL DEFAULT 0,
		district TEXT NOT NULL DEFAULT '',
		user_name TEXT NOT NULL DEFAULT '',
		created_at TIMESTAMP,
		committed_at TIMESTAMP,
		reverted_at TIMESTAMP,
		rows_total INTEGER NOT NULL DEFAULT 0,
		rows_imported INTEGER NOT NULL DEFAULT 0,
		created INTEGER NOT NULL DEFAULT 0,
		updated INTEGER NOT NULL DEFAULT 0,
		unchanged INTEGER NOT NULL DEFAULT 0,
		problems TEXT NOT NULL DEFAULT '[]',
		file_size BIGINT NOT NULL DEFAULT 0,
		file_data {{blob}}
	);
	CREATE INDEX imports_period ON imports (period, district);
	CREATE TABLE import_changes (
		import_id BIGINT NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		code TEXT NOT NULL,
		field TEXT NOT NULL,
		old_value TEXT,
		new_value TEXT,
		old_import_id BIGINT,
		old_source TEXT,
		PRIMARY KEY (import_id, seq)
	);
	CREATE INDEX import_changes_target ON import_changes (code, field);
	ALTER TABLE investments ADD COLUMN import_id BIGINT;
	ALTER TABLE projects ADD COLUMN created_by_import BIGINT;`,
	// 3: closed quarters are locked against imports; hand edits are kept
	// as imports of their own kind, so one history covers every change.
	`CREATE TABLE locks (
		year INTEGER NOT NULL,
		quarter INTEGER NOT NULL,
		locked_by TEXT NOT NULL,
		locked_at TIMESTAMP,
		PRIMARY KEY (year, quarter)
	);
	ALTER TABLE imports ADD COLUMN kind TEXT NOT NULL DEFAULT 'upload';
	ALTER TABLE imports ADD COLUMN reverted_by TEXT NOT NULL DEFAULT '';
	CREATE INDEX imports_user ON imports (user_name);`,
	// 4: deleting a project (reverting an import that created it) looks
	// for its plan entries by code; without this index every delete
	// scanned the whole table, and reverting an import of 20,000 new
	// projects held the write lock for 48 s instead of 2.
	`CREATE INDEX plan_entries_code ON plan_entries (code);`,
	// 5: a password someone else set (the bootstrap admin's, an admin's
	// reset) must be changed by its owner at the next sign-in.
	`ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;`,
	// 6: a session left unused for TokenIdle ends even before it expires.
	`ALTER TABLE tokens ADD COLUMN last_used_at TIMESTAMP;`,
	// 7: a month's report carries 形象进度, 存在问题/需协调事项 and 计划竣工时间
	// besides the cumulative figure, and any of them may come alone, so the
	// figure becomes nullable (a rebuild: SQLite cannot drop NOT NULL).
	`CREATE TABLE investments_v7 (
		code TEXT NOT NULL REFERENCES projects(code) ON DELETE CASCADE,
		period INTEGER NOT NULL,
		year INTEGER NOT NULL,
		completed_ytd BIGINT,
		source TEXT NOT NULL DEFAULT '',
		import_id BIGINT,
		progress TEXT,
		problems TEXT,
		planned_completion INTEGER,
		PRIMARY KEY (code, period)
	);
	INSERT INTO investments_v7 (code, period, year, completed_ytd, source, import_id)
		SELECT code, period, year, completed_ytd, source, import_id FROM investments;
	DROP TABLE investments;
	ALTER TABLE investments_v7 RENAME TO investments;
	CREATE INDEX investments_year ON investments (year, code);`,
	// 8: an import keeps how its file was read (the stated period, the
	// sender's unit), so that a commit by anyone reads it the same way.
	`ALTER TABLE imports ADD COLUMN read_options TEXT NOT NULL DEFAULT '';`,
	// 9: the year's list as it changes during the year: 实施类 or 准备类,
	// 增补 from a month, 调出 from a month, 准备类 → 实施类 from a month.
	`ALTER TABLE plan_entries ADD COLUMN class TEXT NOT NULL DEFAULT '实施类';
	ALTER TABLE plan_entries ADD COLUMN list_from INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE plan_entries ADD COLUMN list_until INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE plan_entries ADD COLUMN implemented_from INTEGER NOT NULL DEFAULT 0;`,
	// 10: a year's list is established by a list import (or a seed); until
	// then monthly ledgers form it. Years that have entries already keep
	// them as their list.
	`CREATE TABLE lists (
		year INTEGER PRIMARY KEY,
		source TEXT NOT NULL,
		created_at TIMESTAMP
	);
	INSERT INTO lists (year, source) SELECT DISTINCT year, '升级前的清单' FROM plan_entries;`,
	// 11: an import keeps how each source column was read (its preview
	// shows them), a created project's change keeps the whole record (its
	// preview shows every field), and the office's reading of a header
	// layout is remembered per unit for its next ledgers of that layout.
	`ALTER TABLE imports ADD COLUMN columns TEXT NOT NULL DEFAULT '[]';
	ALTER TABLE import_changes ADD COLUMN created_record TEXT;
	CREATE TABLE column_mappings (
		id {{id}},
		unit TEXT NOT NULL,
		signature TEXT NOT NULL,
		sheet TEXT NOT NULL DEFAULT '',
		columns TEXT NOT NULL,
		labels TEXT NOT NULL DEFAULT '{}',
		user_name TEXT NOT NULL DEFAULT '',
		updated_at TIMESTAMP
	);
	CREATE UNIQUE INDEX column_mappings_layout ON column_mappings (unit, signature);`,
	// 12: a locked quarter keeps its workbook and 通报 as sent, served byte
	// for byte until the quarter is reopened.
	`CREATE TABLE locked_reports (
		year INTEGER NOT NULL,
		quarter INTEGER NOT NULL,
		kind TEXT NOT NULL,
		file_name TEXT NOT NULL,
		data {{blob}},
		created_at TIMESTAMP,
		PRIMARY KEY (year, quarter, kind)
	);`,
	// 13 (versionCategoryGroups): each category belongs to a group (产业项目 / 城市建设项目) for the
	// split on 分类别; the default categories get theirs.
	`ALTER TABLE categories ADD COLUMN grp TEXT NOT NULL DEFAULT '';
	UPDATE categories SET grp = '产业项目' WHERE name IN ('工业', '现代服务业');
	UPDATE categories SET grp = '城市建设项目' WHERE name IN ('能源及基础设施', '乡村振兴及社会民生');`,
	// 14 (reviewVersion): the office reviews the units' uploads: an import keeps its
	// sender's own unit (only a unit's own uploads are its 报送), when it
	// was sent, who approved or returned it and why; a hand edit keeps its
	// 修改原因 where pages and the audit trail read it (filled in from the
	// kept edit for earlier edits, see fixups).
	`ALTER TABLE imports ADD COLUMN unit TEXT NOT NULL DEFAULT '';
	ALTER TABLE imports ADD COLUMN note TEXT NOT NULL DEFAULT '';
	ALTER TABLE imports ADD COLUMN submitted_at TIMESTAMP;
	ALTER TABLE imports ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';
	ALTER TABLE imports ADD COLUMN reviewed_at TIMESTAMP;
	ALTER TABLE imports ADD COLUMN return_reason TEXT NOT NULL DEFAULT '';
	CREATE INDEX imports_status ON imports (status, period);`,
	// 15: 督办: the office hands a project's problem to a responsible unit
	// with a deadline; every step (交办, 回复, 办结, 重新交办) is kept with
	// who, when and what was said, for the item's page and the audit trail.
	// Items reference their project by code without a foreign key, so the
	// trail outlives a project removed by a revert.
	`CREATE TABLE supervisions (
		id {{id}},
		code TEXT NOT NULL,
		unit TEXT NOT NULL,
		deadline TEXT NOT NULL,
		description TEXT NOT NULL,
		status TEXT NOT NULL,
		reply TEXT NOT NULL DEFAULT '',
		opened_by TEXT NOT NULL,
		opened_at TIMESTAMP,
		updated_at TIMESTAMP
	);
	CREATE INDEX supervisions_code ON supervisions (code);
	CREATE INDEX supervisions_status ON supervisions (status, deadline);
	CREATE TABLE supervision_steps (
		supervision_id BIGINT NOT NULL REFERENCES supervisions(id) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		action TEXT NOT NULL,
		status TEXT NOT NULL,
		user_name TEXT NOT NULL,
		step_at TIMESTAMP,
		note TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (supervision_id, seq)
	);
	CREATE INDEX supervision_steps_at ON supervision_steps (step_at);`,
	// 16: a monthly ledger's import is of kind monthly, the word the
	// upload's kind parameter, the CLI's --kind and ImportResult share
	// (it was upload).
	`UPDATE imports SET kind = 'monthly' WHERE kind = 'upload';`,
	// 17: a unit's upload or hand edit waiting for review can be withdrawn
	// (撤回, status withdrawn): who withdrew it and when, for its page and
	// the audit trail.
	`ALTER TABLE imports ADD COLUMN withdrawn_by TEXT NOT NULL DEFAULT '';
	ALTER TABLE imports ADD COLUMN withdrawn_at TIMESTAMP;`,
	// 18 (filesVersion): an import's file is kept a part of at most 1 MiB a
	// row beside the import rather than in its row (files.go says why).
	`CREATE TABLE import_files (
		import_id BIGINT NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
		part INTEGER NOT NULL,
		data {{blob}} NOT NULL,
		PRIMARY KEY (import_id, part)
	);
	INSERT INTO import_files (import_id, part, data) SELECT id, 0, file_data FROM imports WHERE file_data IS NOT NULL AND length(file_data) > 0;
	ALTER TABLE imports DROP COLUMN file_data;`,
}

// filesVersion is the schema version that keeps files in import_files.
const filesVersion = 18

// monthlyKindVersion is the step that renamed the kind upload to monthly.
const monthlyKindVersion = 16

// versionCategoryGroups is the schema version that has categories.grp.
const versionCategoryGroups = 13

// fixups are the steps of a migration that SQL alone does not write the
// same way in both dialects, run in its transaction after its DDL.
var fixups = map[int]func(tx *gorm.DB) error{reviewVersion: editNotes}

// reviewVersion is the step that brought the office's review.
const reviewVersion = 14

var dialectWords = map[string]map[string]string{
	"sqlite":   {"{{id}}": "INTEGER PRIMARY KEY AUTOINCREMENT", "{{blob}}": "BLOB"},
	"postgres": {"{{id}}": "BIGSERIAL PRIMARY KEY", "{{blob}}": "BYTEA"},
}

// Migrate brings the schema to version target (len(migrations) = latest),
// each step in its own transaction with its version recorded.
func (s *Store) Migrate(ctx context.Context, target int) error {
	unlock, err := s.lockMigrations(ctx)
	if err != nil {
		return fmt.Errorf("迁移数据库结构失败：%w", err)
	}
	defer unlock()
	db := s.db.WithContext(ctx)
	if err := db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`).Error; err != nil {
		return fmt.Errorf("迁移数据库结构失败：%w", err)
	}
	var current int
	if err := db.Raw(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current).Error; err != nil {
		return fmt.Errorf("读取数据库结构版本失败：%w", err)
	}
	if current > len(migrations) {
		return fmt.Errorf("数据库结构版本 %d 比本程序支持的 %d 新，请升级程序", current, len(migrations))
	}
	for v := current + 1; v <= target; v++ {
		if err := s.migrateStep(ctx, v); err != nil {
			return fmt.Errorf("迁移数据库结构到版本 %d 失败：%w", v, err)
		}
	}
	return s.seed(ctx, target)
}

// lockMigrations makes Migrate calls on one PostgreSQL database run one
// at a time, so that server processes starting together do not race to
// create the same tables: a session advisory lock on a connection of its
// own, released by the returned func (or by the server dying). On SQLite
// each step's transaction takes the write lock, and migrateStep skips a
// step that another process has applied meanwhile.
func (s *Store) lockMigrations(ctx context.Context) (func(), error) {
	if s.dialect != "postgres" {
		return func() {}, nil
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return nil, err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(20240531)"); err != nil {
		conn.Close()
		return nil, err
	}
	return func() {
		conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock(20240531)")
		conn.Close()
	}, nil
}

func (s *Store) migrateStep(ctx context.Context, version int) error {
	ddl := migrations[version-1]
	for k, v := range dialectWords[s.dialect] {
		ddl = strings.ReplaceAll(ddl, k, v)
	}
	tx := s.db.WithContext(ctx).Begin()
	var done int64
	if err := tx.Raw(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, version).Scan(&done).Error; err != nil || done > 0 {
		tx.Rollback()
		return err // nil when another process applied the step meanwhile
	}
	for _, stmt := range strings.Split(ddl, ";") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if err := tx.Exec(stmt).Error; err != nil {
			tx.Rollback()
			return err
		}
	}
	if fix := fixups[version]; fix != nil {
		if err := fix(tx); err != nil {
			tx.Rollback()
			return err
		}
	}
	if err := tx.Exec(`INSERT INTO schema_migrations (version) VALUES (?)`, version).Error; err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit().Error
}

// SchemaVersion returns the version the database is at.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.WithContext(ctx).Raw(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v).Error
	return v, err
}

// editNotes copies each earlier hand edit's 修改原因 from its kept edit
// (the JSON models.Edit writes) into the import's note; an edit that
// cannot be read keeps none.
func editNotes(tx *gorm.DB) error {
	var rows []struct {
		ID       int64
		FileData []byte
	}
	if err := tx.Table("imports").Select("id, file_data").Where("kind = ?", models.ImportEdit).Find(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		var e struct {
			Note string `json:"note"`
		}
		if json.Unmarshal(r.FileData, &e) != nil || e.Note == "" {
			continue
		}
		if err := tx.Exec("UPDATE imports SET note = ? WHERE id = ?", e.Note, r.ID).Error; err != nil {
			return err
		}
	}
	return nil
}
