package enforce_test

import (
	"context"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// TestTransferStatsWaitingBeyondOldLimit: the waiting list comes from every
// transfer, however many there are, longest wait first. 501 finished transfers
// proposed before the waiting ones used to fill the 500 the list looked at.
func TestTransferStatsWaitingBeyondOldLimit(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		c := transferCase(t, s, 1, workflow.Yuan(60_000))
		police := user(t, s, policeEmail)
		base := ipr.Transfer{CaseID: c.ID, PoliceOrgID: police.OrgID, Reasons: "repeat consignee", ProposedBy: 1}
		long := start.AddDate(-2, 0, 0)
		// Proposed first and sent long after: it waits less than proposedLater.
		sentLate, proposedLater := base, base
		sentLate.State, sentLate.ProposedAt = ipr.TransferProposed, start.Add(-10*24*time.Hour)
		proposedLater.State, proposedLater.ProposedAt = ipr.TransferProposed, start.Add(-5*24*time.Hour)
		err := db.Update(t.Context(), func(tx *store.Tx) error {
			ctx := context.Background()
			for i := range 501 {
				done := base
				done.State, done.ProposedAt = ipr.TransferAccepted, long.Add(time.Duration(i)*time.Minute)
				if err := tx.CreateTransfer(ctx, &done); err != nil {
					return err
				}
			}
			for _, tr := range []*ipr.Transfer{&sentLate, &proposedLater} {
				tr.ApprovalDue = tr.ProposedAt.Add(ipr.TransferApprovalPeriod)
				if err := tx.CreateTransfer(ctx, tr); err != nil {
					return err
				}
			}
			sentLate.State, sentLate.DecidedAt = ipr.TransferSent, start.Add(-3*24*time.Hour)
			sentLate.FirstSentAt, sentLate.SentAt = start.Add(-24*time.Hour), start.Add(-24*time.Hour)
			sentLate.PoliceDue = sentLate.SentAt.Add(ipr.TransferDecisionPeriod)
			return tx.UpdateTransfer(ctx, &sentLate, 1)
		})
		if err != nil {
			t.Fatal(err)
		}

		st := stats(t, s)
		var mine []int64
		for i, w := range st.Waiting {
			if i > 0 && w.Since.Before(st.Waiting[i-1].Since) {
				t.Errorf("waiting %d: since %s before the one above (%s): not longest first", i, w.Since, st.Waiting[i-1].Since)
			}
			if w.Transfer.CaseID == c.ID {
				mine = append(mine, w.Transfer.ID)
			}
		}
		if len(mine) != 2 || mine[0] != proposedLater.ID || mine[1] != sentLate.ID {
			t.Fatalf("the case's waiting transfers: got %v, want [%d %d] (waiting since 5 days, then since 1 day)",
				mine, proposedLater.ID, sentLate.ID)
		}
		if st.WaitingTotal != int64(len(st.Waiting)) || st.WaitingTotal < 2 {
			t.Errorf("got %d waiting in all and %d listed, want the same, at least 2", st.WaitingTotal, len(st.Waiting))
		}
	})
}
