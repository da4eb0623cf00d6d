package enforce_test

import (
	"slices"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// allCases lists the cases actor may see, by number.
func allCases(t *testing.T, s *enforce.Service, actor *ipr.User) map[string]*ipr.Case {
	t.Helper()
	list, _, err := s.Cases(t.Context(), actor, ipr.CaseFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*ipr.Case{}
	for _, c := range list {
		out[c.Ref] = c
	}
	return out
}

func TestDemoCases(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		cases := allCases(t, s, user(t, s, supervisorEmail))
		if len(cases) != demoCaseCount {
			t.Fatalf("got %d demo cases, want %d", len(cases), demoCaseCount)
		}
		tests := []struct {
			ref, state, holder string
		}{ // numbered by office, in the order they were opened
			{"YW-2025-000001", "penalised", "brand@lumina.example"},
			{"YW-2025-000002", "holder_notified", holderEmail}, // overdue
			{"YW-2025-000003", "detained", holderEmail},
			{"YW-2025-000004", "suspected", holderEmail},
			{"HZP-2025-000001", "holder_notified", holderEmail}, // identification awaited
			{"HZ-2025-000001", "closed", holderEmail},
			{"WZ-2025-000001", "investigating", "brand@voltis.example"},
			{"WZ-2025-000002", "released", "brand@aurelia.example"},
			{"FRA-2025-000001", "confirmed", "brand@orbis.example"},
			{"LAX-2025-000001", "importer_notified", "brand@voltis.example"},
		}
		for _, tt := range tests {
			c := cases[tt.ref]
			if c == nil {
				t.Errorf("%s: missing", tt.ref)
				continue
			}
			if c.State != tt.state || c.HolderOrgID != user(t, s, tt.holder).OrgID {
				t.Errorf("%s: got %s of holder %d, want %s of %s", tt.ref, c.State, c.HolderOrgID, tt.state, tt.holder)
			}
			if !c.OpenedAt.Before(start) {
				t.Errorf("%s: got opened %s, want before the demo clock %s", tt.ref, c.OpenedAt, start)
			}
		}

		// The timeline of the closed case is real, in order, and gave the bond back.
		closed := detail(t, s, supervisorEmail, cases["HZ-2025-000001"].ID)
		var kinds []string
		for i, e := range closed.Events {
			kinds = append(kinds, e.Kind)
			if i > 0 && e.At.Before(closed.Events[i-1].At) {
				t.Errorf("closed case: event %d (%s) at %s is before the one before it", i, e.Kind, e.At)
			}
		}
		wantKinds := []string{"open", "notify_holder", "identification.request", "identification.answer", "apply",
			"investigate", "determine", "penalise", "close"}
		if !slices.Equal(kinds, wantKinds) {
			t.Errorf("closed case: got timeline %v, want %v", kinds, wantKinds)
		}
		if c := closed.Case; c.Determination != ipr.DeterminationInfringing || c.Penalty.Tier != workflow.TierUnder10 || c.BondSource != ipr.BondGuarantee {
			t.Errorf("closed case: got %s, tier %q, bond %q; want infringing, under_10, on the guarantee", c.Determination, c.Penalty.Tier, c.BondSource)
		}

		// The detained case's bond is drawn on Northwind's ¥300,000 guarantee.
		detained := cases["YW-2025-000003"]
		g := guarantee(t, s, detained.HolderOrgID)
		if detained.BondSource != ipr.BondGuarantee || detained.BondAmount != workflow.Yuan(80_000) ||
			g.Amount != workflow.Yuan(300_000) || g.Held != workflow.Yuan(80_000) {
			t.Errorf("detained: got bond %s %q, guarantee %s with %s held; want 80000.00 drawn on 300000.00",
				detained.BondAmount, detained.BondSource, g.Amount, g.Held)
		}

		// The overdue case's reply ran out: it leads the overdue list.
		overdue := detail(t, s, officerEmail, cases["YW-2025-000002"].ID)
		if reply := deadline(t, overdue, "holder_reply"); reply.WorkingDaysLeft >= 0 || !reply.DueAt.Before(start) {
			t.Errorf("overdue: got holder_reply due %s, %d working days left; want past due", reply.DueAt, reply.WorkingDaysLeft)
		}
		late, _, err := s.Cases(ctx, user(t, s, officerEmail), ipr.CaseFilter{OverdueAt: start})
		if err != nil || len(late) != 1 || late[0].Ref != "YW-2025-000002" {
			t.Errorf("overdue list: got %d, %v; want YW-2025-000002 only", len(late), err)
		}

		// Northwind's answer is awaited on three items, before the reply deadline.
		waiting := detail(t, s, holderEmail, cases["HZP-2025-000001"].ID)
		if len(waiting.Identifications) != 1 {
			t.Fatalf("identification: got %d requests, want 1", len(waiting.Identifications))
		}
		r, reply := waiting.Identifications[0], deadline(t, waiting, "holder_reply")
		if r.Answered() || len(r.ItemIDs) != 3 || !r.Due.Equal(reply.DueAt) || !r.Due.After(start) {
			t.Errorf("identification: got answered %v, %d items, due %s; want 3 items awaited until %s",
				r.Answered(), len(r.ItemIDs), r.Due, reply.DueAt)
		}
	})
}

// A holder sees its own demo cases only; an agent those of the client it names.
func TestDemoCasesScope(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		tests := []struct {
			email string
			want  int
		}{
			{holderEmail, northwindCases},
			{"brand@voltis.example", 5}, // 2 and 3 transfer cases
			{"brand@aurelia.example", 1},
			{"brand@medora.example", 0},
		}
		for _, tt := range tests {
			u := user(t, s, tt.email)
			list, total, err := s.Cases(ctx, u, ipr.CaseFilter{HolderOrgID: user(t, s, holderEmail).OrgID})
			if err != nil || int(total) != tt.want || len(list) != tt.want {
				t.Errorf("%s: got %d cases, %v; want %d", tt.email, total, err, tt.want)
			}
			for _, c := range list {
				if c.HolderOrgID != u.OrgID {
					t.Errorf("%s: got %s of holder %d, want only its own", tt.email, c.Ref, c.HolderOrgID)
				}
			}
		}
		theirs := allCases(t, s, user(t, s, holderEmail))
		if _, err := s.CaseDetail(ctx, user(t, s, "brand@aurelia.example"), theirs["YW-2025-000003"].ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("another holder's demo case: got %v, want not found", err)
		}
	})
}

// Loading the demo again works no case twice.
func TestDemoCasesLoadTwice(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		clock.Advance(3 * 24 * time.Hour) // a later start of the server
		before := count(t, s).events
		report, err := s.LoadDemo(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if report.Created != 0 || count(t, s).events != before {
			t.Errorf("second load: got %d created, %d audit events more; want none", report.Created, count(t, s).events-before)
		}
		if got := len(allCases(t, s, user(t, s, supervisorEmail))); got != demoCaseCount {
			t.Errorf("second load: got %d cases, want %d", got, demoCaseCount)
		}
	})
}
