package store_test

import (
	"context"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestPracticeStorage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		org := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, 0)
		notes := []*ipr.PracticeNote{
			{OrgID: org.ID, Title: "Record every variant", Body: "Record the Chinese mark too.", Tags: []string{"recordation"}},
			{OrgID: org.ID, Title: "100% cotton labels", Body: "Fakes print the care label.", Tags: []string{"apparel"}},
			{OrgID: org.ID, Title: "快递渠道的查验", Body: "小包裹中的假冒商品"},
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			for _, n := range notes {
				if err := tx.CreatePracticeNote(ctx, n, t0); err != nil {
					return err
				}
			}
			return nil
		})
		search := func(f ipr.PracticeFilter) (ids []int64) {
			view(t, db, func(ctx context.Context, tx *store.Tx) error {
				list, _, err := tx.ListPracticeNotes(ctx, f)
				for _, n := range list {
					ids = append(ids, n.ID)
				}
				return err
			})
			return ids
		}
		tests := []struct {
			f    ipr.PracticeFilter
			want []int64
		}{
			{ipr.PracticeFilter{}, []int64{notes[2].ID, notes[1].ID, notes[0].ID}},
			{ipr.PracticeFilter{Query: "VARIANT"}, []int64{notes[0].ID}}, // title, any case
			{ipr.PracticeFilter{Query: "care label"}, []int64{notes[1].ID}},
			{ipr.PracticeFilter{Query: "100%"}, []int64{notes[1].ID}}, // % matches itself
			{ipr.PracticeFilter{Query: "%"}, []int64{notes[1].ID}},
			{ipr.PracticeFilter{Query: "_"}, nil},
			{ipr.PracticeFilter{Query: "快递"}, []int64{notes[2].ID}},
			{ipr.PracticeFilter{Tag: "apparel"}, []int64{notes[1].ID}},
			{ipr.PracticeFilter{Limit: 1, Offset: 1}, []int64{notes[1].ID}},
		}
		for _, tt := range tests {
			if got := search(tt.f); !equalIDs(got, tt.want) {
				t.Errorf("ListPracticeNotes(%+v): got %v, want %v", tt.f, got, tt.want)
			}
		}
		notes[0].Title, notes[0].Tags = "Record every variant and logo", nil
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdatePracticeNote(ctx, notes[0], t0) })
		var back *ipr.PracticeNote
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			back, err = tx.PracticeNoteByID(ctx, notes[0].ID)
			return err
		})
		if back.Title != notes[0].Title || len(back.Tags) != 0 || back.OrgName != "Yiwu Customs" {
			t.Errorf("after update: got %+v", back)
		}
	})
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
