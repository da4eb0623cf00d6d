package store_test

import (
	"context"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestQuestionStorage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		north := createOrg(t, db, "Northwind Apparel", ipr.OrgRightHolder, 0)
		aurelia := createOrg(t, db, "Aurelia Maison", ipr.OrgRightHolder, 0)
		qs := []*ipr.Question{
			{OrgID: north.ID, Title: "Bond for postal items?", Body: "How much bond for small parcels?"},
			{OrgID: aurelia.ID, Title: "Identification deadline", Body: "Does the deadline count holidays?"},
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			for _, q := range qs {
				if err := tx.CreateQuestion(ctx, q, t0); err != nil {
					return err
				}
			}
			return nil
		})
		err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.CreateQuestion(t.Context(), &ipr.Question{OrgID: north.ID, CaseID: 999, Title: "t", Body: "b"}, t0)
		})
		wantError(t, err, ipr.EINVALID, "case")

		list := func(f ipr.QuestionFilter) (ids []int64) {
			view(t, db, func(ctx context.Context, tx *store.Tx) error {
				l, _, err := tx.ListQuestions(ctx, f)
				for _, q := range l {
					ids = append(ids, q.ID)
				}
				return err
			})
			return ids
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			return tx.AnswerQuestion(ctx, qs[1].ID, "Working days, by the office's calendar.", 5, t0)
		})
		before := list(ipr.QuestionFilter{VisibleTo: []int64{north.ID}, Query: "deadline"})
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.ShareQuestion(ctx, qs[1].ID, true) })
		tests := []struct {
			name string
			got  []int64
			want []int64
		}{
			{"north before sharing, search deadline", before, nil},
			{"north after sharing", list(ipr.QuestionFilter{VisibleTo: []int64{north.ID}}), []int64{qs[1].ID, qs[0].ID}},
			{"nobody's own", list(ipr.QuestionFilter{VisibleTo: []int64{}}), []int64{qs[1].ID}},
			{"customs, unanswered", list(ipr.QuestionFilter{Answered: "unanswered"}), []int64{qs[0].ID}},
			{"customs, answered", list(ipr.QuestionFilter{Answered: "answered"}), []int64{qs[1].ID}},
			{"search the answer", list(ipr.QuestionFilter{Query: "CALENDAR"}), []int64{qs[1].ID}},
		}
		for _, tt := range tests {
			if !equalIDs(tt.got, tt.want) {
				t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
			}
		}
		var back *ipr.Question
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			back, err = tx.QuestionByID(ctx, qs[1].ID)
			return err
		})
		if !back.Answered() || !back.Shared || !back.AnsweredAt.Equal(t0) || back.OrgName != "Aurelia Maison" {
			t.Errorf("got %+v", back)
		}
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.ShareQuestion(t.Context(), 999, true) })
		wantError(t, err, ipr.ENOTFOUND, "question")
	})
}
