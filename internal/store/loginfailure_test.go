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
		for i := 1; i <= 6; i++ {
			now := t0.Add(time.Duration(i) * time.Second)
			update(t, db, func(ctx context.Context, tx *store.Tx) error {
				n, err := tx.RecordLoginFailure(ctx, email, now, ipr.Lockout)
				if err == nil && n != i {
					t.Errorf("failure %d: got count %d, want %d", i, n, i)
				}
				return err
			})
			want := time.Time{}
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
			n, err := tx.RecordLoginFailure(ctx, email, t0, ipr.Lockout)
			if err == nil && n != 1 {
				t.Errorf("after clearing: got count %d, want 1", n)
			}
			return err
		})
	})
}
