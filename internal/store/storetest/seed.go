package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"bordermark/internal/store"
)

// Seeded databases. Loading a rich fixture (the demo world: passwords, screening,
// cases) in every test made the service and web tests several times slower than
// their own work. A seed is loaded once per engine per test binary into a
// snapshot, and each test gets its own copy: a file copy on SQLite, a database
// made from a template on PostgreSQL.

// Seed fills a freshly migrated database; files is the folder for its uploaded files.
type Seed func(ctx context.Context, db *store.DB, files string) error

// EachSeeded is Each on copies of the database seed makes. name identifies the
// seed within the test binary. fn gets the copy and its own files folder.
func EachSeeded(t *testing.T, name string, seed Seed, fn func(t *testing.T, db *store.DB, files string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		db, files := SQLiteSeeded(t, name, seed)
		fn(t, db, files)
	})
	if os.Getenv(PostgresEnv) != "" {
		t.Run("postgres", func(t *testing.T) {
			db, files := PostgresSeeded(t, name, seed)
			fn(t, db, files)
		})
	}
}

// SQLiteSeeded opens a copy of the SQLite snapshot of seed, and its files folder.
func SQLiteSeeded(tb testing.TB, name string, seed Seed) (*store.DB, string) {
	tb.Helper()
	snap := snapshotOf("sqlite/"+name, func(dir string) (string, error) {
		return "", seedInto(filepath.Join(dir, "bordermark.db"), dir, seed)
	})
	if snap.err != nil {
		tb.Fatalf("seed %s on SQLite: %v", name, snap.err)
	}
	dir := tb.TempDir()
	if err := os.CopyFS(dir, os.DirFS(snap.dir)); err != nil {
		tb.Fatalf("copy the %s snapshot: %v", name, err)
	}
	return open(tb, filepath.Join(dir, "bordermark.db")), filepath.Join(dir, "files")
}

// PostgresSeeded creates a database from the PostgreSQL template of seed and
// opens it, with a copy of the snapshot's files folder. It skips the test when
// PostgresEnv is unset.
func PostgresSeeded(tb testing.TB, name string, seed Seed) (*store.DB, string) {
	tb.Helper()
	if os.Getenv(PostgresEnv) == "" {
		tb.Skip(PostgresEnv + " is not set")
	}
	snap := snapshotOf("postgres/"+name, func(dir string) (string, error) {
		template := "bordermark_seed_" + randomHex(6)
		if err := adminExec(`CREATE DATABASE ` + template); err != nil {
			return "", err
		}
		return template, seedInto(databaseURL(template), dir, seed)
	})
	if snap.err != nil {
		tb.Fatalf("seed %s on PostgreSQL: %v", name, snap.err)
	}
	files := filepath.Join(tb.TempDir(), "files")
	if err := os.CopyFS(files, os.DirFS(filepath.Join(snap.dir, "files"))); err != nil && !os.IsNotExist(err) {
		tb.Fatalf("copy the %s snapshot's files: %v", name, err)
	}
	return open(tb, newPostgresDatabase(tb, snap.template)), files
}

// RemoveSeeds deletes the snapshots; call it from TestMain after the tests ran.
func RemoveSeeds() {
	seeds.Lock()
	defer seeds.Unlock()
	for _, s := range seeds.byKey {
		os.RemoveAll(s.dir)
		if s.template != "" {
			adminExec(`DROP DATABASE IF EXISTS ` + s.template + ` WITH (FORCE)`)
		}
	}
}

// snapshot is a seeded database kept for copying: a folder (the SQLite file
// and the uploaded files) and, on PostgreSQL, the template database's name.
type snapshot struct {
	once     sync.Once
	dir      string
	template string
	err      error
}

var seeds = struct {
	sync.Mutex
	byKey map[string]*snapshot
	clone sync.Mutex // PostgreSQL refuses to copy a template two sessions use at once
}{byKey: map[string]*snapshot{}}

// snapshotOf makes the snapshot of key once, with build given its folder.
func snapshotOf(key string, build func(dir string) (template string, err error)) *snapshot {
	seeds.Lock()
	s := seeds.byKey[key]
	if s == nil {
		s = &snapshot{}
		seeds.byKey[key] = s
	}
	seeds.Unlock()
	s.once.Do(func() {
		if s.dir, s.err = os.MkdirTemp("", "bordermark-seed-"); s.err == nil {
			s.template, s.err = build(s.dir)
		}
	})
	return s
}

// seedInto migrates the database at dsn, runs seed and closes it, so that it
// can be copied.
func seedInto(dsn, dir string, seed Seed) error {
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return err
	}
	if err := seed(ctx, db, filepath.Join(dir, "files")); err != nil {
		return err
	}
	return db.Close() // SQLite: checkpoints the journal into the file; PostgreSQL: frees the template
}

// adminExec runs one statement on the test server's maintenance database.
func adminExec(query string) error {
	admin, err := sql.Open("pgx", os.Getenv(PostgresEnv))
	if err != nil {
		return fmt.Errorf("%s: %w", PostgresEnv, err)
	}
	defer admin.Close()
	_, err = admin.Exec(query)
	return err
}
