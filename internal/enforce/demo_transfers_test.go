package enforce_test

import (
	"slices"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// demoTransfersOf lists the demo's transfers as a supervisor sees them.
func demoTransfersOf(t *testing.T, s *enforce.Service) []*ipr.Transfer {
	t.Helper()
	list, _, err := s.Transfers(t.Context(), user(t, s, supervisorEmail), ipr.TransferFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestDemoTransfers(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		police := user(t, s, policeEmail)
		list := demoTransfersOf(t, s)
		if len(list) != demoTransferCount {
			t.Fatalf("got %d demo transfers, want %d", len(list), demoTransferCount)
		}
		states := map[ipr.TransferState]int{}
		overdue := map[string]int{} // running clocks past due, by clock
		outcomes, resubmitted := 0, 0
		for _, tr := range list {
			states[tr.State]++
			if tr.State == ipr.TransferAccepted { // a list leaves the outcomes out
				outcomes += len(view(t, s, supervisorEmail, tr.ID).Transfer.Outcomes)
			}
			if tr.PoliceOrgID != police.OrgID || !tr.ProposedAt.Before(start) {
				t.Errorf("%s: got police unit %d, proposed %s; want %d, before %s", tr.CaseRef, tr.PoliceOrgID, tr.ProposedAt, police.OrgID, start)
			}
			if tr.SentAt.After(tr.FirstSentAt) {
				resubmitted++
			}
			for _, c := range tr.Clocks(start) {
				if c.Overdue && c.MetAt.IsZero() {
					overdue[c.Name]++
				}
			}
		}
		wantStates := map[ipr.TransferState]int{ipr.TransferProposed: 1, ipr.TransferApproved: 1, ipr.TransferSent: 2,
			ipr.TransferReturned: 1, ipr.TransferMoreEvidence: 1, ipr.TransferAccepted: 2, ipr.TransferRejected: 1}
		for st, n := range wantStates {
			if states[st] != n {
				t.Errorf("state %s: got %d transfers, want %d", st, states[st], n)
			}
		}
		wantOverdue := map[string]int{"approval": 1, "sending": 1, "police_decision": 1}
		for name, n := range wantOverdue {
			if overdue[name] != n {
				t.Errorf("overdue %s: got %d running late, want %d", name, overdue[name], n)
			}
		}
		if outcomes != 2 || resubmitted != 1 {
			t.Errorf("got %d outcomes and %d resubmitted, want 2 and 1", outcomes, resubmitted)
		}

		st, err := s.TransferStats(t.Context(), user(t, s, supervisorEmail), start.Add(-90*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Units) != 1 || len(st.Offices) != 3 {
			t.Fatalf("got %d units and %d offices, want 1 and 3", len(st.Units), len(st.Offices))
		}
		u := st.Units[0]
		wantSpreads := []struct {
			name string
			got  enforce.Spread
			want enforce.Spread
		}{
			{"proposal to approval", u.ProposalToApproval, enforce.Spread{N: 7, Median: 1.5, P90: 3.3}},
			{"approval to sending", u.ApprovalToSending, enforce.Spread{N: 6, Median: 0.4, P90: 1.2}},
			{"sending to acceptance", u.SendingToAcceptance, enforce.Spread{N: 2, Median: 1.9, P90: 2.62}},
		}
		for _, w := range wantSpreads {
			if w.got != w.want {
				t.Errorf("%s: got %+v, want %+v", w.name, w.got, w.want)
			}
		}
		var late int
		for _, w := range st.Waiting {
			if w.Overdue {
				late++
			}
		}
		if len(st.Waiting) != 6 || late != 3 {
			t.Errorf("waiting: got %d, %d overdue; want 6, 3 overdue", len(st.Waiting), late)
		}
	})
}

// Loading the demo again makes no transfer twice.
func TestDemoTransfersLoadTwice(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		clock.Advance(24 * time.Hour)
		before := count(t, s).events
		ids := func() []int64 {
			var out []int64
			for _, tr := range demoTransfersOf(t, s) {
				out = append(out, tr.ID)
			}
			return out
		}
		first := ids()
		if _, err := s.LoadDemo(t.Context()); err != nil {
			t.Fatal(err)
		}
		if got := ids(); !slices.Equal(got, first) || count(t, s).events != before {
			t.Errorf("second load: got transfers %v and %d audit events more, want %v and none", got, count(t, s).events-before, first)
		}
	})
}
