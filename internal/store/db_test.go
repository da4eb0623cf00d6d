package store_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name string
		dsn  string
	}{
		{"empty", "  "},
		{"postgres without host", "postgres://"},
		{"postgresql without host", "postgresql:///bordermark"},
		{"malformed postgres URL", "postgres://host:port:5432/x"},
		{"other scheme", "mysql://x"},
		{"query string on a path", "bordermark.db?mode=memory"},
		{"missing folder", filepath.Join(t.TempDir(), "no", "such", "folder", "bordermark.db")},
		{"nobody listening", "postgres://postgres@127.0.0.1:1/x?connect_timeout=2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := store.Open(context.Background(), tt.dsn)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q): got no error, want %s", tt.dsn, ipr.EINVALID)
			}
			var e *ipr.Error
			if !errors.As(err, &e) {
				t.Fatalf("Open(%q): got %T %v, want *ipr.Error", tt.dsn, err, err)
			}
			if e.Code != ipr.EINVALID || e.Fields["db"] == "" {
				t.Errorf("Open(%q): got code %q fields %v, want %q naming db", tt.dsn, e.Code, e.Fields, ipr.EINVALID)
			}
		})
	}
}

func TestMigrate(t *testing.T) {
	for engine, dsn := range storetest.DSNs(t) {
		t.Run(engine, func(t *testing.T) {
			ctx := t.Context()
			db, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			applied, err := db.Migrate(ctx)
			if err != nil {
				t.Fatalf("first Migrate: %v", err)
			}
			if len(applied) == 0 || applied[0] != "0001_foundation.sql" || !slices.IsSorted(applied) {
				t.Errorf("first Migrate: got %v, want every migration in order, from 0001_foundation.sql", applied)
			}
			again, err := db.Migrate(ctx)
			if err != nil || len(again) != 0 {
				t.Errorf("second Migrate: got %v, %v; want nothing applied", again, err)
			}
			if n, err := db.PendingMigrations(ctx); err != nil || n != 0 {
				t.Errorf("PendingMigrations: got %d, %v; want 0, nil", n, err)
			}
			// Each applied migration is recorded once, by version and name.
			raw := openRaw(t, db, dsn)
			rows, err := raw.QueryContext(ctx, `SELECT name FROM schema_migrations ORDER BY version`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var recorded []string
			for rows.Next() {
				var name string
				if err := rows.Scan(&name); err != nil {
					t.Fatal(err)
				}
				recorded = append(recorded, name)
			}
			if !slices.Equal(recorded, applied) {
				t.Errorf("schema_migrations: got %v, want %v", recorded, applied)
			}
		})
	}
}

// Servers started together (say, several replicas) migrate in turns, without errors.
func TestMigrateConcurrently(t *testing.T) {
	for engine, dsn := range storetest.DSNs(t) {
		t.Run(engine, func(t *testing.T) {
			var wg sync.WaitGroup
			for i := range 4 {
				wg.Go(func() {
					db, err := store.Open(t.Context(), dsn)
					if err != nil {
						t.Error(err)
						return
					}
					defer db.Close()
					if _, err := db.Migrate(t.Context()); err != nil {
						t.Errorf("server %d: got %v, want migrated", i, err)
					}
				})
			}
			wg.Wait()
		})
	}
}

// A SQLite path is a file name, not a URI: characters a URI treats specially
// must name the file they spell.
func TestOpenSQLitePaths(t *testing.T) {
	for _, folder := range []string{"my data", "a%20b", "100%", "x&y=z", "东方"} {
		t.Run(folder, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), folder)
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "bordermark.db")
			db, err := store.Open(t.Context(), path)
			if err != nil {
				t.Fatalf("Open(%q): %v", path, err)
			}
			defer db.Close()
			if _, err := db.Migrate(t.Context()); err != nil {
				t.Fatalf("Migrate: %v", err)
			}
			if _, err := os.Stat(path); err != nil {
				t.Errorf("got %v, want the database at %s", err, path)
			}
		})
	}
}

func TestDialect(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, db *store.DB, dsn string) {
		want, wantPath := store.SQLite, dsn
		if store.IsPostgresDSN(dsn) {
			want, wantPath = store.Postgres, ""
		}
		if db.Dialect != want || db.Path() != wantPath {
			t.Errorf("got dialect %q path %q, want %q %q", db.Dialect, db.Path(), want, wantPath)
		}
		if err := db.Ping(t.Context()); err != nil {
			t.Errorf("Ping: got %v, want nil", err)
		}
	})
}

// openRaw opens a second connection to db behind the store's back.
func openRaw(t *testing.T, db *store.DB, dsn string) *sql.DB {
	t.Helper()
	driver := "sqlite"
	if db.Dialect == store.Postgres {
		driver = "pgx"
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}
