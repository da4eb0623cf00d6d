package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func bulkRight(ref string, holder *ipr.Org) *ipr.Right {
	return &ipr.Right{Ref: ref, HolderID: holder.ID, Kind: ipr.Trademark, Mark: "MARK " + ref, NiceClasses: []int{25},
		Jurisdiction: "CN", ValidFrom: ipr.NewDate(2020, 1, 1), ValidTo: ipr.NewDate(2030, 12, 31), Status: ipr.StatusApproved}
}

// The bulk methods write more rows than one statement may hold, on both engines.
func TestBulkRights(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		var holders []*ipr.Org
		for i := range 9000 { // 4 columns each: more than one statement's placeholders
			holders = append(holders, &ipr.Org{Name: fmt.Sprintf("Holder %04d", i), Kind: ipr.OrgRightHolder})
		}
		var rights []*ipr.Right
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.CreateOrgs(ctx, holders, t0); err != nil {
				return err
			}
			for i := range 1500 { // 25 columns each
				rights = append(rights, bulkRight(fmt.Sprintf("B-%d", i), holders[i%len(holders)]))
			}
			if err := tx.InsertRights(ctx, rights, t0); err != nil {
				return err
			}
			var parties []*ipr.Party
			for _, r := range rights {
				parties = append(parties, &ipr.Party{RightID: r.ID, Role: ipr.PartyExporter, Name: "Old " + r.Ref})
			}
			return tx.ReplaceParties(ctx, ipr.PartyExporter, nil, parties)
		})
		byName := map[string]*ipr.Org{}
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			byName, err = tx.OrgsByName(ctx)
			return err
		})
		if got := byName["Holder 8999"]; got == nil || got.ID != holders[8999].ID || got.ID == 0 {
			t.Errorf("Holder 8999: got %+v, want id %d", got, holders[8999].ID)
		}

		first := rights[0]
		first.Mark, first.Variants = "CHANGED", []string{"变"}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.UpdateRights(ctx, []*ipr.Right{first}, t0); err != nil {
				return err
			}
			return tx.ReplaceParties(ctx, ipr.PartyExporter, []int64{first.ID},
				[]*ipr.Party{{RightID: first.ID, Role: ipr.PartyExporter, Name: "New Co."}})
		})
		view(t, db, func(ctx context.Context, tx *store.Tx) error {
			all, err := tx.AllRights(ctx, ipr.RightFilter{})
			if err != nil {
				return err
			}
			if len(all) != 1500 {
				t.Errorf("AllRights: got %d, want 1500", len(all))
			}
			got, err := tx.RightByRef(ctx, first.Ref)
			if err != nil {
				return err
			}
			if got.Mark != "CHANGED" || got.Version != 2 || !slices.Equal(got.Variants, []string{"变"}) {
				t.Errorf("updated right: got %+v", got)
			}
			names, err := tx.PartyNames(ctx, ipr.PartyExporter, ipr.RightFilter{Text: "b-1"})
			if err != nil {
				return err
			}
			if !slices.Equal(names[first.ID], nil) || !slices.Equal(names[rights[1].ID], []string{"Old B-1"}) {
				t.Errorf("PartyNames of B-1*: got %d rights, B-0 %q, B-1 %q", len(names), names[first.ID], names[rights[1].ID])
			}
			if names, _ := tx.PartyNames(ctx, ipr.PartyExporter, ipr.RightFilter{}); !slices.Equal(names[first.ID], []string{"New Co."}) {
				t.Errorf("replaced exporters of B-0: got %q, want [New Co.]", names[first.ID])
			}
			return nil
		})

		err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.UpdateRights(t.Context(), []*ipr.Right{first}, t0.Add(1)) // first.Version is 2 now: fine
		})
		if err != nil {
			t.Fatalf("second update: %v", err)
		}
		stale := *first
		stale.Version = 1
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.UpdateRights(t.Context(), []*ipr.Right{&stale}, t0) })
		wantError(t, err, ipr.ECONFLICT, "")
		err = db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.InsertRights(t.Context(), []*ipr.Right{bulkRight("B-7", holders[0])}, t0)
		})
		wantError(t, err, ipr.ECONFLICT, "ref")
		err = db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.CreateOrgs(t.Context(), []*ipr.Org{{Name: "Holder 0001", Kind: ipr.OrgRightHolder}}, t0)
		})
		wantError(t, err, ipr.ECONFLICT, "name")
	})
}
