package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// declared is a stored declaration's instant: whole microseconds, UTC.
var declared = time.Date(2025, 3, 1, 8, 30, 15, 123456000, time.UTC)

func newDeclaration(ref, office, channel string, risk int, status ipr.DeclarationStatus, at time.Time) *ipr.Declaration {
	return &ipr.Declaration{Ref: ref, Channel: channel, Direction: "export", DeclaredAt: at, CustomsOffice: office,
		Origin: "CN-ZJ-Yiwu", Destination: "US", Transport: "post", Route: "HGH-LAX", Port: "Ningbo",
		Consignor: "Yiwu Trading", ConsignorAddress: "1 Road", Consignee: "John Miller", ConsigneeAddress: "2 Street",
		HSCode: "640411", Description: "sports shoes", Brand: "", Quantity: 3, WeightKg: 1.5, Value: 29.97,
		Currency: "USD", ReceivedAt: t0, SubmittedBy: 7, Risk: risk, Status: status}
}

func hit(ref, mark string) ipr.DeclarationHit {
	return ipr.DeclarationHit{RightRef: ref, Mark: mark, Matched: mark, Field: "description", Start: 0, End: len(mark),
		Method: "exact", Score: 0.95, Reasons: []string{"named as recorded", "goods in the mark's classes"}}
}

func insert(t *testing.T, db *store.DB, decls ...*ipr.Declaration) {
	t.Helper()
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.InsertDeclarations(ctx, decls) })
}

func TestDeclarationRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		holder := createOrg(t, db, "Northwind", ipr.OrgRightHolder, 0)
		right := createRightOf(t, db, holder, "NW-1")
		d := newDeclaration("D-1", "Yiwu", "postal", 97, ipr.DeclarationFlagged, declared)
		d.Brand = "北风"
		d.Hits = []ipr.DeclarationHit{hit("NW-1", "NORTHWIND"), hit("GONE-9", "VANISHED")}
		d.Hits[1].Authorised, d.Hits[1].Reasons = true, nil
		d.Rules = []ipr.DeclarationRule{{RuleID: 4, Name: "Putian shoes", Weight: 35, Reason: "meets risk rule"}}
		insert(t, db, d, newDeclaration("D-2", "Yiwu", "postal", 0, ipr.DeclarationClear, declared))
		if d.ID == 0 {
			t.Fatal("InsertDeclarations: got no ID")
		}
		var got *ipr.Declaration
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.DeclarationByRef(ctx, "D-1")
			return err
		})
		want := *d
		want.Hits = slices.Clone(d.Hits)
		want.Hits[0].RightID = right.ID   // found by reference
		want.Hits[1].Reasons = []string{} // stored as []
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("DeclarationByRef:\n got %+v\nwant %+v", got, &want)
		}
		var other *ipr.Declaration
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			other, err = tx.DeclarationByRef(ctx, "D-2")
			return err
		})
		if len(other.Hits) != 0 || len(other.Rules) != 0 || other.Status != ipr.DeclarationClear {
			t.Errorf("clear declaration: got %d hits, %d rules, %s; want none, none, clear", len(other.Hits), len(other.Rules), other.Status)
		}

		err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.InsertDeclarations(t.Context(), []*ipr.Declaration{newDeclaration("D-1", "Yiwu", "postal", 0, ipr.DeclarationClear, declared)})
		})
		wantError(t, err, ipr.ECONFLICT, "id")
		err = db.View(t.Context(), func(tx *store.Tx) error { _, err := tx.DeclarationByRef(t.Context(), "D-404"); return err })
		wantError(t, err, ipr.ENOTFOUND, "id")

		var found map[string]*ipr.Declaration
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			found, err = tx.DeclarationsByRefs(ctx, []string{"D-2", "D-404", "D-1"})
			return err
		})
		if len(found) != 2 || len(found["D-1"].Hits) != 2 || found["D-2"] == nil {
			t.Errorf("DeclarationsByRefs: got %v, want D-1 with 2 hits and D-2", found)
		}
	})
}

// A batch of 1,000 declarations with hits and rules goes in a few statements.
func TestInsertThousandDeclarations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		batch := thousand("B")
		start := time.Now()
		insert(t, db, batch...)
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("1,000 declarations took %v, want well under 5s", took)
		}
		var n int64
		var page []*ipr.Declaration
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if n, err = tx.CountDeclarations(ctx, ""); err != nil {
				return err
			}
			page, _, err = tx.ListDeclarations(ctx, ipr.QueueFilter{Status: ipr.DeclarationFlagged, Limit: 500})
			return err
		})
		if n != 1000 || len(page) != 500 || len(page[0].Hits) != 2 || len(page[0].Rules) != 1 {
			t.Errorf("got %d stored, a page of %d, first with %d hits and %d rules; want 1000, 500, 2, 1",
				n, len(page), len(page[0].Hits), len(page[0].Rules))
		}
	})
}

func thousand(prefix string) []*ipr.Declaration {
	out := make([]*ipr.Declaration, 1000)
	for i := range out {
		d := newDeclaration(fmt.Sprintf("%s-%04d", prefix, i), "Yiwu", "ecommerce", i%100, ipr.DeclarationFlagged, declared)
		d.Hits = []ipr.DeclarationHit{hit("NW-1", "NORTHWIND"), hit("AU-1", "AURELIA")}
		d.Rules = []ipr.DeclarationRule{{RuleID: 1, Name: "r", Weight: 10, Reason: "meets"}}
		out[i] = d
	}
	return out
}

func BenchmarkInsertDeclarations(b *testing.B) {
	db := storetest.SQLite(b)
	for i := 0; b.Loop(); i++ {
		batch := thousand(fmt.Sprint(i))
		if err := db.Update(b.Context(), func(tx *store.Tx) error { return tx.InsertDeclarations(b.Context(), batch) }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*1000)/b.Elapsed().Seconds(), "declarations/s")
}

func TestScreeningQueue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		day := func(d int) time.Time { return time.Date(2025, 3, d, 10, 0, 0, 0, time.UTC) }
		a := newDeclaration("A", "Yiwu", "postal", 90, ipr.DeclarationFlagged, day(1))
		a.Hits = []ipr.DeclarationHit{hit("DEMO-NORTHWIND", "NORTHWIND")}
		b := newDeclaration("B", "Wenzhou", "express", 60, ipr.DeclarationFlagged, day(2))
		b.Brand = "Aurelia"
		c := newDeclaration("C", "Yiwu", "postal", 95, ipr.DeclarationDismissed, day(3))
		d := newDeclaration("D", "Yiwu", "general", 0, ipr.DeclarationClear, day(4))
		e := newDeclaration("E", "Yiwu", "postal", 40, ipr.DeclarationInspection, day(5))
		insert(t, db, a, b, c, d, e)
		for _, tc := range []struct {
			name   string
			filter ipr.QueueFilter
			want   []string
		}{
			{"default: all but clear, flagged first, by risk", ipr.QueueFilter{}, []string{"A", "B", "E", "C"}},
			{"status", ipr.QueueFilter{Status: ipr.DeclarationClear}, []string{"D"}},
			{"office", ipr.QueueFilter{Office: "Yiwu"}, []string{"A", "E", "C"}},
			{"channel", ipr.QueueFilter{Channel: "express"}, []string{"B"}},
			{"brand as a hit's mark", ipr.QueueFilter{Brand: "northwind"}, []string{"A"}},
			{"brand as a right reference", ipr.QueueFilter{Brand: "DEMO-NORTH"}, []string{"A"}},
			{"brand as declared", ipr.QueueFilter{Brand: "AURELIA"}, []string{"B"}},
			{"brand with LIKE characters", ipr.QueueFilter{Brand: "%"}, nil},
			{"from", ipr.QueueFilter{From: ipr.NewDate(2025, 3, 3)}, []string{"E", "C"}},
			{"to includes its day", ipr.QueueFilter{To: ipr.NewDate(2025, 3, 2)}, []string{"A", "B"}},
			{"min risk", ipr.QueueFilter{MinRisk: 70}, []string{"A", "C"}},
			{"page", ipr.QueueFilter{Limit: 2, Offset: 1}, []string{"B", "E"}},
		} {
			var list []*ipr.Declaration
			var total int64
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				list, total, err = tx.ListDeclarations(ctx, tc.filter)
				return err
			})
			var got []string
			for _, d := range list {
				got = append(got, d.Ref)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
			}
			if tc.filter.Limit == 0 && total != int64(len(tc.want)) {
				t.Errorf("%s: got total %d, want %d", tc.name, total, len(tc.want))
			}
			if tc.name == "page" && total != 4 {
				t.Errorf("page: got total %d, want 4", total)
			}
		}
	})
}

func TestDecideDeclaration(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		customs := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, 0)
		officer := createUser(t, db, "officer@yiwu.example", ipr.RoleCustomsOfficer, customs)
		insert(t, db, newDeclaration("A", "Yiwu", "postal", 90, ipr.DeclarationFlagged, declared))
		var d *ipr.Declaration
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			d, err = tx.DeclarationByRef(ctx, "A")
			return err
		})
		stale := *d
		if err := d.Decide(ipr.DeclarationDismissed, officer.ID, t0, " genuine goods "); err != nil {
			t.Fatal(err)
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			return tx.DecideDeclaration(ctx, d, ipr.DeclarationFlagged)
		})
		var got *ipr.Declaration
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.DeclarationByRef(ctx, "A")
			return err
		})
		if got.Status != ipr.DeclarationDismissed || got.DecidedBy != officer.ID || got.DecidedByName != officer.Name ||
			!got.DecidedAt.Equal(t0) || got.DecisionReason != "genuine goods" {
			t.Errorf("decided: got %s by %d (%s) at %v: %q", got.Status, got.DecidedBy, got.DecidedByName, got.DecidedAt, got.DecisionReason)
		}
		// A second officer who loaded it before the first decided is refused.
		if err := stale.Decide(ipr.DeclarationInspection, officer.ID, t0, ""); err != nil {
			t.Fatal(err)
		}
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.DecideDeclaration(t.Context(), &stale, ipr.DeclarationFlagged) })
		wantError(t, err, ipr.ECONFLICT, "")
	})
}
