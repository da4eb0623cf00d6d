package enforce_test

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// decl is a declaration of goods on day (days before start; negative for after).
func decl(id, desc, hs string, daysAgo int) screen.Declaration {
	return screen.Declaration{ID: id, Channel: "postal", Direction: "export", DeclaredAt: start.AddDate(0, 0, -daysAgo),
		CustomsOffice: "Yiwu", Origin: "CN-ZJ-Yiwu", Destination: "US", Transport: "post", Consignor: "Yiwu Trading",
		Consignee: "John Miller", HSCode: hs, Description: desc, Quantity: 2, WeightKg: 1, Value: 80, Currency: "CNY"}
}

// screenOne screens d with the service's engine, without storing it.
func screenOne(t *testing.T, s *enforce.Service, d screen.Declaration) screen.Result {
	t.Helper()
	e, err := s.Engine(t.Context())
	if err != nil {
		t.Fatalf("Engine: %v", err)
	}
	return e.Screener().Screen(&d)
}

func hitRefs(r screen.Result) []string {
	var out []string
	for _, h := range r.Hits {
		if !h.Authorised {
			out = append(out, h.RightID)
		}
	}
	return out
}

// The engine holds every approved mark and copyright whose recordation has not
// been over for more than a year; validity is judged on the declaration's date.
func TestEngineIndexesTheRegister(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		e, err := s.Engine(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		// NORTHWIND, AURELIA, VOLTIS, LUMINA, ORBIS, the Tessera copyright and the
		// expired CHATEAU MARLOWE; not the design patent, nor what is not approved.
		if got := e.Index().Len(); got != 7 {
			t.Errorf("index: got %d marks, want 7", got)
		}
		if again, _ := s.Engine(t.Context()); again != e {
			t.Error("Engine: got a new engine on the second call, want the same one")
		}
		for _, tc := range []struct {
			name string
			d    screen.Declaration
			want string // the right flagged, "" for none
		}{
			{"in force", decl("T1", "NORTHWIND running shoes", "640411", 0), "DEMO-NORTHWIND"},
			{"expired recordation, declared after", decl("T2", "CHATEAU MARLOWE red wine", "220421", 0), ""},
			{"expired recordation, declared before", decl("T3", "CHATEAU MARLOWE red wine", "220421", 120), "DEMO-MARLOWE"},
			{"not approved", decl("T4", "FERROCAR brake pads", "870830", 0), ""},
		} {
			got := strings.Join(hitRefs(screenOne(t, s, tc.d)), ",")
			if got != tc.want {
				t.Errorf("%s: got hits %q, want %q", tc.name, got, tc.want)
			}
		}
		// The supply chain and the catalogue reach the engine.
		own := decl("T5", "NORTHWIND trail shoes", "640411", 0)
		own.Consignor = "Northwind Apparel (Ningbo) Trading Co., Ltd."
		if r := screenOne(t, s, own); r.Flagged() || len(r.Hits) != 1 || !r.Hits[0].Authorised {
			t.Errorf("the holder's own exporter: got %+v, want one authorised hit, not flagged", r)
		}
		cheap := screenOne(t, s, decl("T6", "NORTHWIND running shoes", "640411", 0))
		if !strings.Contains(strings.Join(cheap.Hits[0].Reasons, "; "), "lowest genuine price 560") {
			t.Errorf("40 CNY shoes: got reasons %q, want the catalogue's lowest price 560", cheap.Hits[0].Reasons)
		}
	})
}

// Changes to the register reach screening as soon as they are committed.
func TestRegisterChangesRefreshTheIndex(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		ferrocar := decl("F1", "FERROCAR brake pads for cars", "870830", -1)
		if got := hitRefs(screenOne(t, s, ferrocar)); len(got) != 0 {
			t.Fatalf("before approval: got hits %v, want none", got)
		}
		var right *ipr.Right
		err := db.View(ctx, func(tx *store.Tx) (err error) { right, err = tx.RightByRef(ctx, "DEMO-FERROCAR"); return err })
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ApproveRight(ctx, user(t, s, supervisorEmail), right.ID); err != nil {
			t.Fatal(err)
		}
		if got := hitRefs(screenOne(t, s, ferrocar)); len(got) != 1 || got[0] != "DEMO-FERROCAR" {
			t.Errorf("after approval: got hits %v, want DEMO-FERROCAR", got)
		}

		// A new authorised exporter clears its own shipments.
		err = db.View(ctx, func(tx *store.Tx) (err error) { right, err = tx.RightByRef(ctx, "DEMO-VOLTIS"); return err })
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddParty(ctx, user(t, s, "brand@voltis.example"), right.ID,
			ipr.Party{Role: ipr.PartyExporter, Name: "Voltis Yiwu Logistics Co., Ltd."}); err != nil {
			t.Fatal(err)
		}
		own := decl("V1", "VOLTIS wireless earbuds", "851830", 0)
		own.Consignor = "Voltis Yiwu Logistics Co., Ltd."
		if r := screenOne(t, s, own); r.Flagged() {
			t.Errorf("after the party was added: got %+v, want not flagged", r.Hits)
		}

		// An imported register is screened at once.
		csv := "id,holder,kind,mark,variants,nice_classes,jurisdiction,valid_from,valid_to,authorised_exporters\n" +
			"IMP-1,Korvana Perfumes,trademark,KORVANA,,3,CN,2020-01-01,2034-12-31,\n"
		if _, err := importBytes(t, s, user(t, s, supervisorEmail), []byte(csv), false); err != nil {
			t.Fatal(err)
		}
		if got := hitRefs(screenOne(t, s, decl("K1", "KORVANA eau de parfum 100ml", "330300", 0))); len(got) != 1 || got[0] != "IMP-1" {
			t.Errorf("after the import: got hits %v, want IMP-1", got)
		}
	})
}

// Rebuilding the index and the rules while declarations are screened is
// safe (run with -race), and every screening sees a whole snapshot.
func TestRebuildDuringScreening(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	e, err := s.Engine(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var wrong atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			sc := e.Screener()
			d := decl("R1", "N0RTHW1ND sneakers", "640411", 0)
			for !stop.Load() {
				if r := sc.Screen(&d); len(hitRefs(r)) != 1 {
					wrong.Add(1)
				}
			}
		})
	}
	officer := user(t, s, officerEmail)
	for i := range 10 {
		if err := s.RefreshIndex(ctx); err != nil {
			t.Error(err)
		}
		rule := screen.Rule{Name: "churn", Weight: 10, When: screen.Condition{Field: "brand", Op: screen.OpIs, Value: "X"}}
		if _, err := s.CreateRule(ctx, officer, rule, i%2 == 0); err != nil {
			t.Error(err)
		}
	}
	deadline := time.Now().Add(50 * time.Millisecond)
	for time.Now().Before(deadline) {
		if err := s.RefreshIndex(ctx); err != nil {
			t.Error(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	if n := wrong.Load(); n != 0 {
		t.Errorf("got %d screenings without the NORTHWIND hit during rebuilds, want 0", n)
	}
	if e2, _ := s.Engine(ctx); e2 != e {
		t.Error("a refresh replaced the engine, want its index swapped in place")
	}
}

// Several first uses at once build one engine.
func TestEngineIsBuiltOnce(t *testing.T) {
	db := storetest.SQLite(t)
	demo(t, db)
	s := enforce.New(db, ipr.NewFixedClock(start), nil) // a fresh service: no engine yet
	if err := s.RefreshIndex(t.Context()); err != nil { // before first use: nothing to refresh
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	engines := make([]*screen.Engine, 8)
	for i := range engines {
		wg.Go(func() {
			e, err := s.Engine(t.Context())
			if err != nil {
				t.Error(err)
			}
			engines[i] = e
		})
	}
	wg.Wait()
	for i, e := range engines {
		if e != engines[0] {
			t.Errorf("engine %d differs from the first", i)
		}
	}
}
