package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestWebhookDeliveries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		attempts := []*store.WebhookDelivery{
			{JobID: 7, Event: "case.opened", URL: "http://127.0.0.1:1/hook", Attempt: 1, StatusCode: 500,
				Duration: 12 * time.Millisecond, Error: "receiver answered 500", AttemptedAt: t0},
			{JobID: 7, Event: "case.opened", URL: "http://127.0.0.1:1/hook", Attempt: 2, StatusCode: 204,
				Duration: 3 * time.Millisecond, AttemptedAt: t0.Add(time.Second)},
			{JobID: 8, Event: "case.closed", URL: "http://127.0.0.1:1/other", Attempt: 1,
				Error: "timeout", AttemptedAt: t0.Add(2 * time.Second)},
		}
		for _, d := range attempts {
			update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.AddWebhookDelivery(ctx, d) })
		}

		tests := []struct {
			name   string
			filter store.DeliveryFilter
			want   []int64 // ids, newest first
		}{
			{"all", store.DeliveryFilter{}, []int64{attempts[2].ID, attempts[1].ID, attempts[0].ID}},
			{"one job", store.DeliveryFilter{JobID: 7}, []int64{attempts[1].ID, attempts[0].ID}},
			{"page", store.DeliveryFilter{BeforeID: attempts[2].ID, Limit: 1}, []int64{attempts[1].ID}},
		}
		for _, tc := range tests {
			var got []*store.WebhookDelivery
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				got, err = tx.WebhookDeliveries(ctx, tc.filter)
				return err
			})
			var ids []int64
			for _, d := range got {
				ids = append(ids, d.ID)
			}
			if !slices.Equal(ids, tc.want) {
				t.Errorf("%s: got ids %v, want %v", tc.name, ids, tc.want)
			}
		}

		var got []*store.WebhookDelivery
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.WebhookDeliveries(ctx, store.DeliveryFilter{JobID: 7})
			return err
		})
		first := got[1]
		if first.Event != "case.opened" || first.Attempt != 1 || first.StatusCode != 500 ||
			first.Duration != 12*time.Millisecond || first.Error != "receiver answered 500" || !first.AttemptedAt.Equal(t0) {
			t.Errorf("got %+v, want the first attempt as stored", first)
		}

		err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.AddWebhookDelivery(t.Context(), &store.WebhookDelivery{JobID: 7, AttemptedAt: t0})
		})
		wantError(t, err, ipr.EINVALID, "url")
	})
}
