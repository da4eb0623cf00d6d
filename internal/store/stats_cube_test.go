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

// cubeRows reads every cube's rows.
func cubeRows(t *testing.T, db *store.DB) map[string][]string {
	t.Helper()
	var rows map[string][]string
	view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { rows, err = tx.StatsCubeRows(ctx); return err })
	return rows
}

// After a case's life (opened, items added, identification answered,
// determined, moved to another office, transferred and accepted), the cubes
// kept current change by change equal the cubes rebuilt from scratch.
func TestStatsCubesFollowTheFacts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		second := createRightOf(t, db, w.holder, "NW-2")
		d := newDeclaration("D-1", "Yiwu", "express", 80, ipr.DeclarationInspection, declared)
		d.Origin, d.Transport, d.HSCode = "CN-GD-Shenzhen", "air", "851762"
		d.Hits = []ipr.DeclarationHit{hit(w.right.Ref, w.right.Mark)}
		d.Rules = []ipr.DeclarationRule{{RuleID: 3, Name: "Shenzhen phones", Weight: 30, Reason: "origin"},
			{RuleID: 9, Name: "Air express", Weight: 20, Reason: "route"}}
		insert(t, db, d)

		c := w.newCase("Yiwu", t0)
		c.DeclarationID, c.RightIDs = d.ID, []int64{w.right.ID, second.ID}
		createCase(t, db, c, "YW")
		createCase(t, db, w.newCase("Wenzhou", t0.AddDate(0, 1, 0)), "WZ")
		unit := createOrg(t, db, "Zhejiang Police", ipr.OrgPoliceUnit, 0)
		steps := []struct {
			name string
			do   func(ctx context.Context, tx *store.Tx) error
		}{
			{"items", func(ctx context.Context, tx *store.Tx) error {
				for _, q := range []int{40, 60} {
					it := &ipr.CaseItem{CaseID: c.ID, Description: "phones", Quantity: int64(q), Unit: "pieces", DeclaredValue: 900_00}
					if err := tx.AddCaseItem(ctx, it); err != nil {
						return err
					}
				}
				return nil
			}},
			{"identification", func(ctx context.Context, tx *store.Tx) error {
				items, err := tx.CaseItems(ctx, c.ID)
				if err != nil {
					return err
				}
				req := &ipr.IdentificationRequest{CaseID: c.ID, Due: t0.AddDate(0, 0, 3), SentAt: t0.Add(time.Hour),
					ItemIDs: []int64{items[0].ID}}
				if err := tx.CreateIdentificationRequest(ctx, req); err != nil {
					return err
				}
				return tx.AnswerIdentification(ctx, req.ID, []ipr.IdentificationAnswer{{ItemID: items[0].ID,
					Verdict: ipr.VerdictCounterfeit, Points: []string{"wrong font"}}}, 1, t0.Add(50*time.Hour+20*time.Minute))
			}},
			{"determination and another office", func(ctx context.Context, tx *store.Tx) error {
				got, err := tx.CaseByID(ctx, c.ID)
				if err != nil {
					return err
				}
				got.Determination, got.State, got.Office = ipr.DeterminationInfringing, "infringing", "Hangzhou"
				return tx.UpdateCase(ctx, got, got.Version)
			}},
			{"transfer", func(ctx context.Context, tx *store.Tx) error {
				tr := &ipr.Transfer{CaseID: c.ID, PoliceOrgID: unit.ID, State: ipr.TransferProposed, Reasons: "value",
					ProposedBy: 1, ProposedAt: t0.AddDate(0, 0, 20), ApprovalDue: t0.AddDate(0, 0, 23)}
				if err := tx.CreateTransfer(ctx, tr); err != nil {
					return err
				}
				tr.State, tr.DecidedBy, tr.DecidedAt = ipr.TransferApproved, 2, tr.ProposedAt.Add(30*time.Hour)
				tr.FirstSentAt, tr.SentAt = tr.DecidedAt.Add(50*time.Hour), tr.DecidedAt.Add(50*time.Hour)
				if err := tx.UpdateTransfer(ctx, tr, 1); err != nil {
					return err
				}
				tr.State, tr.AcceptedAt, tr.PoliceAt = ipr.TransferAccepted, tr.SentAt.Add(200*time.Hour), tr.SentAt.Add(200*time.Hour)
				return tx.UpdateTransfer(ctx, tr, 2)
			}},
		}
		for _, step := range steps {
			update(t, db, step.do)
			kept := cubeRows(t, db)
			update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.RebuildStats(ctx) })
			if rebuilt := cubeRows(t, db); !reflect.DeepEqual(kept, rebuilt) {
				t.Fatalf("after %s: the cubes kept current\n%v\nwant them as rebuilt\n%v", step.name, kept, rebuilt)
			}
		}
		got := cubeRows(t, db)
		for _, table := range []string{"stats_cube", "stats_province_cube", "stats_city_cube", "stats_rule_cases", "stats_durations"} {
			if len(got[table]) == 0 {
				t.Errorf("%s: got no rows, want the cases' figures", table)
			}
		}
		if want := 8; len(got["stats_durations"]) != want { // one answer and three transfer stages, for each brand
			t.Errorf("durations: got %d rows, want %d: %v", len(got["stats_durations"]), want, got["stats_durations"])
		}
	})
}
