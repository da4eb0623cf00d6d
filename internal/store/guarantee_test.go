package store_test

import (
	"context"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func balance(t *testing.T, db *store.DB, id int64) ipr.Money {
	t.Helper()
	var g *ipr.Guarantee
	view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { g, err = tx.GuaranteeByID(ctx, id); return err })
	return g.Balance()
}

// One guarantee bonds two cases; a draw over the balance is refused and changes
// nothing; a release gives the case's part back; the moves add up to what is held.
func TestGuaranteeDrawsAndReleases(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		g := &ipr.Guarantee{HolderOrgID: w.holder.ID, Year: 2025, Amount: 300_000_00, Issuer: "Bank of Hangzhou",
			Reference: "BG-1", CreatedBy: 5, CreatedAt: t0}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateGuarantee(ctx, g) })
		first := createCase(t, db, w.newCase("Yiwu", t0), "HZ")
		second := createCase(t, db, w.newCase("Yiwu", t0), "HZ")

		draw := func(caseID int64, amount ipr.Money) error {
			return db.Update(t.Context(), func(tx *store.Tx) error {
				return tx.DrawGuarantee(t.Context(), g.ID, caseID, amount, 5, t0)
			})
		}
		if err := draw(first.ID, 200_000_00); err != nil {
			t.Fatalf("first draw: %v", err)
		}
		wantError(t, draw(second.ID, 150_000_00), ipr.EINVALID, "amount")
		wantError(t, draw(second.ID, 0), ipr.EINVALID, "amount")
		if got := balance(t, db, g.ID); got != 100_000_00 {
			t.Errorf("after a refused draw: got balance %s, want 100000.00", got)
		}
		if err := draw(second.ID, 100_000_00); err != nil {
			t.Fatalf("second draw: %v", err)
		}
		if got := balance(t, db, g.ID); got != 0 {
			t.Errorf("all drawn: got balance %s, want 0.00", got)
		}

		var released, again ipr.Money
		update(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if released, err = tx.ReleaseGuarantee(ctx, first.ID, 5, t0); err != nil {
				return err
			}
			again, err = tx.ReleaseGuarantee(ctx, first.ID, 5, t0)
			return err
		})
		if released != 200_000_00 || again != 0 || balance(t, db, g.ID) != 200_000_00 {
			t.Errorf("release: got %s then %s, balance %s; want 200000.00, 0.00, 200000.00", released, again, balance(t, db, g.ID))
		}

		var moves []ipr.GuaranteeMove
		var loaded *ipr.Guarantee
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if moves, err = tx.GuaranteeMoves(ctx, g.ID); err != nil {
				return err
			}
			loaded, err = tx.GuaranteeFor(ctx, w.holder.ID, 2025)
			return err
		})
		var sum ipr.Money
		for _, m := range moves {
			sum += m.Amount
		}
		if len(moves) != 3 || sum != loaded.Held || loaded.Held != 100_000_00 || loaded.Issuer != "Bank of Hangzhou" {
			t.Errorf("moves: got %d summing to %s, held %s; want 3 summing to the held 100000.00", len(moves), sum, loaded.Held)
		}
	})
}

func TestGuaranteeRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		g := &ipr.Guarantee{HolderOrgID: w.holder.ID, Year: 2025, Amount: 200_000_00, CreatedAt: t0}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateGuarantee(ctx, g) })
		twice := &ipr.Guarantee{HolderOrgID: w.holder.ID, Year: 2025, Amount: 500_000_00, CreatedAt: t0}
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.CreateGuarantee(t.Context(), twice) })
		wantError(t, err, ipr.ECONFLICT, "year")
		small := &ipr.Guarantee{HolderOrgID: w.other.ID, Year: 2025, Amount: 1_000_00, CreatedAt: t0}
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.CreateGuarantee(t.Context(), small) })
		wantError(t, err, ipr.EINVALID, "amount")

		// A holder's guarantee does not bond another holder's case.
		c := w.newCase("Yiwu", t0)
		c.HolderOrgID, c.RightIDs = w.other.ID, nil
		createCase(t, db, c, "HZ")
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.DrawGuarantee(t.Context(), g.ID, c.ID, 1_00, 5, t0) })
		wantError(t, err, ipr.EINVALID, "guarantee")
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.DrawGuarantee(t.Context(), 999, c.ID, 1_00, 5, t0) })
		wantError(t, err, ipr.ENOTFOUND, "guarantee")
		err = db.View(t.Context(), func(tx *store.Tx) error { _, err := tx.GuaranteeFor(t.Context(), w.other.ID, 2025); return err })
		wantError(t, err, ipr.ENOTFOUND, "year")
	})
}
