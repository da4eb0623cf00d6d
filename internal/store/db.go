// Package store keeps Bordermark's data in SQLite (embedded, the default) or
// PostgreSQL, with the same portable SQL. Audit events are written in the
// caller's transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bordermark/internal/ipr"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Dialect names the database engine.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is an open database. SQLite has one writer connection and a pool of
// readers; PostgreSQL uses one pool for both.
type DB struct {
	Dialect Dialect
	write   *sql.DB
	read    *sql.DB
	path    string // SQLite file, "" for PostgreSQL
}

// Open opens the database named by dsn: a postgres:// URL or a SQLite file path.
// It does not migrate; call Migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	dsn = strings.TrimSpace(dsn)
	if dsn == "" {
		return nil, dsnError("is required: give a SQLite file path or a postgres:// URL")
	}
	var db *DB
	var err error
	if IsPostgresDSN(dsn) {
		db, err = openPostgres(dsn)
	} else {
		db, err = openSQLite(dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := db.pingPatiently(ctx); err != nil {
		db.Close()
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "cannot connect to the database",
			Fields: map[string]string{"db": err.Error()}, Err: err}
	}
	return db, nil
}

// pingPatiently pings, retrying while another process holds SQLite's lock to switch a new file to WAL
// (SQLite does not wait for that lock even with a busy timeout).
func (db *DB) pingPatiently(ctx context.Context) error {
	for range 100 {
		err := db.Ping(ctx)
		if !isBusy(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return db.Ping(ctx)
}

// IsPostgresDSN reports whether dsn names a PostgreSQL server.
func IsPostgresDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

func dsnError(problem string) error {
	return &ipr.Error{Code: ipr.EINVALID, Message: "database address is not valid",
		Fields: map[string]string{"db": problem}}
}

func openPostgres(dsn string) (*DB, error) {
	u, err := url.Parse(dsn)
	if err != nil || u.Host == "" {
		return nil, dsnError("malformed postgres:// URL (want postgres://user@host:port/database)")
	}
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, dsnError(err.Error())
	}
	pool.SetMaxOpenConns(20)
	pool.SetMaxIdleConns(10)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{Dialect: Postgres, write: pool, read: pool}, nil
}

func openSQLite(path string) (*DB, error) {
	if strings.Contains(path, "://") || strings.ContainsAny(path, "?#") {
		return nil, dsnError(fmt.Sprintf("%q is neither a postgres:// URL nor a file path", path))
	}
	if dir := filepath.Dir(path); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, dsnError(fmt.Sprintf("folder %q does not exist", dir))
		}
	}
	// Times are written as text and compared as text, so every one is written in UTC.
	const pragmas = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_timezone=UTC&_time_format=sqlite"
	// In a file: URI "%" starts an escape; "a%20b" must not open "a b".
	uri := "file:" + strings.ReplaceAll(path, "%", "%25") + "?" + pragmas
	write, err := sql.Open("sqlite", uri+"&_txlock=immediate")
	if err != nil {
		return nil, dsnError(err.Error())
	}
	write.SetMaxOpenConns(1) // SQLite has one writer; queueing here beats SQLITE_BUSY
	read, err := sql.Open("sqlite", uri+"&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		return nil, dsnError(err.Error())
	}
	read.SetMaxOpenConns(8)
	return &DB{Dialect: SQLite, write: write, read: read, path: path}, nil
}

// Path is the SQLite file, or "" on PostgreSQL. Uploaded files are kept beside it.
func (db *DB) Path() string { return db.path }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.write.PingContext(ctx); err != nil {
		return err
	}
	return db.read.PingContext(ctx)
}

// Close closes the connections.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// Pools returns the connection pools, for metrics.
func (db *DB) Pools() map[string]*sql.DB {
	if db.read == db.write {
		return map[string]*sql.DB{"main": db.write}
	}
	return map[string]*sql.DB{"write": db.write, "read": db.read}
}
