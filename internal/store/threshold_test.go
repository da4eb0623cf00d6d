package store_test

import (
	"context"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestThresholdVersions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		later := &ipr.Threshold{Jurisdiction: "cn", Code: "counterfeit_mark", Offence: "counterfeiting a registered trademark",
			MinMarks: 1, Volume: 80_000_00, Gains: 50_000_00, Currency: "CNY", EffectiveOn: ipr.NewDate(2027, 1, 1), CreatedAt: t0}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.AddThreshold(ctx, later) })
		tests := []struct {
			day        ipr.Date
			wantVolume ipr.Money
		}{
			{ipr.NewDate(2010, 5, 6), 0}, // before the CN defaults: none in force
			{ipr.NewDate(2026, 12, 31), 50_000_00},
			{ipr.NewDate(2027, 1, 1), 80_000_00},
		}
		for _, tt := range tests {
			var list []*ipr.Threshold
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				list, err = tx.ThresholdsOn(ctx, "CN", tt.day)
				return err
			})
			var got ipr.Money
			for _, th := range list {
				if th.Code == "counterfeit_mark" {
					got = th.Volume
				}
			}
			if got != tt.wantVolume || (tt.wantVolume != 0 && len(list) != 3) {
				t.Errorf("on %s: got %d thresholds, counterfeit_mark volume %s; want 3, %s", tt.day, len(list), got, tt.wantVolume)
			}
		}
		var history []*ipr.Threshold
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			history, err = tx.Thresholds(ctx, "CN")
			return err
		})
		if len(history) != 4 || history[0].Code != "counterfeit_mark" || history[0].EffectiveOn != ipr.NewDate(2027, 1, 1) {
			t.Errorf("history: got %d versions, first %+v; want 4, the 2027 version first", len(history), history[0])
		}
		same := *later
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.AddThreshold(t.Context(), &same) })
		wantError(t, err, ipr.ECONFLICT, "effective_on")
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.AddThreshold(t.Context(), &ipr.Threshold{Code: "x"}) })
		wantError(t, err, ipr.EINVALID, "currency")
	})
}
