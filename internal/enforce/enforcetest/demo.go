// Package enforcetest gives tests of the service, the pages and the API the
// demo world on real databases, fast: the demo is loaded once per engine and
// clock into a snapshot (storetest.EachSeeded), and each test gets a copy.
// Loading it in every test made those packages several times slower.
package enforcetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// seededFiles maps each database copied from a demo snapshot to its files folder.
var seededFiles sync.Map

// Seed loads the demo world with the clock at now; the system clock when now is zero.
func Seed(now time.Time) storetest.Seed {
	return func(ctx context.Context, db *store.DB, files string) error {
		svc := enforce.New(db, clockAt(now), nil)
		svc.Files = store.NewBlobs(files)
		_, err := svc.LoadDemo(ctx)
		return err
	}
}

// Each is storetest.Each on copies of the demo world loaded at now.
func Each(t *testing.T, now time.Time, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	storetest.EachSeeded(t, name(now), Seed(now), func(t *testing.T, db *store.DB, files string) {
		seededFiles.Store(db, files)
		t.Cleanup(func() { seededFiles.Delete(db) })
		fn(t, db)
	})
}

// SQLite is a copy of the demo world loaded at now, on SQLite.
func SQLite(tb testing.TB, now time.Time) *store.DB {
	tb.Helper()
	db, files := storetest.SQLiteSeeded(tb, name(now), Seed(now))
	seededFiles.Store(db, files)
	tb.Cleanup(func() { seededFiles.Delete(db) })
	return db
}

// Load gives svc the demo world: the files of the snapshot its database was
// copied from, or, for any other database, the demo loaded now.
func Load(tb testing.TB, svc *enforce.Service) {
	tb.Helper()
	if files, seeded := seededFiles.Load(svc.DB); seeded {
		svc.Files = store.NewBlobs(files.(string))
		return
	}
	svc.Files = store.NewBlobs(tb.TempDir()) // uploaded files and the demo catalogue's photos
	if _, err := svc.LoadDemo(context.Background()); err != nil {
		tb.Fatalf("LoadDemo: %v", err)
	}
}

// Main runs a package's tests and then removes the snapshots; call it from TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	storetest.RemoveSeeds()
	return code
}

func name(now time.Time) string { return "demo@" + now.Format(time.RFC3339Nano) }

func clockAt(now time.Time) ipr.Clock {
	if now.IsZero() {
		return nil // enforce.New takes the system clock
	}
	return ipr.NewFixedClock(now)
}
