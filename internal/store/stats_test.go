package store_test

import (
	"context"
	"reflect"
	"strconv"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// statsOf returns a view's rows by key.
func statsOf(t *testing.T, db *store.DB, dim ipr.StatsDimension, f ipr.StatsFilter) map[string]ipr.StatsRow {
	t.Helper()
	var rows []ipr.StatsRow
	view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { rows, err = tx.StatsRows(ctx, dim, f); return err })
	out := map[string]ipr.StatsRow{}
	for _, r := range rows {
		out[r.Key] = r
	}
	return out
}

// The facts follow every save path in its own transaction, and a rebuild
// computes the same figures from the normalised tables.
func TestStatsFactsFollowTheSavePaths(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		d := newDeclaration("D-1", "Yiwu", "postal", 80, ipr.DeclarationInspection, declared)
		d.Origin, d.Transport, d.HSCode = "CN-FJ-Putian", "sea", "640411"
		d.Hits = []ipr.DeclarationHit{hit(w.right.Ref, w.right.Mark)}
		d.Rules = []ipr.DeclarationRule{{RuleID: 7, Name: "Putian shoes", Weight: 40, Reason: "origin"}}
		insert(t, db, d, newDeclaration("D-2", "Yiwu", "postal", 0, ipr.DeclarationClear, declared))

		c := w.newCase("Yiwu", t0)
		c.DeclarationID, c.GoodsValue = d.ID, 0
		createCase(t, db, c, "YW")
		createCase(t, db, w.newCase("Wenzhou", t0.AddDate(0, 1, 0)), "WZ") // on application: no declaration
		item := &ipr.CaseItem{CaseID: c.ID, Description: "shoes", Quantity: 40, Unit: "pairs", DeclaredValue: 400_00}
		req := &ipr.IdentificationRequest{CaseID: c.ID, Due: t0.AddDate(0, 0, 3), SentAt: t0.Add(time.Hour)}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.AddCaseItem(ctx, item); err != nil {
				return err
			}
			req.ItemIDs = []int64{item.ID}
			if err := tx.CreateIdentificationRequest(ctx, req); err != nil {
				return err
			}
			return tx.AnswerIdentification(ctx, req.ID, []ipr.IdentificationAnswer{{ItemID: item.ID,
				Verdict: ipr.VerdictCounterfeit, Points: []string{"uneven stitching"}}}, 1, t0.Add(31*time.Hour))
		})

		got := statsOf(t, db, ipr.DimProvince, ipr.StatsFilter{})
		want := map[string]ipr.StatsRow{"CN-FJ": {Key: "CN-FJ", Batches: 1, Pieces: 40, Value: 400_00},
			"": {Key: "", Batches: 1, Pieces: 0, Value: 12_500_00}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("by province: got %+v, want %+v", got, want)
		}
		if got := statsOf(t, db, ipr.DimChapter, ipr.StatsFilter{Office: "Yiwu"}); len(got) != 1 || got["64"].Batches != 1 {
			t.Errorf("by chapter in Yiwu: got %+v, want one batch in chapter 64", got)
		}
		if got := statsOf(t, db, ipr.DimMonth, ipr.StatsFilter{From: t0.AddDate(0, 1, -2)}); len(got) != 1 || got["2025-04"].Batches != 1 {
			t.Errorf("by month from April: got %+v, want one batch in 2025-04", got)
		}
		if got := statsOf(t, db, ipr.DimOffice, ipr.StatsFilter{HolderOrgID: w.other.ID}); len(got) != 0 {
			t.Errorf("another holder's view: got %+v, want nothing", got)
		}

		// The determination confirms the case; the rule's hit becomes a confirmed one.
		c = loadCase(t, db, c.ID)
		c.Determination, c.State = ipr.DeterminationInfringing, "infringing"
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateCase(ctx, c, c.Version) })
		var rules []ipr.StatsRuleRow
		var answers []store.StatsDuration
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if rules, err = tx.StatsRuleHits(ctx, ipr.StatsFilter{}, 5); err != nil {
				return err
			}
			answers, err = tx.StatsAnswerHours(ctx, ipr.StatsFilter{})
			return err
		})
		wantRules := []ipr.StatsRuleRow{{RuleID: 7, Name: "Putian shoes", Flagged: 1, Cases: 1, Confirmed: 1, Precision: 1}}
		if !reflect.DeepEqual(rules, wantRules) {
			t.Errorf("rules: got %+v, want %+v", rules, wantRules)
		}
		wantAnswers := []store.StatsDuration{{Key: strconv.FormatInt(w.holder.ID, 10), Hours: 30, N: 1}}
		if !reflect.DeepEqual(answers, wantAnswers) {
			t.Errorf("answer hours: got %+v, want %+v", answers, wantAnswers)
		}

		before := statsOf(t, db, ipr.DimCity, ipr.StatsFilter{})
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.RebuildStats(ctx) })
		if after := statsOf(t, db, ipr.DimCity, ipr.StatsFilter{}); !reflect.DeepEqual(after, before) {
			t.Errorf("after a rebuild: got %+v, want %+v", after, before)
		}
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			rules, err = tx.StatsRuleHits(ctx, ipr.StatsFilter{HolderOrgID: w.holder.ID}, 5)
			return err
		})
		if !reflect.DeepEqual(rules, wantRules) {
			t.Errorf("rules after a rebuild, for the holder: got %+v, want %+v", rules, wantRules)
		}
	})
}

// A working group counts its members' cases; the filter narrows to them.
func TestStatsByWorkingGroup(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		assoc := createOrg(t, db, "Association", ipr.OrgAssociation, 0)
		group := &ipr.WorkingGroup{OrgID: assoc.ID, Name: "Apparel"}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.CreateWorkingGroup(ctx, group, t0); err != nil {
				return err
			}
			return tx.AddWorkingGroupMember(ctx, group.ID, w.holder.ID)
		})
		createCase(t, db, w.newCase("Yiwu", t0), "YW")
		createCase(t, db, w.newCase("Yiwu", t0), "YW")
		got := statsOf(t, db, ipr.DimGroup, ipr.StatsFilter{})
		if len(got) != 1 || got[strconv.FormatInt(group.ID, 10)].Batches != 2 {
			t.Errorf("by group: got %+v, want 2 batches in group %d", got, group.ID)
		}
		var values store.StatsValues
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { values, err = tx.StatsValues(ctx, 0); return err })
		if !reflect.DeepEqual(values.Offices, []string{"Yiwu"}) || !reflect.DeepEqual(values.Months, []string{"2025-03"}) {
			t.Errorf("values: got %+v, want office Yiwu and month 2025-03", values)
		}
	})
}
