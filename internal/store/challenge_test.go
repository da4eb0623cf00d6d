package store_test

import (
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// A challenge is spent once; one spent long enough ago is forgotten.
func TestSpendChallenge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		at := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
		spend := func(hash string, at time.Time) error {
			return db.Update(ctx, func(tx *store.Tx) error { return tx.SpendChallenge(ctx, hash, at, at.Add(-2*time.Hour)) })
		}
		spent := func(hash string) bool {
			var got bool
			if err := db.View(ctx, func(tx *store.Tx) (err error) { got, err = tx.ChallengeSpent(ctx, hash); return err }); err != nil {
				t.Fatal(err)
			}
			return got
		}
		if spent("a") {
			t.Fatalf("a: spent before it was used")
		}
		if err := spend("a", at); err != nil {
			t.Fatalf("first spend: %v", err)
		}
		err := spend("a", at.Add(time.Minute))
		if ipr.ErrorCode(err) != ipr.ECONFLICT || ipr.ErrorFields(err)["proof"] == "" {
			t.Errorf("second spend: got %v, want a conflict on proof", err)
		}
		if !spent("a") {
			t.Errorf("a: not spent after use")
		}
		if err := spend("b", at.Add(3*time.Hour)); err != nil {
			t.Fatalf("spend b: %v", err)
		}
		if spent("a") {
			t.Errorf("a: still remembered three hours on, want forgotten")
		}
	})
}
