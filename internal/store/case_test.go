package store_test

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// caseWorld is what a case needs around it: a holder with a right, and another holder.
type caseWorld struct {
	holder, other *ipr.Org
	right         *ipr.Right
}

func newCaseWorld(t *testing.T, db *store.DB) caseWorld {
	t.Helper()
	holder := createOrg(t, db, "Northwind", ipr.OrgRightHolder, 0)
	other := createOrg(t, db, "Aurelia", ipr.OrgRightHolder, 0)
	return caseWorld{holder: holder, other: other, right: createRightOf(t, db, holder, "NW-1")}
}

func (w caseWorld) newCase(office string, opened time.Time) *ipr.Case {
	return &ipr.Case{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio, State: "suspected", Office: office,
		HolderOrgID: w.holder.ID, RightIDs: []int64{w.right.ID}, Channel: "postal", GoodsValue: 12_500_00,
		Perishable: true, OpenedBy: 3, OpenedAt: opened}
}

func createCase(t *testing.T, db *store.DB, c *ipr.Case, prefix string) *ipr.Case {
	t.Helper()
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateCase(ctx, c, prefix) })
	return c
}

func loadCase(t *testing.T, db *store.DB, id int64) *ipr.Case {
	t.Helper()
	var c *ipr.Case
	view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { c, err = tx.CaseByID(ctx, id); return err })
	return c
}

func TestCaseRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		c := createCase(t, db, w.newCase("Yiwu", t0), "HZ")
		if c.ID == 0 || c.Ref != "HZ-2025-000001" || c.Version != 1 {
			t.Fatalf("CreateCase: got id %d ref %q version %d, want an id, HZ-2025-000001, 1", c.ID, c.Ref, c.Version)
		}
		second := createCase(t, db, w.newCase("Yiwu", t0), "HZ")
		nextYear := createCase(t, db, w.newCase("Yiwu", t0.AddDate(1, 0, 0)), "HZ")
		byProfile := createCase(t, db, w.newCase("Yiwu", t0), "")
		for _, tt := range []struct{ got, want string }{
			{second.Ref, "HZ-2025-000002"}, {nextYear.Ref, "HZ-2026-000001"}, {byProfile.Ref, "CN-2025-000001"},
		} {
			if tt.got != tt.want {
				t.Errorf("case number: got %q, want %q", tt.got, tt.want)
			}
		}
		if got := loadCase(t, db, c.ID); !reflect.DeepEqual(got, c) {
			t.Errorf("CaseByID:\n got %+v\nwant %+v", got, c)
		}
		err := db.View(t.Context(), func(tx *store.Tx) error { _, err := tx.CaseByID(t.Context(), 999); return err })
		wantError(t, err, ipr.ENOTFOUND, "case")
	})
}

// Bad input names its field, and a refused case leaves no row and uses no number.
func TestCreateCaseRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		foreign := createRightOf(t, db, w.other, "AU-1")
		officer := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, 0)
		tests := []struct {
			name   string
			change func(*ipr.Case)
			prefix string
			field  string
		}{
			{"no office", func(c *ipr.Case) { c.Office = "" }, "HZ", "office"},
			{"bad prefix", func(*ipr.Case) {}, "hz-1", "prefix"},
			{"another holder's right", func(c *ipr.Case) { c.RightIDs = []int64{w.right.ID, foreign.ID} }, "HZ", "rights[1]"},
			{"missing right", func(c *ipr.Case) { c.RightIDs = []int64{4242} }, "HZ", "rights[0]"},
			{"holder is customs", func(c *ipr.Case) { c.HolderOrgID = officer.ID; c.RightIDs = nil }, "HZ", "holder"},
			{"missing declaration", func(c *ipr.Case) { c.DeclarationID = 77 }, "HZ", "declaration"},
			{"missing guarantee", func(c *ipr.Case) { c.BondSource, c.BondGuaranteeID = ipr.BondGuarantee, 5 }, "HZ", "bond_guarantee"},
		}
		for _, tt := range tests {
			c := w.newCase("Yiwu", t0)
			tt.change(c)
			err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.CreateCase(t.Context(), c, tt.prefix) })
			if ipr.ErrorCode(err) != ipr.EINVALID || ipr.ErrorFields(err)[tt.field] == "" {
				t.Errorf("%s: got %v, want EINVALID naming %q", tt.name, err, tt.field)
			}
		}
		var list []*ipr.Case
		var total int64
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			list, total, err = tx.Cases(ctx, ipr.CaseFilter{})
			return err
		})
		if total != 0 || len(list) != 0 {
			t.Errorf("after refused cases: got %d stored, want none", total)
		}
		if c := createCase(t, db, w.newCase("Yiwu", t0), "HZ"); c.Ref != "HZ-2025-000001" {
			t.Errorf("first case after refusals: got %q, want HZ-2025-000001", c.Ref)
		}
	})
}

// Two officers save the same version at once: one wins, the other is told to
// reload, and after reloading its change goes in on top; nothing is lost.
func TestUpdateCaseConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		c := createCase(t, db, w.newCase("Yiwu", t0), "HZ")
		a, b := loadCase(t, db, c.ID), loadCase(t, db, c.ID)
		a.State, a.GoodsValue = "notified", 20_000_00
		b.Patent, b.Penalty = true, ipr.Penalty{Fine: 5_000_00, Tier: "B", Reason: "second offence"}

		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, mine := range []*ipr.Case{a, b} {
			wg.Go(func() {
				errs[i] = db.Update(t.Context(), func(tx *store.Tx) error { return tx.UpdateCase(t.Context(), mine, 1) })
			})
		}
		wg.Wait()
		won, lost := 0, 1
		if errs[0] != nil {
			won, lost = 1, 0
		}
		if errs[won] != nil {
			t.Fatalf("both updates failed: %v; %v", errs[0], errs[1])
		}
		wantError(t, errs[lost], ipr.ECONFLICT, "version")

		loser := []*ipr.Case{a, b}[lost]
		fresh := loadCase(t, db, c.ID)
		if fresh.Version != 2 {
			t.Fatalf("after one update: got version %d, want 2", fresh.Version)
		}
		if lost == 0 {
			fresh.State, fresh.GoodsValue = loser.State, loser.GoodsValue
		} else {
			fresh.Patent, fresh.Penalty = loser.Patent, loser.Penalty
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateCase(ctx, fresh, 2) })
		got := loadCase(t, db, c.ID)
		if got.Version != 3 || got.State != "notified" || got.GoodsValue != 20_000_00 || !got.Patent || got.Penalty.Fine != 5_000_00 {
			t.Errorf("after reload and retry: got %+v, want version 3 with both changes", got)
		}

		gone := *got
		gone.ID = 999
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.UpdateCase(t.Context(), &gone, 3) })
		wantError(t, err, ipr.ENOTFOUND, "case")
	})
}

func TestUpdateCaseSavesEverything(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		second := createRightOf(t, db, w.holder, "NW-2")
		c := createCase(t, db, w.newCase("Yiwu", t0), "HZ")
		c.State, c.Office, c.Channel, c.Currency = "closed", "Wenzhou", "express", "USD"
		c.RightIDs = []int64{second.ID}
		c.SmallConsignment, c.Perishable, c.ClosedAt = true, false, t0.Add(48*time.Hour)
		c.Determination, c.BondAmount, c.BondSource = ipr.DeterminationInfringing, 1_000_00, ipr.BondCash
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateCase(ctx, c, 1) })
		if got := loadCase(t, db, c.ID); !reflect.DeepEqual(got, c) {
			t.Errorf("after UpdateCase:\n got %+v\nwant %+v", got, c)
		}
	})
}

func TestCaseItemsEventsCustody(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		c := createCase(t, db, w.newCase("Yiwu", t0), "HZ")
		photo := saveTestFile(t, db, w.holder.ID, "a")
		doc := saveTestFile(t, db, w.holder.ID, "b")
		first := &ipr.CaseItem{CaseID: c.ID, Description: "sports shoes", Quantity: 40, DeclaredValue: 400_00,
			Location: "A-3-2", StorageCostPerDay: 15_00, Files: []string{photo, doc}}
		second := &ipr.CaseItem{CaseID: c.ID, Description: "caps", Quantity: 12, Unit: "boxes"}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if err := tx.AddCaseItem(ctx, first); err != nil {
				return err
			}
			return tx.AddCaseItem(ctx, second)
		})
		if first.Position != 1 || second.Position != 2 || first.Unit != "pcs" {
			t.Errorf("positions: got %d, %d (unit %q), want 1, 2 (pcs)", first.Position, second.Position, first.Unit)
		}
		second.AssessedValue, second.Files = 90_00, []string{doc}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateCaseItem(ctx, second) })
		var items []*ipr.CaseItem
		var one *ipr.CaseItem
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if items, err = tx.CaseItems(ctx, c.ID); err != nil {
				return err
			}
			one, err = tx.CaseItemByID(ctx, first.ID)
			return err
		})
		if !reflect.DeepEqual(items, []*ipr.CaseItem{first, second}) || !reflect.DeepEqual(one, first) {
			t.Errorf("CaseItems:\n got %+v %+v\nwant %+v %+v", items[0], items[1], first, second)
		}

		bad := &ipr.CaseItem{CaseID: c.ID, Description: "bags", Quantity: 1, Files: []string{photo, strings.Repeat("0", 64)}}
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.AddCaseItem(t.Context(), bad) })
		wantError(t, err, ipr.EINVALID, "files[1]")

		events := []ipr.CaseEvent{
			{CaseID: c.ID, At: t0, ActorID: 3, Kind: "opened", ToState: "suspected"},
			{CaseID: c.ID, At: t0.Add(time.Hour), ActorID: 3, Kind: "notify", FromState: "suspected", ToState: "notified", Note: "sent"},
		}
		moves := []ipr.Custody{
			{CaseID: c.ID, At: t0, By: 3, To: "Yiwu bonded warehouse", Received: "Li Wei"},
			{CaseID: c.ID, ItemID: first.ID, At: t0.Add(time.Hour), By: 3, From: "Yiwu bonded warehouse", To: "A-3-2"},
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			for i := range events {
				if err := tx.AddCaseEvent(ctx, &events[i]); err != nil {
					return err
				}
				if err := tx.AddCustody(ctx, &moves[i]); err != nil {
					return err
				}
			}
			return nil
		})
		var gotEvents []ipr.CaseEvent
		var gotMoves []ipr.Custody
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if gotEvents, err = tx.CaseEvents(ctx, c.ID); err != nil {
				return err
			}
			gotMoves, err = tx.CustodyLog(ctx, c.ID)
			return err
		})
		if !reflect.DeepEqual(gotEvents, events) || !reflect.DeepEqual(gotMoves, moves) {
			t.Errorf("timeline and custody:\n got %+v\n     %+v\nwant %+v\n     %+v", gotEvents, gotMoves, events, moves)
		}
		err = db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.AddCustody(t.Context(), &ipr.Custody{CaseID: c.ID, ItemID: 999, At: t0, To: "X"})
		})
		wantError(t, err, ipr.EINVALID, "item")
	})
}

// saveTestFile records an uploaded file of org and returns its SHA-256.
func saveTestFile(t *testing.T, db *store.DB, org int64, fill string) string {
	t.Helper()
	f := &ipr.File{SHA256: strings.Repeat(fill, 64), ContentType: "image/png", Size: 10, Name: "p.png", OrgID: org,
		UploadedBy: 3, CreatedAt: t0}
	update(t, db, func(ctx context.Context, tx *store.Tx) error { _, err := tx.SaveFile(ctx, f); return err })
	return f.SHA256
}

func deadline(caseID int64, name string, due time.Time, state ipr.DeadlineState) *ipr.Deadline {
	return &ipr.Deadline{CaseID: caseID, Name: name, StartedAt: t0, DueDate: ipr.DateOf(due, time.UTC), DueAt: due,
		CalendarVersion: "CN-2025-v1", State: state}
}

func putDeadlines(t *testing.T, db *store.DB, list ...*ipr.Deadline) {
	t.Helper()
	update(t, db, func(ctx context.Context, tx *store.Tx) error {
		for _, d := range list {
			if err := tx.PutDeadline(ctx, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// Lists put the case whose open deadline runs out first at the top (overdue
// ones lead), then cases without one, newest first; filters and pages apply.
func TestCasesListOrderFilterPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		now := t0.Add(10 * 24 * time.Hour)
		calm := createCase(t, db, w.newCase("Yiwu", t0), "HZ")                         // no deadline
		newest := createCase(t, db, w.newCase("Yiwu", t0.Add(time.Hour)), "HZ")        // no deadline
		soon := createCase(t, db, w.newCase("Yiwu", t0), "HZ")                         // due tomorrow
		overdue := createCase(t, db, w.newCase("Wenzhou", t0), "HZ")                   // due yesterday
		met := createCase(t, db, w.newCase("Yiwu", t0), "HZ")                          // only a met deadline
		otherHolder := createCase(t, db, w.newCase("Yiwu", t0.Add(2*time.Hour)), "HZ") // no deadline
		otherHolder.HolderOrgID, otherHolder.RightIDs = w.other.ID, nil
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateCase(ctx, otherHolder, 1) })
		putDeadlines(t, db,
			deadline(soon.ID, "identification", now.Add(24*time.Hour), ipr.DeadlineRunning),
			deadline(soon.ID, "investigation", now.Add(30*24*time.Hour), ipr.DeadlineRunning),
			deadline(overdue.ID, "identification", now.Add(-24*time.Hour), ipr.DeadlineRunning),
			deadline(met.ID, "identification", now.Add(-48*time.Hour), ipr.DeadlineMet),
		)
		item := &ipr.CaseItem{CaseID: newest.ID, Description: "Handbags 50% off", Quantity: 3}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.AddCaseItem(ctx, item) })

		refs := func(f ipr.CaseFilter) ([]string, int64) {
			var list []*ipr.Case
			var total int64
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				list, total, err = tx.Cases(ctx, f)
				return err
			})
			out := make([]string, len(list))
			for i, c := range list {
				out[i] = c.Ref
			}
			return out, total
		}
		tests := []struct {
			name  string
			f     ipr.CaseFilter
			want  []*ipr.Case
			total int64
		}{
			{"all", ipr.CaseFilter{}, []*ipr.Case{overdue, soon, otherHolder, newest, met, calm}, 6},
			{"first page", ipr.CaseFilter{Limit: 2}, []*ipr.Case{overdue, soon}, 6},
			{"second page", ipr.CaseFilter{Limit: 2, Offset: 2}, []*ipr.Case{otherHolder, newest}, 6},
			{"office", ipr.CaseFilter{Office: "Wenzhou"}, []*ipr.Case{overdue}, 1},
			{"holder", ipr.CaseFilter{HolderOrgID: w.other.ID}, []*ipr.Case{otherHolder}, 1},
			{"state", ipr.CaseFilter{State: "suspected", Limit: 1}, []*ipr.Case{overdue}, 6},
			{"overdue", ipr.CaseFilter{OverdueAt: now}, []*ipr.Case{overdue}, 1},
			{"due within 2 days", ipr.CaseFilter{OverdueAt: now.Add(48 * time.Hour)}, []*ipr.Case{overdue, soon}, 2},
			{"search number", ipr.CaseFilter{Search: strings.ToLower(soon.Ref)}, []*ipr.Case{soon}, 1},
			{"search item, % literal", ipr.CaseFilter{Search: "50%"}, []*ipr.Case{newest}, 1},
			{"search nothing", ipr.CaseFilter{Search: "5_%"}, nil, 0},
		}
		for _, tt := range tests {
			want := make([]string, len(tt.want))
			for i, c := range tt.want {
				want[i] = c.Ref
			}
			got, total := refs(tt.f)
			if !reflect.DeepEqual(got, want) || total != tt.total {
				t.Errorf("%s: got %v of %d, want %v of %d", tt.name, got, total, want, tt.total)
			}
		}
		var first []*ipr.Case
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			first, _, err = tx.Cases(ctx, ipr.CaseFilter{Limit: 2})
			return err
		})
		if want := now.Add(24 * time.Hour); !first[1].NextDue.Equal(want) || !first[0].NextDue.Before(now) {
			t.Errorf("NextDue: got %v and %v, want before %v and %v", first[0].NextDue, first[1].NextDue, now, want)
		}
	})
}

func TestDeadlines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		a := createCase(t, db, w.newCase("Yiwu", t0), "HZ")
		b := createCase(t, db, w.newCase("Yiwu", t0), "HZ")
		ident := deadline(a.ID, "identification", t0.Add(72*time.Hour), ipr.DeadlineRunning)
		ident.Provisional = true
		invest := deadline(a.ID, "investigation", t0.Add(30*24*time.Hour), ipr.DeadlineRunning)
		pending := deadline(b.ID, "identification", t0.Add(24*time.Hour), ipr.DeadlineDefaultPending)
		done := deadline(b.ID, "bond", t0.Add(12*time.Hour), ipr.DeadlineMet)
		putDeadlines(t, db, ident, invest, pending, done)

		// Recomputed with the official calendar: the same clock, replaced.
		id := ident.ID
		ident.Provisional, ident.CalendarVersion, ident.RemindedSoon = false, "CN-2025-v2", true
		ident.DueAt = t0.Add(96 * time.Hour)
		ident.DueDate = ipr.DateOf(ident.DueAt, time.UTC)
		putDeadlines(t, db, ident)
		if ident.ID != id {
			t.Errorf("PutDeadline again: got id %d, want the same %d", ident.ID, id)
		}
		var ofA, due []*ipr.Deadline
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if ofA, err = tx.Deadlines(ctx, a.ID); err != nil {
				return err
			}
			due, err = tx.DeadlinesDue(ctx, t0.Add(100*time.Hour))
			return err
		})
		if !reflect.DeepEqual(ofA, []*ipr.Deadline{ident, invest}) {
			t.Errorf("Deadlines:\n got %+v\nwant %+v", ofA, []*ipr.Deadline{ident, invest})
		}
		if !reflect.DeepEqual(due, []*ipr.Deadline{pending, ident}) {
			t.Errorf("DeadlinesDue: got %+v, want the pending default then the identification clock", due)
		}
		err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.PutDeadline(t.Context(), deadline(a.ID, "x", t0, "paused"))
		})
		wantError(t, err, ipr.EINVALID, "state")
	})
}
