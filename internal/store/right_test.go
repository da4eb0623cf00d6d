package store_test

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func newRight(holder int64, ref, mark string, classes ...int) *ipr.Right {
	return &ipr.Right{Ref: ref, HolderID: holder, Kind: ipr.Trademark, Mark: mark, Variants: []string{mark + " 中文"},
		NiceClasses: classes, Jurisdiction: "CN", ValidFrom: ipr.NewDate(2020, 1, 1), ValidTo: ipr.NewDate(2035, 1, 1),
		Status: ipr.StatusDraft}
}

func TestRightCreateAndLoad(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		holder := createOrg(t, db, "Northwind", ipr.OrgRightHolder, 0)
		r := newRight(holder.ID, "", "NORTHWIND", 25, 18)
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateRight(ctx, r, t0) })
		if r.Ref != "BM-"+strconv.FormatInt(r.ID, 10) {
			t.Errorf("generated ref: got %q, want BM-%d", r.Ref, r.ID)
		}
		var got *ipr.Right
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.RightByRef(ctx, r.Ref)
			return err
		})
		if got.Mark != "NORTHWIND" || got.HolderName != "Northwind" || len(got.NiceClasses) != 2 || got.NiceClasses[0] != 18 ||
			got.ValidTo != ipr.NewDate(2035, 1, 1) || got.Variants[0] != "NORTHWIND 中文" || got.Version != 1 {
			t.Errorf("loaded right: got %+v", got)
		}
		dup := newRight(holder.ID, r.Ref, "OTHER", 9)
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.CreateRight(t.Context(), dup, t0) })
		wantError(t, err, ipr.ECONFLICT, "ref")
		err = db.View(t.Context(), func(tx *store.Tx) error { _, err := tx.RightByID(t.Context(), 99999); return err })
		wantError(t, err, ipr.ENOTFOUND, "right")
	})
}

func TestRightUpdateRefusesStaleVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		holder := createOrg(t, db, "Northwind", ipr.OrgRightHolder, 0)
		r := newRight(holder.ID, "NW-1", "NORTHWIND", 25)
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateRight(ctx, r, t0) })
		stale := *r
		r.Mark = "NORTHWIND PRO"
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateRight(ctx, r, t0) })
		if r.Version != 2 {
			t.Errorf("version after update: got %d, want 2", r.Version)
		}
		stale.Mark = "LOST UPDATE"
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.UpdateRight(t.Context(), &stale, t0) })
		wantError(t, err, ipr.ECONFLICT, "")
		var got *ipr.Right
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { got, err = tx.RightByID(ctx, r.ID); return err })
		if got.Mark != "NORTHWIND PRO" {
			t.Errorf("after a stale update: got mark %q, want the first update kept", got.Mark)
		}
	})
}

func TestListRightsFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := createOrg(t, db, "Northwind Apparel", ipr.OrgRightHolder, 0)
		b := createOrg(t, db, "Voltis Electronics", ipr.OrgRightHolder, 0)
		rights := []*ipr.Right{
			newRight(a.ID, "A-1", "NORTHWIND", 25, 18),
			newRight(a.ID, "A-2", "NORTHPEAK", 9),
			newRight(b.ID, "B-1", "VOLTIS", 9),
			newRight(b.ID, "B-2", "100%_PURE", 3),
		}
		rights[0].Status, rights[0].RecordFrom, rights[0].RecordTo = ipr.StatusApproved, ipr.NewDate(2020, 1, 1), ipr.NewDate(2025, 6, 1)
		rights[2].Status, rights[2].RecordFrom, rights[2].RecordTo = ipr.StatusApproved, ipr.NewDate(2020, 1, 1), ipr.NewDate(2030, 1, 1)
		rights[3].Status = ipr.StatusSubmitted
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			for _, r := range rights {
				if err := tx.CreateRight(ctx, r, t0); err != nil {
					return err
				}
			}
			return nil
		})
		cases := []struct {
			name string
			f    ipr.RightFilter
			want []string
		}{
			{"all, by mark", ipr.RightFilter{}, []string{"B-2", "A-2", "A-1", "B-1"}},
			{"text in mark", ipr.RightFilter{Text: "north"}, []string{"A-2", "A-1"}},
			{"text in a variant", ipr.RightFilter{Text: "voltis 中文"}, []string{"B-1"}},
			{"text with LIKE wildcards", ipr.RightFilter{Text: "%_p"}, []string{"B-2"}},
			{"holder name", ipr.RightFilter{HolderName: "voltis"}, []string{"B-2", "B-1"}},
			{"own holders", ipr.RightFilter{HolderIDs: []int64{a.ID}}, []string{"A-2", "A-1"}},
			{"no holders", ipr.RightFilter{HolderIDs: []int64{}}, nil},
			{"class 9", ipr.RightFilter{Class: 9}, []string{"A-2", "B-1"}},
			{"class 1 is not class 18", ipr.RightFilter{Class: 1}, nil},
			{"status", ipr.RightFilter{Status: ipr.StatusSubmitted}, []string{"B-2"}},
			{"not drafts", ipr.RightFilter{NotDraft: true}, []string{"B-2", "A-1", "B-1"}},
			{"expiring", ipr.RightFilter{ExpiringBy: ipr.NewDate(2025, 12, 31)}, []string{"A-1"}},
			{"protecting", ipr.RightFilter{ProtectingOn: ipr.NewDate(2026, 1, 1)}, []string{"B-1"}},
			{"page 2", ipr.RightFilter{Limit: 2, Offset: 2}, []string{"A-1", "B-1"}},
		}
		for _, c := range cases {
			var got []*ipr.Right
			var total int64
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				got, total, err = tx.ListRights(ctx, c.f)
				return err
			})
			var refs []string
			for _, r := range got {
				refs = append(refs, r.Ref)
			}
			if !slices.Equal(refs, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, refs, c.want)
			}
			if c.f.Limit == 0 && total != int64(len(c.want)) {
				t.Errorf("%s: got total %d, want %d", c.name, total, len(c.want))
			}
		}
	})
}

func TestAmendmentsAndParties(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		holder := createOrg(t, db, "Orbis", ipr.OrgRightHolder, 0)
		r := newRight(holder.ID, "OR-1", "ORBIS", 14)
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateRight(ctx, r, t0) })
		a := &ipr.Amendment{RightID: r.ID, Kind: ipr.AmendLicensees, Licensees: []string{"Geneva Time SA", " ", "Shenzhen Orbis Ltd"},
			Status: ipr.StatusSubmitted, FiledAt: t0}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.CreateAmendment(ctx, a); err != nil {
				return err
			}
			return tx.AddParty(ctx, &ipr.Party{RightID: r.ID, Role: ipr.PartyExporter, Name: "Yiwu Orbis Trading"})
		})
		bad := &ipr.Amendment{RightID: r.ID, Kind: ipr.AmendOwner, Status: ipr.StatusSubmitted, FiledAt: t0}
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.CreateAmendment(t.Context(), bad) })
		wantError(t, err, ipr.EINVALID, "owner")
		var pending []*ipr.Amendment
		var parties []*ipr.Party
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if pending, err = tx.PendingAmendments(ctx, 10); err != nil {
				return err
			}
			parties, err = tx.Parties(ctx, r.ID)
			return err
		})
		if len(pending) != 1 || len(pending[0].Licensees) != 2 || pending[0].Licensees[1] != "Shenzhen Orbis Ltd" {
			t.Errorf("pending amendments: got %+v, want one with two licensees", pending)
		}
		if len(parties) != 1 || parties[0].Role != ipr.PartyExporter {
			t.Errorf("parties: got %+v", parties)
		}
		err = db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.AddParty(t.Context(), &ipr.Party{RightID: r.ID, Role: "smuggler", Name: "X"})
		})
		wantError(t, err, ipr.EINVALID, "role")
	})
}
