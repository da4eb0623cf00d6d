package store_test

import (
	"context"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestLoginFailures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		const email = "officer@yiwu.example"
		lockedUntil := func() time.Time {
			var until time.Time
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				until, err = tx.LockedUntil(ctx, email)
				return err
			})
			return until
		}
		if got := lockedUntil(); !got.IsZero() {
			t.Fatalf("before any failure: got locked until %v, want zero", got)
		}
		var want time.Time // the lock the attempts so far have set
		for i := 1; i <= 6; i++ {
			now := t0.Add(time.Duration(i) * time.Second)
			update(t, db, func(ctx context.Context, tx *store.Tx) error {
				n, until, err := tx.ClaimLoginAttempt(ctx, email, now)
				if err == nil && (n != i || !until.Equal(want)) {
					t.Errorf("attempt %d: got count %d, locked until %v; want %d, %v", i, n, until, i, want)
				}
				if d := ipr.Lockout(n); err == nil && d > 0 {
					err = tx.LockLogin(ctx, email, now.Add(d))
				}
				return err
			})
			if d := ipr.Lockout(i); d > 0 {
				want = now.Add(d)
			}
			if got := lockedUntil(); !got.Equal(want) {
				t.Errorf("after %d failures: got locked until %v, want %v", i, got, want)
			}
		}
		// Another address is not affected.
		view(t, db, func(ctx context.Context, tx *store.Tx) error {
			until, err := tx.LockedUntil(ctx, "other@yiwu.example")
			if !until.IsZero() {
				t.Errorf("other address: got locked until %v, want zero", until)
			}
			return err
		})
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.ClearLoginFailures(ctx, email) })
		if got := lockedUntil(); !got.IsZero() {
			t.Errorf("after clearing: got locked until %v, want zero", got)
		}
		// Counting starts again from one.
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			n, until, err := tx.ClaimLoginAttempt(ctx, email, t0)
			if err == nil && (n != 1 || !until.IsZero()) {
				t.Errorf("after clearing: got count %d, locked until %v; want 1 and no lock", n, until)
			}
			return err
		})
	})
}
