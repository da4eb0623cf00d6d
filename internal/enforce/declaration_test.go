package enforce_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
)

// declarations counts stored declarations.
func declarations(t *testing.T, s *enforce.Service) int64 {
	t.Helper()
	var n int64
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) { n, err = tx.CountDeclarations(t.Context(), ""); return err })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSubmitDeclarations(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer := user(t, s, officerEmail)
		before, stored := count(t, s), declarations(t, s)
		batch := []screen.Declaration{
			decl("S-1", "N0RTHW1ND sneakers", "640411", 1),
			decl("S-2", "ceramic coffee mugs", "691200", 1),
		}
		results, err := s.SubmitDeclarations(ctx, officer, batch)
		if err != nil {
			t.Fatal(err)
		}
		if len(results) != 2 || results[0].ID != "S-1" || !results[0].Flagged() || results[1].ID != "S-2" ||
			results[1].Flagged() || results[1].Hits == nil || results[1].Rules == nil {
			t.Errorf("results: got %+v, want S-1 flagged and S-2 clear, in order, with [] not nil", results)
		}
		if got := count(t, s).events - before.events; got != 1 {
			t.Errorf("audit events: got %d more, want 1 for the batch", got)
		}
		if e := lastEvent(t, s); e.Action != "declaration.submit" || !strings.Contains(e.After, "2 declarations (S-1 … S-2), 1 flagged") {
			t.Errorf("audit event: got %s %q", e.Action, e.After)
		}
		if got := declarations(t, s) - stored; got != 2 {
			t.Errorf("stored: got %d more, want 2", got)
		}

		// The same declaration again is a retry: its stored result, nothing new.
		again, err := s.SubmitDeclarations(ctx, officer, batch[:1])
		if err != nil || len(again) != 1 || again[0].Risk != results[0].Risk || len(again[0].Hits) != len(results[0].Hits) {
			t.Errorf("resubmitted: got %+v, %v; want the stored result", again, err)
		}
		if got := count(t, s).events - before.events; got != 1 {
			t.Errorf("after a retry: got %d new events, want still 1", got)
		}
		// Different content under a stored id is refused, and the batch with it.
		changed := batch[0]
		changed.Quantity = 99
		_, err = s.SubmitDeclarations(ctx, officer, []screen.Declaration{decl("S-3", "wool socks", "611595", 0), changed})
		wantError(t, err, ipr.ECONFLICT, "declarations[1].id")
		if !strings.Contains(ipr.ErrorMessage(err), `"S-1"`) {
			t.Errorf("conflict: got %q, want it to name S-1", ipr.ErrorMessage(err))
		}
		if got := declarations(t, s) - stored; got != 2 {
			t.Errorf("after the conflict: got %d more stored, want still 2", got)
		}
	})
}

func TestSubmitDeclarationsRefusesBadInput(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		officer := user(t, s, officerEmail)
		good := decl("OK-1", "wool socks", "611595", 0)
		bad := func(change func(d *screen.Declaration)) []screen.Declaration {
			d := good
			change(&d)
			return []screen.Declaration{d}
		}
		before, stored := count(t, s), declarations(t, s)
		for _, tc := range []struct {
			name  string
			batch []screen.Declaration
			field string
		}{
			{"no declarations", nil, "declarations"},
			{"too many", make([]screen.Declaration, enforce.MaxDeclarationBatch+1), "declarations"},
			{"no id", bad(func(d *screen.Declaration) { d.ID = "" }), "id"},
			{"id with a slash", bad(func(d *screen.Declaration) { d.ID = "A/1" }), "id"},
			{"no date", bad(func(d *screen.Declaration) { d.DeclaredAt = time.Time{} }), "declared_at"},
			{"no description", bad(func(d *screen.Declaration) { d.Description = "  " }), "description"},
			{"unknown channel", bad(func(d *screen.Declaration) { d.Channel = "pigeon" }), "channel"},
			{"unknown transport", bad(func(d *screen.Declaration) { d.Transport = "balloon" }), "transport"},
			{"HS code with letters", bad(func(d *screen.Declaration) { d.HSCode = "64A4" }), "hs_code"},
			{"negative quantity", bad(func(d *screen.Declaration) { d.Quantity = -1 }), "quantity"},
			{"currency", bad(func(d *screen.Declaration) { d.Currency = "YUAN" }), "currency"},
			{"second of a batch", []screen.Declaration{good, bad(func(d *screen.Declaration) { d.ID, d.Description = "OK-2", "" })[0]},
				"declarations[1].description"},
			{"same id twice", []screen.Declaration{good, good}, "declarations[1].id"},
		} {
			_, err := s.SubmitDeclarations(t.Context(), officer, tc.batch)
			if ipr.ErrorCode(err) != ipr.EINVALID || ipr.ErrorFields(err)[tc.field] == "" {
				t.Errorf("%s: got %v, want invalid naming %s", tc.name, err, tc.field)
			}
		}
		if count(t, s) != before || declarations(t, s) != stored {
			t.Error("a refused batch stored something")
		}
	})
}

func TestDeclarationAuthorisation(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		for _, tc := range []struct {
			who                  string
			actor                *ipr.User
			submit, view, decide string // error codes, "" for allowed
		}{
			{"public", nil, ipr.EUNAUTHENTICATED, ipr.EUNAUTHENTICATED, ipr.EUNAUTHENTICATED},
			{"officer", user(t, s, officerEmail), "", "", ""},
			{"supervisor", user(t, s, supervisorEmail), "", "", ""},
			{"system admin", user(t, s, adminEmail), "", ipr.EFORBIDDEN, ipr.EFORBIDDEN},
			{"command line", ipr.SystemUser(), "", ipr.EFORBIDDEN, ipr.EFORBIDDEN},
			{"right holder", user(t, s, holderEmail), ipr.EFORBIDDEN, ipr.EFORBIDDEN, ipr.EFORBIDDEN},
			{"agent", user(t, s, agentEmail), ipr.EFORBIDDEN, ipr.EFORBIDDEN, ipr.EFORBIDDEN},
			{"police", user(t, s, policeEmail), ipr.EFORBIDDEN, ipr.EFORBIDDEN, ipr.EFORBIDDEN},
			{"association", user(t, s, secretaryEmail), ipr.EFORBIDDEN, ipr.EFORBIDDEN, ipr.EFORBIDDEN},
		} {
			_, err := s.SubmitDeclarations(ctx, tc.actor, []screen.Declaration{decl("AUTH-"+strings.ReplaceAll(tc.who, " ", "-"), "wool socks", "611595", 0)})
			if got := ipr.ErrorCode(err); got != tc.submit {
				t.Errorf("%s submits: got %q (%v), want %q", tc.who, got, err, tc.submit)
			}
			_, err1 := s.Declaration(ctx, tc.actor, "DEMO-D-00001")
			_, err2 := s.ScreeningQueue(ctx, tc.actor, ipr.QueueFilter{})
			for _, err := range []error{err1, err2} {
				if got := ipr.ErrorCode(err); got != tc.view {
					t.Errorf("%s views: got %q (%v), want %q", tc.who, got, err, tc.view)
				}
			}
			_, err1 = s.DismissDeclaration(ctx, tc.actor, "DEMO-D-00404", "no")
			_, err2 = s.MarkForInspection(ctx, tc.actor, "DEMO-D-00404", "")
			want := tc.decide
			if want == "" {
				want = ipr.ENOTFOUND // allowed, but there is no such declaration
			}
			for _, err := range []error{err1, err2} {
				if got := ipr.ErrorCode(err); got != want {
					t.Errorf("%s decides: got %q (%v), want %q", tc.who, got, err, want)
				}
			}
		}
	})
}

func TestDeclarationView(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer := user(t, s, officerEmail)
		d := decl("V-1", "cheap N0RTHW1ND sneakers", "640411", 1)
		d.Brand, d.Route, d.ConsigneeAddress = "no brand", "HGH-LAX", "1 Main St"
		if _, err := s.SubmitDeclarations(ctx, officer, []screen.Declaration{d}); err != nil {
			t.Fatal(err)
		}
		v, err := s.Declaration(ctx, officer, "V-1")
		if err != nil {
			t.Fatal(err)
		}
		want := d
		want.DeclaredAt = d.DeclaredAt.UTC()
		if v.Declaration != want {
			t.Errorf("declaration: got %+v, want %+v", v.Declaration, want)
		}
		var northwind *ipr.Right
		if err := db.View(ctx, func(tx *store.Tx) (err error) { northwind, err = tx.RightByRef(ctx, "DEMO-NORTHWIND"); return err }); err != nil {
			t.Fatal(err)
		}
		if v.Status != ipr.DeclarationFlagged || len(v.Result.Hits) != 1 || v.Result.Hits[0].Matched != "N0RTHW1ND" ||
			!slices.Equal(v.HitRights, []int64{northwind.ID}) || !v.ReceivedAt.Equal(start) || v.Decided() {
			t.Errorf("view: got status %s, hits %+v, rights %v, received %v", v.Status, v.Result.Hits, v.HitRights, v.ReceivedAt)
		}
		_, err = s.Declaration(ctx, officer, "NOPE")
		wantError(t, err, ipr.ENOTFOUND, "id")
	})
}

func TestScreeningQueueOrder(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer := user(t, s, officerEmail)
		page, err := s.ScreeningQueue(ctx, officer, ipr.QueueFilter{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != int64(len(page.Declarations)) || page.Total < 100 {
			t.Fatalf("demo queue: got %d of %d, want every one of 100 or more", len(page.Declarations), page.Total)
		}
		rank := map[ipr.DeclarationStatus]int{ipr.DeclarationFlagged: 0, ipr.DeclarationInspection: 1, ipr.DeclarationDismissed: 2}
		for i := 1; i < len(page.Declarations); i++ {
			a, b := page.Declarations[i-1], page.Declarations[i]
			if rank[a.Status] > rank[b.Status] || (a.Status == b.Status && a.Result.Risk < b.Result.Risk) {
				t.Fatalf("queue order: %s (%s, %d) before %s (%s, %d)", a.Declaration.ID, a.Status, a.Result.Risk,
					b.Declaration.ID, b.Status, b.Result.Risk)
			}
		}
		yiwu, err := s.ScreeningQueue(ctx, officer, ipr.QueueFilter{Office: "Yiwu", Brand: "voltis", Status: ipr.DeclarationFlagged})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range yiwu.Declarations {
			if v.Declaration.CustomsOffice != "Yiwu" || !slices.Contains(hitRefs(v.Result), "DEMO-VOLTIS") {
				t.Errorf("Yiwu VOLTIS filter: got %s at %s with %v", v.Declaration.ID, v.Declaration.CustomsOffice, hitRefs(v.Result))
			}
		}
		if yiwu.Total == 0 {
			t.Error("Yiwu VOLTIS filter: got none, want some")
		}
		for _, f := range []ipr.QueueFilter{{Status: "lost"}, {Channel: "pigeon"}, {MinRisk: 101},
			{From: ipr.NewDate(2025, 3, 2), To: ipr.NewDate(2025, 3, 1)}} {
			_, err := s.ScreeningQueue(ctx, officer, f)
			wantError(t, err, ipr.EINVALID, "")
		}
	})
}

func TestDecideDeclarations(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer := user(t, s, officerEmail)
		rule, err := s.CreateRule(ctx, officer, screen.Rule{Name: "Yiwu postal shoes", Weight: 20,
			When: screen.Condition{Field: "hs_code", Op: screen.OpPrefix, Value: "6404"}}, true)
		if err != nil {
			t.Fatal(err)
		}
		batch := []screen.Declaration{decl("X-1", "N0RTHW1ND sneakers", "640411", 0),
			decl("X-2", "NORTHWIND shoes", "640411", 0), decl("X-3", "wool socks", "611595", 0)}
		if _, err := s.SubmitDeclarations(ctx, officer, batch); err != nil {
			t.Fatal(err)
		}
		_, err = s.DismissDeclaration(ctx, officer, "X-1", "  ")
		wantError(t, err, ipr.EINVALID, "reason")
		v, err := s.DismissDeclaration(ctx, officer, "X-1", "Genuine goods, invoice checked")
		if err != nil {
			t.Fatal(err)
		}
		if v.Status != ipr.DeclarationDismissed || v.DecidedByName != officer.Name || v.DecisionReason != "Genuine goods, invoice checked" || !v.Decided() {
			t.Errorf("dismissed: got %s by %q: %q", v.Status, v.DecidedByName, v.DecisionReason)
		}
		if e := lastEvent(t, s); e.Action != "declaration.dismiss" || e.After != "dismissed: Genuine goods, invoice checked" {
			t.Errorf("audit: got %s %q", e.Action, e.After)
		}
		_, err = s.DismissDeclaration(ctx, officer, "X-1", "again")
		wantError(t, err, ipr.ECONFLICT, "")
		_, err = s.MarkForInspection(ctx, officer, "X-1", "")
		wantError(t, err, ipr.ECONFLICT, "")
		if v, err = s.MarkForInspection(ctx, officer, "X-2", ""); err != nil || v.Status != ipr.DeclarationInspection {
			t.Errorf("inspect flagged: got %v, %v", v, err)
		}
		// A clear declaration may be inspected on an officer's own suspicion, not dismissed.
		_, err = s.DismissDeclaration(ctx, officer, "X-3", "nothing")
		wantError(t, err, ipr.ECONFLICT, "")
		if v, err = s.MarkForInspection(ctx, officer, "X-3", "weight does not match"); err != nil || v.Status != ipr.DeclarationInspection {
			t.Errorf("inspect clear: got %v, %v", v, err)
		}
		got, err := s.Rule(ctx, officer, rule.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Hits != 2 || got.Dismissed != 1 || got.Inspected != 1 {
			t.Errorf("rule counts: got %+v, want 2 hits, 1 dismissed, 1 inspected", got.RuleCounts)
		}
	})
}
