package enforce_test

import (
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store/storetest"
)

// The demo queue has something for an officer to see for every approved
// mark, clear declarations, the holders' own shipments cleared, decisions
// already taken; and loading the demo again adds nothing.
func TestDemoScreening(t *testing.T) {
	db := storetest.SQLite(t)
	s, _ := demo(t, db)
	if _, err := s.LoadDemo(t.Context()); err != nil {
		t.Fatal(err)
	}
	officer := user(t, s, officerEmail)
	totals := map[ipr.DeclarationStatus]int64{}
	marks := map[string]int{}
	authorised := 0
	for _, st := range ipr.DeclarationStatuses {
		page, err := s.ScreeningQueue(t.Context(), officer, ipr.QueueFilter{Status: st, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		totals[st] = page.Total
		for _, v := range page.Declarations {
			own := false // a declaration of the holder's own goods
			for _, h := range v.Result.Hits {
				if h.Authorised {
					own = true
				} else {
					marks[h.RightID]++
				}
			}
			if own {
				authorised++
			}
		}
	}
	all := totals[ipr.DeclarationFlagged] + totals[ipr.DeclarationDismissed] + totals[ipr.DeclarationInspection] + totals[ipr.DeclarationClear]
	if all != 352 || totals[ipr.DeclarationClear] < 180 || totals[ipr.DeclarationFlagged] < 120 ||
		totals[ipr.DeclarationDismissed] != 3 || totals[ipr.DeclarationInspection] != 4 {
		t.Errorf("demo declarations: got %v (%d in all), want 352 with about 150 flagged, 3 dismissed, 4 inspected", totals, all)
	}
	for _, ref := range []string{"DEMO-NORTHWIND", "DEMO-AURELIA", "DEMO-VOLTIS", "DEMO-LUMINA", "DEMO-ORBIS"} {
		if marks[ref] < 15 {
			t.Errorf("%s: got %d flagged hits, want 15 or more", ref, marks[ref])
		}
	}
	if marks["DEMO-MARLOWE"] != 0 || authorised != 16 {
		t.Errorf("got %d hits on the expired recordation and %d authorised; want 0 and 16", marks["DEMO-MARLOWE"], authorised)
	}
}
