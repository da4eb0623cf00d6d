package store_test

import (
	"context"
	"slices"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestWorkingGroupMembers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		assoc := createOrg(t, db, "Brand Owners Association", ipr.OrgAssociation, 0)
		north := createOrg(t, db, "Northwind Apparel", ipr.OrgRightHolder, 0)
		aurelia := createOrg(t, db, "Aurelia Maison", ipr.OrgRightHolder, 0)
		customs := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, 0)
		apparel := &ipr.WorkingGroup{OrgID: assoc.ID, Name: "Apparel & Footwear", NameZH: "服装鞋类"}
		luxury := &ipr.WorkingGroup{OrgID: assoc.ID, Name: "Luxury Goods"}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.CreateWorkingGroup(ctx, apparel, t0); err != nil {
				return err
			}
			return tx.CreateWorkingGroup(ctx, luxury, t0)
		})

		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			for _, m := range [][2]int64{{apparel.ID, north.ID}, {apparel.ID, aurelia.ID}, {luxury.ID, aurelia.ID}} {
				if err := tx.AddWorkingGroupMember(ctx, m[0], m[1]); err != nil {
					return err
				}
			}
			return tx.SetWorkingGroupProblems(ctx, apparel.ID, "Parcels declared as gifts.")
		})
		for _, tt := range []struct {
			name          string
			group, holder int64
			code, field   string
		}{
			{"already a member", apparel.ID, north.ID, ipr.ECONFLICT, "holder"},
			{"not a right holder", apparel.ID, customs.ID, ipr.EINVALID, "holder"},
			{"no such holder", apparel.ID, 9999, ipr.EINVALID, "holder"},
			{"no such group", 9999, north.ID, ipr.ENOTFOUND, "group"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				err := db.Update(ctx, func(tx *store.Tx) error { return tx.AddWorkingGroupMember(ctx, tt.group, tt.holder) })
				wantError(t, err, tt.code, tt.field)
			})
		}

		var got *ipr.WorkingGroup
		var members map[int64][]int64
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if got, err = tx.WorkingGroupByID(ctx, apparel.ID); err != nil {
				return err
			}
			members, err = tx.WorkingGroupMembers(ctx, apparel.ID, luxury.ID)
			return err
		})
		wantMembers := []int64{north.ID, aurelia.ID}
		slices.Sort(wantMembers)
		if got.Name != "Apparel & Footwear" || got.NameZH != "服装鞋类" || got.Problems != "Parcels declared as gifts." || !slices.Equal(got.Members, wantMembers) {
			t.Errorf("WorkingGroupByID: got %+v, want the group with its problems and members %v", got, wantMembers)
		}
		if !slices.Equal(members[luxury.ID], []int64{aurelia.ID}) || len(members) != 2 {
			t.Errorf("WorkingGroupMembers: got %v, want both groups, Luxury Goods with Aurelia only", members)
		}
		err := db.View(ctx, func(tx *store.Tx) error { _, err := tx.WorkingGroupByID(ctx, 9999); return err })
		wantError(t, err, ipr.ENOTFOUND, "group")
		wantError(t, db.Update(ctx, func(tx *store.Tx) error { return tx.SetWorkingGroupProblems(ctx, 9999, "x") }), ipr.ENOTFOUND, "group")

		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			return tx.RemoveWorkingGroupMember(ctx, apparel.ID, north.ID)
		})
		err = db.Update(ctx, func(tx *store.Tx) error { return tx.RemoveWorkingGroupMember(ctx, apparel.ID, north.ID) })
		wantError(t, err, ipr.ENOTFOUND, "holder")
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			members, err = tx.WorkingGroupMembers(ctx, apparel.ID)
			return err
		})
		if !slices.Equal(members[apparel.ID], []int64{aurelia.ID}) {
			t.Errorf("after RemoveWorkingGroupMember: got %v, want Aurelia only", members[apparel.ID])
		}
	})
}

// A group's brands are the marks of its members' approved recordations, each once.
func TestApprovedMarks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		north := createOrg(t, db, "Northwind Apparel", ipr.OrgRightHolder, 0)
		aurelia := createOrg(t, db, "Aurelia Maison", ipr.OrgRightHolder, 0)
		voltis := createOrg(t, db, "Voltis Electronics", ipr.OrgRightHolder, 0)
		for i, r := range []struct {
			holder int64
			mark   string
			status ipr.RecordStatus
		}{
			{north.ID, "NORTHWIND", ipr.StatusApproved},
			{north.ID, "NORTHWIND", ipr.StatusApproved}, // the same mark in another jurisdiction
			{north.ID, "NW TRAIL", ipr.StatusApproved},
			{north.ID, "NW DRAFT", ipr.StatusDraft},
			{aurelia.ID, "AURELIA", ipr.StatusSubmitted},
			{voltis.ID, "VOLTIS", ipr.StatusApproved},
		} {
			right := &ipr.Right{Ref: "T-" + string(rune('A'+i)), HolderID: r.holder, Kind: ipr.Trademark, Mark: r.mark,
				NiceClasses: []int{25}, Jurisdiction: "CN", ValidTo: ipr.NewDate(2035, 1, 1), Status: r.status}
			update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateRight(ctx, right, t0) })
		}
		var marks map[int64][]string
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			marks, err = tx.ApprovedMarks(ctx, north.ID, aurelia.ID)
			return err
		})
		if !slices.Equal(marks[north.ID], []string{"NORTHWIND", "NW TRAIL"}) || len(marks[aurelia.ID]) != 0 || len(marks[voltis.ID]) != 0 {
			t.Errorf("ApprovedMarks: got %v, want Northwind's two approved marks only", marks)
		}
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			marks, err = tx.ApprovedMarks(ctx)
			return err
		})
		if len(marks) != 0 {
			t.Errorf("ApprovedMarks of no holders: got %v, want none", marks)
		}
	})
}
