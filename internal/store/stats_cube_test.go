package store_test

import (
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
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

// Every view read from the cubes, under every filter, equals the same view
// counted straight from the facts.
func TestStatsCubesAnswerAsTheFacts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		rights := []*ipr.Right{w.right, createRightOf(t, db, w.holder, "NW-2"), createRightOf(t, db, w.other, "AU-1")}
		group := &ipr.WorkingGroup{OrgID: createOrg(t, db, "Association", ipr.OrgAssociation, 0).ID, Name: "Shoes"}
		unit := createOrg(t, db, "Zhejiang Police", ipr.OrgPoliceUnit, 0)
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.CreateWorkingGroup(ctx, group, t0); err != nil {
				return err
			}
			return tx.AddWorkingGroupMember(ctx, group.ID, w.other.ID)
		})
		origins := []string{"CN-ZJ-Yiwu", "CN-FJ-Putian", "CN-FJ-Jinjiang", "HK", "CN-FJ"}
		for i := range 14 {
			d := newDeclaration(fmt.Sprintf("D-%d", i), "Yiwu", "express", 80, ipr.DeclarationInspection, declared)
			d.Origin, d.Transport, d.HSCode = origins[i%5], []string{"air", "sea", "post"}[i%3], []string{"640411", "851762"}[i%2]
			d.Rules = []ipr.DeclarationRule{{RuleID: int64(1 + i%3), Name: "rule", Weight: 30, Reason: "r"}}
			if i%4 == 0 {
				d.Rules = append(d.Rules, ipr.DeclarationRule{RuleID: 7, Name: "seven", Weight: 20, Reason: "r"})
			}
			insert(t, db, d)
			c := w.newCase([]string{"Yiwu", "Wenzhou"}[i%2], t0.AddDate(0, i%4, 0))
			c.DeclarationID, c.Channel = d.ID, []string{"postal", "express", "general"}[i%3]
			if i%5 == 4 {
				c.DeclarationID = 0 // on application, no declaration
			}
			c.RightIDs = []int64{rights[0].ID, rights[1].ID}[:1+i%2]
			if i%3 == 2 {
				c.HolderOrgID, c.RightIDs = w.other.ID, []int64{rights[2].ID}
			}
			if i%6 == 1 {
				c.Mode = ipr.ModeOnApplication
			}
			createCase(t, db, c, "YW")
			statsLife(t, db, c, unit.ID, i)
		}
		filters := []ipr.StatsFilter{{}, {From: t0.AddDate(0, 1, 0), To: t0.AddDate(0, 3, 0)}, {Office: "Yiwu"},
			{Channel: "express"}, {Transport: "air"}, {Province: "CN-FJ"}, {Brand: rights[1].Mark}, {GroupID: group.ID},
			{HolderOrgID: w.other.ID}, {Office: "Wenzhou", Province: "CN-FJ"}, {Province: "CN-FJ", Transport: "sea"},
			{Brand: rights[0].Mark, From: t0.AddDate(0, 1, 0)}}
		view(t, db, func(ctx context.Context, tx *store.Tx) error {
			for _, f := range filters {
				for _, dim := range ipr.StatsDimensions {
					got, err := tx.StatsRows(ctx, dim, f)
					if err != nil {
						return err
					}
					want, err := tx.StatsRowsFromFacts(ctx, dim, f)
					if err != nil {
						return err
					}
					sortRows(got)
					sortRows(want)
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s by %+v: got %+v, want %+v", dim, f, got, want)
					}
				}
				compareRules(t, ctx, tx, f)
				compareDurations(t, ctx, tx, f)
			}
			return nil
		})
	})
}

// statsLife takes case c, the i-th, some way through its life: items, an
// answered identification, a determination, a transfer.
func statsLife(t *testing.T, db *store.DB, c *ipr.Case, police int64, i int) {
	t.Helper()
	update(t, db, func(ctx context.Context, tx *store.Tx) error {
		it := &ipr.CaseItem{CaseID: c.ID, Description: "goods", Quantity: int64(10 * (i + 1)), Unit: "pieces", DeclaredValue: ipr.Money(i) * 100_00}
		if err := tx.AddCaseItem(ctx, it); err != nil || i%4 == 3 {
			return err
		}
		req := &ipr.IdentificationRequest{CaseID: c.ID, Due: t0.AddDate(0, 0, 3), SentAt: t0, ItemIDs: []int64{it.ID}}
		if err := tx.CreateIdentificationRequest(ctx, req); err != nil {
			return err
		}
		err := tx.AnswerIdentification(ctx, req.ID, []ipr.IdentificationAnswer{{ItemID: it.ID, Verdict: ipr.VerdictCounterfeit,
			Points: []string{"label"}}}, 1, t0.Add(time.Duration(5+7*i)*time.Hour+time.Duration(i)*time.Minute))
		if err != nil || i%3 == 0 {
			return err
		}
		got, err := tx.CaseByID(ctx, c.ID)
		if err != nil {
			return err
		}
		got.Determination, got.State = ipr.DeterminationInfringing, "infringing"
		if err := tx.UpdateCase(ctx, got, got.Version); err != nil || i%2 == 0 {
			return err
		}
		tr := &ipr.Transfer{CaseID: c.ID, PoliceOrgID: police, State: ipr.TransferProposed, Reasons: "value",
			ProposedBy: 1, ProposedAt: t0, ApprovalDue: t0.AddDate(0, 0, 3)}
		if err := tx.CreateTransfer(ctx, tr); err != nil {
			return err
		}
		tr.State, tr.DecidedBy, tr.DecidedAt = ipr.TransferApproved, 2, t0.Add(time.Duration(3*i)*time.Hour)
		tr.FirstSentAt, tr.SentAt = tr.DecidedAt.Add(20*time.Hour), tr.DecidedAt.Add(20*time.Hour)
		return tx.UpdateTransfer(ctx, tr, 1)
	})
}

func sortRows(rows []ipr.StatsRow) {
	slices.SortFunc(rows, func(a, b ipr.StatsRow) int { return strings.Compare(a.Key, b.Key) })
}

func compareRules(t *testing.T, ctx context.Context, tx *store.Tx, f ipr.StatsFilter) {
	t.Helper()
	hits, err := tx.StatsRuleHits(ctx, f, 100)
	if err != nil {
		t.Fatal(err)
	}
	want, err := tx.StatsRuleCasesFromFacts(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64][2]int64{}
	for _, h := range hits {
		if h.Cases > 0 {
			got[h.RuleID] = [2]int64{h.Cases, h.Confirmed}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rules by %+v: got cases and confirmed %v, want %v", f, got, want)
	}
}

func compareDurations(t *testing.T, ctx context.Context, tx *store.Tx, f ipr.StatsFilter) {
	t.Helper()
	for _, tt := range []struct {
		read    func(context.Context, ipr.StatsFilter) ([]store.StatsDuration, error)
		key     string
		columns []string
	}{
		{tx.StatsAnswerHours, "f.holder_org_id", []string{"answer_minutes"}},
		{tx.StatsTransferHours, "f.office", []string{"approval_minutes", "sending_minutes", "acceptance_minutes"}},
	} {
		got, err := tt.read(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := tx.StatsDurationsFromFacts(ctx, f, tt.key, tt.columns...)
		if err != nil {
			t.Fatal(err)
		}
		order := func(a, b store.StatsDuration) int {
			return cmp.Or(cmp.Compare(a.Stage, b.Stage), strings.Compare(a.Key, b.Key), cmp.Compare(a.Hours, b.Hours))
		}
		slices.SortFunc(got, order)
		slices.SortFunc(want, order)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%v by %+v: got %+v, want %+v", tt.columns, f, got, want)
		}
	}
}
