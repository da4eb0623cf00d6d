package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func newPublicTip(i int, what string) *ipr.PublicTip {
	return &ipr.PublicTip{Receipt: fmt.Sprintf("T-%010d", i), SecretHash: "hash", What: what, Where: "Yiwu",
		Lang: "zh", Status: ipr.PublicTipReceived, CreatedAt: t0.Add(time.Duration(i) * time.Minute)}
}

func TestPublicTips(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		first := newPublicTip(1, "Fake Northwind bags")
		first.Seller, first.Shipment = "shop 42", "EMS 123"
		first.Photos = []ipr.PublicTipPhoto{{SHA256: "aa", ContentType: "image/png", Size: 10, Name: "a.png"},
			{SHA256: "bb", ContentType: "image/jpeg", Size: 20, Name: "b.jpg"}}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreatePublicTip(ctx, first) })
		for i := 2; i <= 5; i++ {
			tip := newPublicTip(i, fmt.Sprintf("shoes %d", i))
			update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreatePublicTip(ctx, tip) })
		}

		var got *ipr.PublicTip
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.PublicTipByID(ctx, first.ID)
			return err
		})
		if got.Receipt != first.Receipt || got.Seller != "shop 42" || got.Shipment != "EMS 123" || got.Lang != "zh" ||
			got.Status != ipr.PublicTipReceived || !got.CreatedAt.Equal(first.CreatedAt) || len(got.Photos) != 2 ||
			got.Photos[0].Name != "a.png" || !got.TriagedAt.IsZero() {
			t.Errorf("PublicTipByID: got %+v", got)
		}

		got.Status, got.Reason, got.TriagedBy, got.TriagedAt = ipr.PublicTipDismissed, "not enough", 9, t0.Add(time.Hour)
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdatePublicTipTriage(ctx, got) })
		var byReceipt *ipr.PublicTip
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			byReceipt, err = tx.PublicTipByReceipt(ctx, first.Receipt)
			return err
		})
		if byReceipt.Status != ipr.PublicTipDismissed || byReceipt.Reason != "not enough" || byReceipt.TriagedBy != 9 ||
			!byReceipt.TriagedAt.Equal(t0.Add(time.Hour)) {
			t.Errorf("PublicTipByReceipt after triage: got %+v", byReceipt)
		}

		tests := []struct {
			name  string
			f     ipr.PublicTipFilter
			want  []string // receipts, in order
			total int64
		}{
			{"all, oldest first", ipr.PublicTipFilter{}, []string{"T-0000000001", "T-0000000002", "T-0000000003", "T-0000000004", "T-0000000005"}, 5},
			{"by status", ipr.PublicTipFilter{Status: ipr.PublicTipReceived}, []string{"T-0000000002", "T-0000000003", "T-0000000004", "T-0000000005"}, 4},
			{"search", ipr.PublicTipFilter{Search: "NORTHWIND"}, []string{"T-0000000001"}, 1},
			{"search the shipment", ipr.PublicTipFilter{Search: "ems 1"}, []string{"T-0000000001"}, 1},
			{"search a percent sign", ipr.PublicTipFilter{Search: "%"}, nil, 0},
			{"second page", ipr.PublicTipFilter{Limit: 2, Offset: 2}, []string{"T-0000000003", "T-0000000004"}, 5},
		}
		for _, tt := range tests {
			var list []*ipr.PublicTip
			var total int64
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				list, total, err = tx.PublicTips(ctx, tt.f)
				return err
			})
			var receipts []string
			for _, tip := range list {
				receipts = append(receipts, tip.Receipt)
			}
			if fmt.Sprint(receipts) != fmt.Sprint(tt.want) || total != tt.total {
				t.Errorf("%s: got %v (total %d), want %v (total %d)", tt.name, receipts, total, tt.want, tt.total)
			}
		}

		var tips, photos int64
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			tips, photos, err = tx.CountPublicTips(ctx)
			return err
		})
		if tips != 5 || photos != 2 {
			t.Errorf("CountPublicTips: got %d tips, %d photos, want 5 and 2", tips, photos)
		}
	})
}

func TestPublicTipErrors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		tip := newPublicTip(1, "bags")
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreatePublicTip(ctx, tip) })
		again := newPublicTip(1, "other")
		err := db.Update(context.Background(), func(tx *store.Tx) error { return tx.CreatePublicTip(context.Background(), again) })
		wantError(t, err, ipr.ECONFLICT, "receipt")

		_, err = viewTip(db, func(ctx context.Context, tx *store.Tx) (*ipr.PublicTip, error) { return tx.PublicTipByID(ctx, 999) })
		wantError(t, err, ipr.ENOTFOUND, "tip")
		_, err = viewTip(db, func(ctx context.Context, tx *store.Tx) (*ipr.PublicTip, error) {
			return tx.PublicTipByReceipt(ctx, "T-ZZZZZZZZZZ")
		})
		wantError(t, err, ipr.ENOTFOUND, "receipt")
		missing := &ipr.PublicTip{ID: 999, Status: ipr.PublicTipTriaged, TriagedAt: t0}
		err = db.Update(context.Background(), func(tx *store.Tx) error { return tx.UpdatePublicTipTriage(context.Background(), missing) })
		wantError(t, err, ipr.ENOTFOUND, "tip")
	})
}

func viewTip(db *store.DB, fn func(context.Context, *store.Tx) (*ipr.PublicTip, error)) (*ipr.PublicTip, error) {
	var out *ipr.PublicTip
	err := db.View(context.Background(), func(tx *store.Tx) (err error) { out, err = fn(context.Background(), tx); return err })
	return out, err
}
