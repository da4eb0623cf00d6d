package store_test

import (
	"context"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestTipStorage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		assoc := createOrg(t, db, "Brand Owners Association", ipr.OrgAssociation, 0)
		north := createOrg(t, db, "Northwind Apparel", ipr.OrgRightHolder, 0)
		aurelia := createOrg(t, db, "Aurelia Maison", ipr.OrgRightHolder, 0)
		lumina := createOrg(t, db, "Lumina", ipr.OrgRightHolder, 0)
		group := &ipr.WorkingGroup{OrgID: assoc.ID, Name: "Apparel & Footwear"}
		tip := &ipr.Tip{OrgID: north.ID, Title: "Yiwu consolidator", Consignees: []string{"Acme Trading Co"},
			HSCodes: []string{"6403"}, Confidence: ipr.ConfidenceHigh, Expires: ipr.NewDate(2026, 1, 1)}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.CreateWorkingGroup(ctx, group, t0); err != nil {
				return err
			}
			for _, h := range []int64{north.ID, aurelia.ID} {
				if err := tx.AddWorkingGroupMember(ctx, group.ID, h); err != nil {
					return err
				}
			}
			return tx.CreateTip(ctx, tip, t0)
		})

		visible := func(org int64) int64 {
			var n int64
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				_, n, err = tx.ListTips(ctx, ipr.TipFilter{VisibleTo: []int64{org}})
				return err
			})
			return n
		}
		if got := [3]int64{visible(north.ID), visible(aurelia.ID), visible(lumina.ID)}; got != [3]int64{1, 0, 0} {
			t.Errorf("before sharing: got visible counts %v, want [1 0 0]", got)
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			return tx.ShareTip(ctx, tip.ID, ipr.TipShare{GroupID: group.ID, Anonymised: true, SharedAt: t0})
		})
		if got := [3]int64{visible(north.ID), visible(aurelia.ID), visible(lumina.ID)}; got != [3]int64{1, 1, 0} {
			t.Errorf("after sharing: got visible counts %v, want [1 1 0]", got)
		}

		var got *ipr.Tip
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.TipByID(ctx, tip.ID)
			return err
		})
		if got.OrgName != "Northwind Apparel" || got.Consignees[0] != "Acme Trading Co" || got.Status != ipr.TipOpen ||
			len(got.Shares) != 1 || !got.Shares[0].Anonymised || got.Expires != tip.Expires {
			t.Errorf("got tip %+v", got)
		}

		got.Status, got.RuleID, got.ReviewedAt = ipr.TipRuled, 7, t0
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.ReviewTip(ctx, got) })
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.ReviewTip(t.Context(), got) })
		wantError(t, err, ipr.ECONFLICT, "")

		err = db.View(t.Context(), func(tx *store.Tx) error {
			_, err := tx.TipByID(t.Context(), tip.ID+100)
			return err
		})
		wantError(t, err, ipr.ENOTFOUND, "tip")
	})
}
