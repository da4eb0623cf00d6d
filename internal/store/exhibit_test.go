package store_test

import (
	"context"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestExhibitStorage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		assoc := createOrg(t, db, "Brand Owners Association", ipr.OrgAssociation, 0)
		group := &ipr.WorkingGroup{OrgID: assoc.ID, Name: "Apparel & Footwear", NameZH: "服装鞋类"}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.CreateWorkingGroup(ctx, group, t0); err != nil {
				return err
			}
			return tx.AddWorkingGroupMember(ctx, group.ID, w.holder.ID)
		})
		genuine, fake := saveTestFile(t, db, w.holder.ID, "a"), saveTestFile(t, db, w.holder.ID, "b")
		foreign := saveTestFile(t, db, w.other.ID, "c")

		e := &ipr.Exhibit{HolderID: w.holder.ID, RightID: w.right.ID, GroupID: group.ID, Title: "Runner",
			TitleZH: "跑鞋", GenuinePhoto: genuine, FakePhoto: foreign, Status: ipr.ExhibitDraft,
			Points: []ipr.ExhibitPoint{{Text: "Even stitching", GuidePointID: 4, GuideTitle: "Stitching"}}}
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.CreateExhibit(t.Context(), e, t0) })
		wantError(t, err, ipr.EINVALID, "fake_photo")

		e.FakePhoto = fake
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateExhibit(ctx, e, t0) })
		var groups []*ipr.WorkingGroup
		var got *ipr.Exhibit
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if groups, err = tx.HolderGroups(ctx, w.holder.ID); err != nil {
				return err
			}
			got, err = tx.ExhibitByID(ctx, e.ID)
			return err
		})
		if len(groups) != 1 || groups[0].NameZH != "服装鞋类" {
			t.Errorf("HolderGroups: got %+v, want the one group", groups)
		}
		if got.HolderName != "Northwind" || got.Brand != "MARK NW-1" || got.GroupName != group.Name ||
			len(got.Points) != 1 || got.Points[0].GuideTitle != "Stitching" || got.Published != nil || got.Version != 1 {
			t.Errorf("got exhibit %+v", got)
		}

		// Approved: the public version is a copy; a later edit does not change it.
		approved := t0.Add(time.Hour)
		got.Status, got.DecidedAt = ipr.ExhibitApproved, approved
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.UpdateExhibit(ctx, got, 1, approved); err != nil {
				return err
			}
			return tx.PublishExhibit(ctx, got.ID, got.Snapshot(approved))
		})
		got.Title, got.Status = "Runner, edited", ipr.ExhibitSubmitted
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateExhibit(ctx, got, 2, approved) })
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.UpdateExhibit(t.Context(), got, 2, approved) })
		wantError(t, err, ipr.ECONFLICT, "version")

		var pub *ipr.PublicExhibit
		var list []*ipr.PublicExhibit
		var total int64
		var brands, facets []ipr.ExhibitFacet
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if pub, err = tx.PublishedExhibit(ctx, e.ID); err != nil {
				return err
			}
			if list, total, err = tx.PublishedExhibits(ctx, ipr.PublicExhibitFilter{GroupID: group.ID}); err != nil {
				return err
			}
			brands, facets, err = tx.ExhibitFacets(ctx)
			return err
		})
		if pub.Title != "Runner" || !pub.ApprovedAt.Equal(approved) || total != 1 || len(list) != 1 {
			t.Errorf("published: got %q at %v, %d in the group; want the approved title, 1", pub.Title, pub.ApprovedAt, total)
		}
		if len(brands) != 1 || brands[0].Name != "MARK NW-1" || len(facets) != 1 || facets[0].Count != 1 {
			t.Errorf("facets: got brands %+v, groups %+v", brands, facets)
		}
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			_, total, err = tx.PublishedExhibits(ctx, ipr.PublicExhibitFilter{RightID: w.right.ID + 100})
			return err
		})
		if total != 0 {
			t.Errorf("another brand: got %d exhibits, want 0", total)
		}

		draft := &ipr.Exhibit{HolderID: w.holder.ID, RightID: w.right.ID, Title: "Never approved", Status: ipr.ExhibitDraft}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateExhibit(ctx, draft, t0) })
		err = db.View(t.Context(), func(tx *store.Tx) error { _, err := tx.PublishedExhibit(t.Context(), draft.ID); return err })
		wantError(t, err, ipr.ENOTFOUND, "exhibit")
		var mine []*ipr.Exhibit
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			mine, total, err = tx.ListExhibits(ctx, ipr.ExhibitFilter{HolderIDs: []int64{w.holder.ID}, NotDraft: true})
			return err
		})
		if total != 1 || mine[0].ID != e.ID || mine[0].Published == nil {
			t.Errorf("not drafts: got %d (%v), want the submitted exhibit with its public version", total, mine)
		}
	})
}

func TestModelCaseStorage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		d := newDeclaration("DEC-1", "Yiwu", "postal", 50, ipr.DeclarationFlagged, t0)
		insert(t, db, d)
		c := w.newCase("Yiwu", t0)
		c.DeclarationID = d.ID
		createCase(t, db, c, "YW")
		bare := createCase(t, db, w.newCase("Yiwu", t0), "YW")

		m := &ipr.ModelCase{CaseID: c.ID, Status: ipr.ModelCasePublished, PublishedBy: 3, PublishedAt: t0,
			Snapshot: ipr.ModelCaseSnapshot{Title: "Shoes by post", Summary: "Sent by [company].",
				Facts: []ipr.ModelCaseFact{{Field: ipr.MCChannel, Value: "postal"}}}}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.PutModelCase(ctx, m) })
		first := m.ID
		m.Snapshot.Title = "Sports shoes by post"
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.PutModelCase(ctx, m) })
		if m.ID != first {
			t.Errorf("publishing the case again: got id %d, want the same model case %d", m.ID, first)
		}

		search := func(text string) int64 {
			var n int64
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				_, n, err = tx.PublishedModelCases(ctx, ipr.ModelCaseFilter{Text: text})
				return err
			})
			return n
		}
		if got := [4]int64{search(""), search("SPORTS"), search("postal"), search("100%")}; got != [4]int64{1, 1, 1, 0} {
			t.Errorf("search all, SPORTS, postal, 100%%: got %v, want [1 1 1 0]", got)
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			return tx.SetModelCaseStatus(ctx, m.ID, ipr.ModelCaseWithdrawn)
		})
		if got := search(""); got != 0 {
			t.Errorf("after withdrawal: got %d published, want 0", got)
		}

		var parties, none *ipr.Declaration
		var back *ipr.ModelCase
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if parties, err = tx.CaseParties(ctx, c.ID); err != nil {
				return err
			}
			if none, err = tx.CaseParties(ctx, bare.ID); err != nil {
				return err
			}
			back, err = tx.ModelCaseOfCase(ctx, c.ID)
			return err
		})
		if parties.Consignee != "John Miller" || parties.Consignor != "Yiwu Trading" || none.Consignee != "" {
			t.Errorf("parties: got %+v and %+v", parties, none)
		}
		if back.Status != ipr.ModelCaseWithdrawn || back.Snapshot.Fact(ipr.MCChannel) != "postal" {
			t.Errorf("got model case %+v", back)
		}
		err := db.View(t.Context(), func(tx *store.Tx) error { _, err := tx.ModelCaseByID(t.Context(), m.ID+9); return err })
		wantError(t, err, ipr.ENOTFOUND, "model_case")
	})
}
