package store_test

import (
	"context"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestTransferStore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		c := createCase(t, db, w.newCase("Yiwu", t0), "HZ")
		unit := createOrg(t, db, "Zhejiang Police", ipr.OrgPoliceUnit, 0)
		tr := &ipr.Transfer{CaseID: c.ID, PoliceOrgID: unit.ID, State: ipr.TransferProposed, Reasons: "repeat consignee",
			ProposedBy: 1, ProposedAt: t0, ApprovalDue: t0.Add(ipr.TransferApprovalPeriod)}
		bad := *tr
		bad.PoliceOrgID = w.holder.ID
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.CreateTransfer(t.Context(), &bad) })
		wantError(t, err, ipr.EINVALID, "police_unit")
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateTransfer(ctx, tr) })

		tr.State, tr.DecidedBy, tr.DecidedAt, tr.SendDue = ipr.TransferApproved, 2, t0.Add(time.Hour), t0.Add(25*time.Hour)
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateTransfer(ctx, tr, 1) })
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.UpdateTransfer(t.Context(), tr, 1) })
		wantError(t, err, ipr.ECONFLICT, "version")

		var got *ipr.Transfer
		update(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if err := tx.AddTransferOutcome(ctx, &ipr.TransferOutcome{TransferID: tr.ID, Kind: ipr.OutcomeArrests, At: t0}); err != nil {
				return err
			}
			for _, content := range []string{`{"a":1}`, `{"a":2}`} {
				if err := tx.AddDossier(ctx, &store.TransferDossier{TransferID: tr.ID, Content: content, SHA256: "x", CreatedAt: t0}); err != nil {
					return err
				}
			}
			got, err = tx.TransferByID(ctx, tr.ID)
			return err
		})
		if got.State != ipr.TransferApproved || got.Version != 2 || !got.DecidedAt.Equal(tr.DecidedAt) || got.CaseRef != c.Ref ||
			got.HolderOrgID != w.holder.ID || got.Reasons != "repeat consignee" || len(got.Outcomes) != 1 || !got.SentAt.IsZero() {
			t.Errorf("loaded: got %+v", got)
		}
		view(t, db, func(ctx context.Context, tx *store.Tx) error {
			for _, tt := range []struct{ ask, want int }{{0, 2}, {1, 1}} {
				d, err := tx.Dossier(ctx, tr.ID, tt.ask)
				if err != nil || d.Version != tt.want {
					t.Errorf("Dossier(%d): got %v, %v; want version %d", tt.ask, d, err, tt.want)
				}
			}
			_, err := tx.Dossier(ctx, tr.ID, 9)
			wantError(t, err, ipr.ENOTFOUND, "version")
			list, total, err := tx.Transfers(ctx, ipr.TransferFilter{PoliceOrgID: unit.ID})
			if err != nil || total != 1 || len(list) != 1 {
				t.Errorf("its unit's transfers: got %d (%d), %v; want 1", len(list), total, err)
			}
			list, _, err = tx.Transfers(ctx, ipr.TransferFilter{HolderOrgID: w.other.ID})
			if err != nil || len(list) != 0 {
				t.Errorf("another holder's transfers: got %d, %v; want none", len(list), err)
			}
			durations, err := tx.TransferDurations(ctx, time.Time{})
			if err != nil || len(durations) != 1 || !durations[0].ApprovedAt.Equal(tr.DecidedAt) || durations[0].Office != "Yiwu" {
				t.Errorf("durations: got %+v, %v", durations, err)
			}
			return nil
		})
		_, err = loadTransfer(t, db, 999)
		wantError(t, err, ipr.ENOTFOUND, "transfer")
	})
}

func loadTransfer(t *testing.T, db *store.DB, id int64) (tr *ipr.Transfer, err error) {
	err = db.View(t.Context(), func(tx *store.Tx) error {
		tr, err = tx.TransferByID(t.Context(), id)
		return err
	})
	return tr, err
}
