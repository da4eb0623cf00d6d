package store

import (
	"context"
	"database/sql"
	"strings"

	"bordermark/internal/ipr"
)

// Bulk loading for the demo generator: rows go straight into the real tables
// through a prepared multi-row statement, so a million rows take seconds.

// Bulk inserts rows into one table.
type Bulk struct {
	tx      *Tx
	table   string
	columns []string
	perStmt int
	stmt    *sql.Stmt
	buf     []any
	rows    int
}

// NewBulk prepares inserts of whole rows of columns into table (a name from
// code, never from input).
func (tx *Tx) NewBulk(ctx context.Context, table string, columns ...string) (*Bulk, error) {
	b := &Bulk{tx: tx, table: table, columns: columns, perStmt: max(1, min(200, 30000/len(columns)))}
	stmt, err := tx.tx.PrepareContext(ctx, b.insert(b.perStmt))
	if err != nil {
		return nil, ipr.Internal(err)
	}
	b.stmt = stmt
	return b, nil
}

// insert is the statement for n rows.
func (b *Bulk) insert(n int) string {
	rows := make([]string, n)
	for i := range rows {
		rows[i] = "(" + b.tx.params(i*len(b.columns)+1, len(b.columns)) + ")"
	}
	return `INSERT INTO ` + b.table + ` (` + strings.Join(b.columns, ", ") + `) VALUES ` + strings.Join(rows, ", ")
}

// Add queues one row, one value per column. Nothing is sent before Flush, so
// that the caller sends parent rows before the rows that refer to them.
func (b *Bulk) Add(values ...any) error {
	if len(values) != len(b.columns) {
		return ipr.Errorf(ipr.EINTERNAL, "bulk insert into %s: %d values for %d columns", b.table, len(values), len(b.columns))
	}
	b.buf, b.rows = append(b.buf, values...), b.rows+1
	return nil
}

// Flush sends the queued rows: full statements prepared, the rest in one more.
func (b *Bulk) Flush(ctx context.Context) error {
	width := len(b.columns)
	sent := 0
	for ; b.rows-sent >= b.perStmt; sent += b.perStmt {
		if _, err := b.stmt.ExecContext(ctx, b.buf[sent*width:(sent+b.perStmt)*width]...); err != nil {
			return mapError(err, b.table, "")
		}
	}
	if sent < b.rows {
		if _, err := b.tx.exec(ctx, b.insert(b.rows-sent), b.buf[sent*width:]...); err != nil {
			return mapError(err, b.table, "")
		}
	}
	b.buf, b.rows = b.buf[:0], 0
	return nil
}

// Close releases the statement; rows not flushed are dropped.
func (b *Bulk) Close() error { return b.stmt.Close() }

// MaxID is the highest id in table (a name from code), 0 when it is empty.
func (tx *Tx) MaxID(ctx context.Context, table string) (int64, error) {
	return tx.count(ctx, `SELECT COALESCE(MAX(id), 0) FROM `+table)
}

// RaiseCaseCounter makes sure the next case number for prefix and year comes after seq.
func (tx *Tx) RaiseCaseCounter(ctx context.Context, prefix string, year int, seq int64) error {
	_, err := tx.exec(ctx, `INSERT INTO case_counters (prefix, year, last_seq) VALUES ($1, $2, $3)
		ON CONFLICT (prefix, year) DO UPDATE SET last_seq = CASE WHEN case_counters.last_seq > $3
		THEN case_counters.last_seq ELSE $3 END`, prefix, year, seq)
	return mapError(err, "prefix", "")
}

// GenerateRight is a right the generator detains goods under.
type GenerateRight struct {
	ID, HolderID int64
	Ref, Mark    string
}

// GenerateRights lists the recorded rights whose reference starts with prefix.
func (tx *Tx) GenerateRights(ctx context.Context, prefix string) ([]GenerateRight, error) {
	return queryAll(ctx, tx, func(row rowScanner) (GenerateRight, error) {
		var r GenerateRight
		err := row.Scan(&r.ID, &r.HolderID, &r.Ref, &r.Mark)
		return r, err
	}, `SELECT id, holder_id, ref, mark FROM rights WHERE ref LIKE $1 ORDER BY id`, prefix+"%")
}

// UserIDsByRole lists the ids of the users with role, oldest first.
func (tx *Tx) UserIDsByRole(ctx context.Context, role ipr.Role) ([]int64, error) {
	return queryAll(ctx, tx, func(row rowScanner) (int64, error) {
		var id int64
		err := row.Scan(&id)
		return id, err
	}, `SELECT id FROM users WHERE role = $1 ORDER BY id`, string(role))
}

// CaseCounter is the last case number given for prefix and year, 0 when none.
func (tx *Tx) CaseCounter(ctx context.Context, prefix string, year int) (int64, error) {
	return tx.count(ctx, `SELECT COALESCE(MAX(last_seq), 0) FROM case_counters WHERE prefix = $1 AND year = $2`,
		prefix, year)
}

// HasGeneratedDeclarations reports whether the demo generator has made
// declarations here (refs "GEN…"); the range lets the ref index answer.
func (tx *Tx) HasGeneratedDeclarations(ctx context.Context) (bool, error) {
	n, err := tx.count(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM declarations
		WHERE ref >= 'GEN' AND ref < 'GEO' AND ref LIKE 'GEN%' LIMIT 1) g`)
	return n > 0, err
}

// Analyze refreshes the query planner's statistics of every table after bulk
// loads, on SQLite; PostgreSQL's autovacuum analyzes changed tables itself.
func (tx *Tx) Analyze(ctx context.Context) error {
	if tx.dialect != SQLite {
		return nil
	}
	// Sampling each index keeps this to seconds on a million declarations.
	for _, stmt := range []string{`PRAGMA analysis_limit = 2000`, `ANALYZE`} {
		if _, err := tx.exec(ctx, stmt); err != nil {
			return ipr.Internal(err)
		}
	}
	return nil
}
