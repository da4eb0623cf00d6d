// Package storetest opens real, freshly migrated databases for tests:
// SQLite in a temporary folder always, and PostgreSQL when
// BORDERMARK_TEST_POSTGRES names a server (a fresh database per test, dropped after).
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"bordermark/internal/store"
)

// PostgresEnv names the variable holding the PostgreSQL server URL for tests.
const PostgresEnv = "BORDERMARK_TEST_POSTGRES"

// Each runs fn once on SQLite and, when PostgresEnv is set, once on PostgreSQL.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if os.Getenv(PostgresEnv) != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
	}
}

// EachDSN is Each for tests that also need the database's address, for example to
// open a second, raw connection and change rows behind the store's back. On SQLite
// the address is the file path.
func EachDSN(t *testing.T, fn func(t *testing.T, db *store.DB, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		dsn := filepath.Join(t.TempDir(), "bordermark.db")
		fn(t, open(t, dsn), dsn)
	})
	if os.Getenv(PostgresEnv) != "" {
		t.Run("postgres", func(t *testing.T) {
			dsn := NewPostgresDatabase(t)
			fn(t, open(t, dsn), dsn)
		})
	}
}

// DSNs returns a fresh database address per available engine, for tests that
// open the database themselves (such as the command's end-to-end tests).
func DSNs(t testing.TB) map[string]string {
	dsns := map[string]string{"sqlite": filepath.Join(t.TempDir(), "bordermark.db")}
	if os.Getenv(PostgresEnv) != "" {
		dsns["postgres"] = NewPostgresDatabase(t)
	}
	return dsns
}

// SQLite opens a migrated SQLite database in a temporary folder.
func SQLite(tb testing.TB) *store.DB {
	return open(tb, filepath.Join(tb.TempDir(), "bordermark.db"))
}

// Postgres opens a migrated, freshly created PostgreSQL database; it skips the test when PostgresEnv is unset.
func Postgres(tb testing.TB) *store.DB {
	if os.Getenv(PostgresEnv) == "" {
		tb.Skip(PostgresEnv + " is not set")
	}
	return open(tb, NewPostgresDatabase(tb))
}

func open(tb testing.TB, dsn string) *store.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", dsn, err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return db
}

// NewPostgresDatabase creates an empty database on the test server, drops it when
// the test ends, and returns its URL.
func NewPostgresDatabase(tb testing.TB) string { return newPostgresDatabase(tb, "") }

// newPostgresDatabase creates a database, a copy of template when one is named.
func newPostgresDatabase(tb testing.TB, template string) string {
	tb.Helper()
	name := "bordermark_test_" + randomHex(6)
	create := `CREATE DATABASE ` + name
	if template != "" {
		create += ` TEMPLATE ` + template
		seeds.clone.Lock()
		defer seeds.clone.Unlock()
	}
	if err := adminExec(create); err != nil {
		tb.Fatalf("create database: %v", err)
	}
	tb.Cleanup(func() {
		if err := adminExec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			tb.Errorf("drop database: %v", err)
		}
	})
	return databaseURL(name)
}

// databaseURL is the test server's URL with the database name replaced.
func databaseURL(name string) string {
	u, err := url.Parse(os.Getenv(PostgresEnv))
	if err != nil {
		panic(fmt.Sprintf("%s: %v", PostgresEnv, err)) // the variable is checked before any database is made
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
