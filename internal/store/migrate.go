package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

//go:embed migrations
var migrationFiles embed.FS

// migration is one numbered SQL file, applied once and recorded in schema_migrations.
type migration struct {
	Version int
	Name    string
	SQL     string
}

func (db *DB) migrations() ([]migration, error) {
	dir := path.Join("migrations", string(db.Dialect))
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, err
	}
	var list []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", e.Name())
		}
		b, err := migrationFiles.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		list = append(list, migration{Version: v, Name: e.Name(), SQL: string(b)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Version < list[j].Version })
	return list, nil
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)`

// Migrate applies every migration not yet applied, each in its own transaction.
// It returns the names of those it applied.
func (db *DB) Migrate(ctx context.Context) ([]string, error) {
	list, err := db.migrations()
	if err != nil {
		return nil, ipr.Internal(err)
	}
	// Under the lock too: PostgreSQL's CREATE TABLE IF NOT EXISTS fails when two run at once.
	err = db.Update(ctx, func(tx *Tx) error {
		if err := tx.lockMigrations(ctx); err != nil {
			return err
		}
		_, err := tx.exec(ctx, createMigrationsTable)
		return err
	})
	if err != nil {
		return nil, ipr.Internal(err)
	}
	var applied []string
	for _, m := range list {
		did := false
		err := db.Update(ctx, func(tx *Tx) error {
			if err := tx.lockMigrations(ctx); err != nil {
				return err
			}
			n, err := tx.count(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = $1`, m.Version)
			if err != nil || n > 0 {
				return err
			}
			if _, err := tx.exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			did = true
			_, err = tx.exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
				m.Version, m.Name, time.Now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return applied, ipr.Internal(err)
		}
		if did {
			applied = append(applied, m.Name)
		}
	}
	return applied, db.rebuildStatsAfter(ctx, applied)
}

// lockMigrations makes PostgreSQL servers starting at once migrate in turns, until
// the transaction ends. SQLite has one writer already.
func (tx *Tx) lockMigrations(ctx context.Context) error {
	if tx.dialect != Postgres {
		return nil
	}
	_, err := tx.exec(ctx, `SELECT pg_advisory_xact_lock(7341001)`)
	return err
}

// PendingMigrations counts the migrations not yet applied, for the readiness check.
func (db *DB) PendingMigrations(ctx context.Context) (int, error) {
	list, err := db.migrations()
	if err != nil {
		return 0, err
	}
	done := map[int]bool{}
	rows, err := db.read.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return len(list), err
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return len(list), err
		}
		done[v] = true
	}
	pending := 0
	for _, m := range list {
		if !done[m.Version] {
			pending++
		}
	}
	return pending, rows.Err()
}
