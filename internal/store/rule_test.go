package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := &ipr.RiskRule{Name: " Putian shoes ", Weight: 35, Expires: ipr.NewDate(2026, 1, 31),
			Condition: `{"field":"origin","op":"prefix","value":"CN-FJ-Putian"}`, Source: "bulletin", Active: true, CreatedBy: 3}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateRule(ctx, r, t0) })
		off := &ipr.RiskRule{Name: "Off", Weight: 5, Condition: `{"field":"brand","op":"is","value":"X"}`}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateRule(ctx, off, t0) })

		var got *ipr.RiskRule
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { got, err = tx.RuleByID(ctx, r.ID); return err })
		if got.Name != "Putian shoes" || got.Weight != 35 || got.Expires != r.Expires || got.Condition != r.Condition ||
			got.Source != "bulletin" || !got.Active || got.CreatedBy != 3 || !got.CreatedAt.Equal(t0) {
			t.Errorf("RuleByID: got %+v", got)
		}

		later := t0.Add(time.Hour)
		got.Weight, got.Active = 50, false
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateRule(ctx, got, later) })
		var active, all []*ipr.RiskRule
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if active, err = tx.Rules(ctx, true); err != nil {
				return err
			}
			all, err = tx.Rules(ctx, false)
			return err
		})
		if len(active) != 0 || len(all) != 2 || all[0].Weight != 50 || !all[0].UpdatedAt.Equal(later) || !all[0].CreatedAt.Equal(t0) {
			t.Errorf("after update: got %d active and %d in all, first %+v", len(active), len(all), all[0])
		}

		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.DeleteRule(ctx, off.ID) })
		for _, tc := range []struct {
			name  string
			fn    func(ctx context.Context, tx *store.Tx) error
			code  string
			field string
		}{
			{"load deleted", func(ctx context.Context, tx *store.Tx) error { _, err := tx.RuleByID(ctx, off.ID); return err }, ipr.ENOTFOUND, "rule"},
			{"delete again", func(ctx context.Context, tx *store.Tx) error { return tx.DeleteRule(ctx, off.ID) }, ipr.ENOTFOUND, "rule"},
			{"update deleted", func(ctx context.Context, tx *store.Tx) error { return tx.UpdateRule(ctx, off, t0) }, ipr.ENOTFOUND, "rule"},
			{"no name", func(ctx context.Context, tx *store.Tx) error {
				return tx.CreateRule(ctx, &ipr.RiskRule{Weight: 1, Condition: "{}"}, t0)
			}, ipr.EINVALID, "name"},
			{"no condition", func(ctx context.Context, tx *store.Tx) error {
				return tx.CreateRule(ctx, &ipr.RiskRule{Name: "x", Weight: 1}, t0)
			}, ipr.EINVALID, "when"},
		} {
			err := db.Update(t.Context(), func(tx *store.Tx) error { return tc.fn(t.Context(), tx) })
			if ipr.ErrorCode(err) != tc.code || ipr.ErrorFields(err)[tc.field] == "" {
				t.Errorf("%s: got %v, want %s naming %s", tc.name, err, tc.code, tc.field)
			}
		}

		// A new rule never takes a deleted one's id: past hits keep their meaning.
		again := &ipr.RiskRule{Name: "Again", Weight: 5, Condition: "{}"}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateRule(ctx, again, t0) })
		if again.ID <= off.ID {
			t.Errorf("new rule's id: got %d, want above the deleted %d", again.ID, off.ID)
		}
	})
}

func TestRuleCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		met := func(ref string, status ipr.DeclarationStatus, rules ...int64) *ipr.Declaration {
			d := newDeclaration(ref, "Yiwu", "postal", 50, status, declared)
			for _, id := range rules {
				d.Rules = append(d.Rules, ipr.DeclarationRule{RuleID: id, Name: "r", Weight: 10, Reason: "meets"})
			}
			return d
		}
		insert(t, db, met("A", ipr.DeclarationFlagged, 1, 2), met("B", ipr.DeclarationDismissed, 1),
			met("C", ipr.DeclarationInspection, 1), met("D", ipr.DeclarationDismissed, 2), met("E", ipr.DeclarationClear))
		var got map[int64]ipr.RuleCounts
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { got, err = tx.RuleCounts(ctx); return err })
		want := map[int64]ipr.RuleCounts{1: {Hits: 3, Dismissed: 1, Inspected: 1}, 2: {Hits: 2, Dismissed: 1}}
		if len(got) != len(want) || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("RuleCounts: got %v, want %v", got, want)
		}
	})
}

// Screening reads approved rights whose recordation ended at most a year ago,
// their supply chain and their lowest catalogue price per currency.
func TestScreeningInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		holder := createOrg(t, db, "Northwind", ipr.OrgRightHolder, 0)
		mk := func(ref string, status ipr.RecordStatus, recordTo ipr.Date) *ipr.Right {
			r := newRight(holder.ID, ref, ref, 25)
			r.Status, r.RecordFrom, r.RecordTo = status, ipr.NewDate(2020, 1, 1), recordTo
			update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateRight(ctx, r, t0) })
			return r
		}
		inForce := mk("IN-FORCE", ipr.StatusApproved, ipr.NewDate(2030, 1, 1))
		lately := mk("LATELY", ipr.StatusApproved, ipr.NewDate(2024, 6, 1))
		mk("LONG-AGO", ipr.StatusApproved, ipr.NewDate(2023, 1, 1))
		mk("DRAFT", ipr.StatusDraft, ipr.Date{})
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			for _, p := range []*ipr.Party{{RightID: inForce.ID, Role: ipr.PartyExporter, Name: "NW Trading"},
				{RightID: lately.ID, Role: ipr.PartyLicensee, Name: "Lately Licensee"}} {
				if err := tx.AddParty(ctx, p); err != nil {
					return err
				}
			}
			for _, p := range []*ipr.Product{{RightID: inForce.ID, Name: "a", PriceMin: 500, Currency: "CNY"},
				{RightID: inForce.ID, Name: "b", PriceMin: 300, Currency: "CNY"},
				{RightID: inForce.ID, Name: "c", PriceMin: 80, Currency: "USD"},
				{RightID: lately.ID, Name: "free", PriceMin: 0}} {
				if err := tx.CreateProduct(ctx, p, t0); err != nil {
					return err
				}
			}
			return nil
		})
		since := ipr.NewDate(2024, 3, 3)
		var rights []*ipr.Right
		var parties []*ipr.Party
		var prices []store.PriceFloor
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if rights, err = tx.ScreeningRights(ctx, since); err != nil {
				return err
			}
			if parties, err = tx.ScreeningParties(ctx, since); err != nil {
				return err
			}
			prices, err = tx.ScreeningPrices(ctx, since)
			return err
		})
		var refs, names []string
		for _, r := range rights {
			refs = append(refs, r.Ref)
		}
		for _, p := range parties {
			names = append(names, p.Name)
		}
		if !slices.Equal(refs, []string{"IN-FORCE", "LATELY"}) || !slices.Equal(names, []string{"NW Trading", "Lately Licensee"}) {
			t.Errorf("got rights %v and parties %v, want IN-FORCE, LATELY and their parties", refs, names)
		}
		want := []store.PriceFloor{{RightID: inForce.ID, PriceMin: 300, Currency: "CNY"}, {RightID: inForce.ID, PriceMin: 80, Currency: "USD"}}
		if !slices.Equal(prices, want) {
			t.Errorf("ScreeningPrices: got %v, want %v", prices, want)
		}
	})
}
