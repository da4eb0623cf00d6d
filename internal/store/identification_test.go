package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// caseWithItems stores a case of w's holder opened at opened, with n items, and returns it and the item ids.
func caseWithItems(t *testing.T, db *store.DB, w caseWorld, opened time.Time, n int) (*ipr.Case, []int64) {
	t.Helper()
	c := createCase(t, db, w.newCase("Yiwu", opened), "HZ")
	ids := make([]int64, n)
	update(t, db, func(ctx context.Context, tx *store.Tx) error {
		for i := range ids {
			it := &ipr.CaseItem{CaseID: c.ID, Description: "parcel", Quantity: 1}
			if err := tx.AddCaseItem(ctx, it); err != nil {
				return err
			}
			ids[i] = it.ID
		}
		return nil
	})
	return c, ids
}

func sendRequest(t *testing.T, db *store.DB, caseID int64, items []int64, sent time.Time) *ipr.IdentificationRequest {
	t.Helper()
	r := &ipr.IdentificationRequest{CaseID: caseID, ItemIDs: items, SentAt: sent, Due: sent.Add(72 * time.Hour), SentBy: 3}
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateIdentificationRequest(ctx, r) })
	return r
}

func TestIdentificationRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		product := shoe(w.right.ID)
		point := &ipr.GuidePoint{Title: "Stitching", Genuine: "even", Fake: "uneven"}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.CreateProduct(ctx, product, t0); err != nil {
				return err
			}
			point.ProductID = product.ID
			return tx.AddGuidePoint(ctx, point)
		})
		c, items := caseWithItems(t, db, w, t0, 3)
		r := sendRequest(t, db, c.ID, items[:2], t0)
		answers := []ipr.IdentificationAnswer{
			{ItemID: items[1], Verdict: ipr.VerdictCounterfeit, GuidePointIDs: []int64{point.ID}, Points: []string{" logo blurred "}},
			{ItemID: items[0], Verdict: ipr.VerdictGenuine},
		}
		at := t0.Add(20 * time.Hour)
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			return tx.AnswerIdentification(ctx, r.ID, answers, 5, at)
		})
		var got []*ipr.IdentificationRequest
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.IdentificationRequests(ctx, c.ID)
			return err
		})
		r.AnsweredAt = at
		r.Answers = []ipr.IdentificationAnswer{
			{RequestID: r.ID, ItemID: items[0], Verdict: ipr.VerdictGenuine, AnsweredBy: 5, AnsweredAt: at},
			{RequestID: r.ID, ItemID: items[1], Verdict: ipr.VerdictCounterfeit, GuidePointIDs: []int64{point.ID},
				Points: []string{"logo blurred"}, AnsweredBy: 5, AnsweredAt: at},
		}
		if !reflect.DeepEqual(got, []*ipr.IdentificationRequest{r}) {
			t.Errorf("IdentificationRequests:\n got %+v\nwant %+v", got[0], r)
		}
		err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.AnswerIdentification(t.Context(), r.ID, answers, 5, at)
		})
		wantError(t, err, ipr.ECONFLICT, "")
	})
}

// Bad answers are refused whole, naming the item's field; nothing is stored and
// the request stays unanswered.
func TestAnswerIdentificationRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		c, items := caseWithItems(t, db, w, t0, 3)
		_, foreign := caseWithItems(t, db, w, t0, 1)
		r := sendRequest(t, db, c.ID, items[:2], t0)
		ok := ipr.IdentificationAnswer{ItemID: items[0], Verdict: ipr.VerdictGenuine}
		tests := []struct {
			name    string
			answers []ipr.IdentificationAnswer
			field   string
		}{
			{"item of the case not asked about", []ipr.IdentificationAnswer{ok, {ItemID: items[1], Verdict: ipr.VerdictGenuine},
				{ItemID: items[2], Verdict: ipr.VerdictGenuine}}, "items[2].item"},
			{"item of another case", []ipr.IdentificationAnswer{{ItemID: foreign[0], Verdict: ipr.VerdictGenuine}, ok,
				{ItemID: items[1], Verdict: ipr.VerdictGenuine}}, "items[0].item"},
			{"no verdict", []ipr.IdentificationAnswer{ok, {ItemID: items[1]}}, "items[1].verdict"},
			{"counterfeit without a point", []ipr.IdentificationAnswer{ok, {ItemID: items[1], Verdict: ipr.VerdictCounterfeit}},
				"items[1].points"},
			{"unknown guide point", []ipr.IdentificationAnswer{ok, {ItemID: items[1], Verdict: ipr.VerdictCounterfeit,
				GuidePointIDs: []int64{404}}}, "items[1].guide_points[0]"},
			{"an item left out", []ipr.IdentificationAnswer{ok}, "items"},
		}
		for _, tt := range tests {
			err := db.Update(t.Context(), func(tx *store.Tx) error {
				return tx.AnswerIdentification(t.Context(), r.ID, tt.answers, 5, t0)
			})
			if ipr.ErrorCode(err) != ipr.EINVALID || ipr.ErrorFields(err)[tt.field] == "" {
				t.Errorf("%s: got %v, want EINVALID naming %q", tt.name, err, tt.field)
			}
		}
		var got *ipr.IdentificationRequest
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.IdentificationRequestByID(ctx, r.ID)
			return err
		})
		if got.Answered() || len(got.Answers) != 0 {
			t.Errorf("after refused answers: got answered %v with %d answers, want neither", got.Answered(), len(got.Answers))
		}

		err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.CreateIdentificationRequest(t.Context(), &ipr.IdentificationRequest{CaseID: c.ID,
				ItemIDs: []int64{items[0], foreign[0]}, SentAt: t0, Due: t0.Add(time.Hour)})
		})
		wantError(t, err, ipr.EINVALID, "items[1]")
		err = db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.AnswerIdentification(t.Context(), 999, []ipr.IdentificationAnswer{ok}, 5, t0)
		})
		wantError(t, err, ipr.ENOTFOUND, "request")
	})
}

func TestHolderResponseTimes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		answer := func(hours ...int) {
			for _, h := range hours {
				c, items := caseWithItems(t, db, w, t0, 1)
				r := sendRequest(t, db, c.ID, items, t0)
				update(t, db, func(ctx context.Context, tx *store.Tx) error {
					return tx.AnswerIdentification(ctx, r.ID, []ipr.IdentificationAnswer{{ItemID: items[0],
						Verdict: ipr.VerdictGenuine}}, 5, t0.Add(time.Duration(h)*time.Hour))
				})
			}
		}
		answer(2, 4, 30)
		c, items := caseWithItems(t, db, w, t0, 1)
		sendRequest(t, db, c.ID, items, t0) // unanswered: not counted
		var got []ipr.ResponseTime
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.HolderResponseTimes(ctx, t0.Add(-time.Hour))
			return err
		})
		want := []ipr.ResponseTime{{HolderOrgID: w.holder.ID, Answered: 3, AvgHours: 12, MedianHours: 4}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("HolderResponseTimes: got %+v, want %+v", got, want)
		}
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.HolderResponseTimes(ctx, t0.Add(time.Hour))
			return err
		})
		if len(got) != 0 {
			t.Errorf("HolderResponseTimes since later: got %+v, want none", got)
		}
	})
}
