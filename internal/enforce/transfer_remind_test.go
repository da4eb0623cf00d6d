package enforce_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// orgNotices lists the kinds of the in-app notices of org about transfer id.
func orgNotices(t *testing.T, s *enforce.Service, org, id int64) []string {
	t.Helper()
	var list []*ipr.Notification
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		list, err = tx.Notifications(t.Context(), []int64{org}, 500)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, n := range list {
		if n.ObjectType == "transfer" && n.ObjectID == id {
			kinds = append(kinds, n.Kind)
		}
	}
	return kinds
}

// waitNotice waits until org has a notice of kind about transfer id.
func waitNotice(t *testing.T, s *enforce.Service, org, id int64, kind string) {
	t.Helper()
	waitUntil(t, "notice "+kind, func() bool {
		for _, k := range orgNotices(t, s, org, id) {
			if k == kind {
				return true
			}
		}
		return false
	})
}

func TestTransferRemindersRunThroughTheQueue(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		mailer := startMailbox(t)
		startJobs(t, s, mailer, enforce.NotifyConfig{Email: true})
		ctx := t.Context()
		supervisors, police := user(t, s, supervisorEmail).OrgID, user(t, s, policeEmail)
		officer := user(t, s, officerEmail)

		c := transferCase(t, s, 1, workflow.Yuan(60_000))
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "notify_holder"})
		c, err := s.PostBond(ctx, user(t, s, holderEmail), c.ID, c.Version, true)
		if err != nil {
			t.Fatal(err)
		}
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "investigate"})
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "determine", Determination: workflow.DetInfringing})
		tr, err := s.ProposeTransfer(ctx, officer, c.ID, enforce.TransferInput{PoliceOrgID: police.OrgID})
		if err != nil {
			t.Fatal(err)
		}

		// Half way (2025: long past by the wall clock), the head of office is reminded; the expiry waits.
		waitNotice(t, s, supervisors, tr.ID, enforce.ReminderTransferHalf+".approval")
		if kinds := orgNotices(t, s, supervisors, tr.ID); len(kinds) != 1 {
			t.Errorf("before the approval is due: got notices %v, want the half-way one only", kinds)
		}

		// The approval runs out: a notice, and an e-mail to a supervisor of the office.
		clock.Advance(tr.ApprovalDue.Sub(clock.Now()) + time.Minute)
		waitNotice(t, s, supervisors, tr.ID, enforce.ReminderTransferExpiry+".approval")
		msg := mailer.waitForSubject(t, supervisorEmail, "Transfer of case "+c.Ref)
		for _, want := range []string{"the approval deadline ran out", "审批期限已届满"} {
			if !strings.Contains(msg.subject, want) {
				t.Errorf("got subject %q, want it to contain %q", msg.subject, want)
			}
		}
		if !strings.Contains(msg.body, "the head of office has not decided") {
			t.Errorf("got body %q, want who is late", msg.body)
		}

		// Approved and sent: the police unit is reminded of its decision, then the supervisors escalated to.
		tr = move(t, s, supervisorEmail, tr, "approve", "")
		tr = move(t, s, officerEmail, tr, "send", "")
		waitNotice(t, s, police.OrgID, tr.ID, enforce.ReminderTransferHalf+".police_decision")
		clock.Advance(tr.PoliceDue.Sub(clock.Now()) + time.Minute)
		waitNotice(t, s, police.OrgID, tr.ID, enforce.ReminderTransferExpiry+".police_decision")
		waitNotice(t, s, supervisors, tr.ID, "transfer.clock.escalation.police_decision")
		mailer.waitForSubject(t, supervisorEmail, "the police decision deadline ran out")
		// The police unit and the supervisors read theirs among their notifications.
		for _, who := range []*ipr.User{police, user(t, s, supervisorEmail)} {
			list, err := s.Notifications(ctx, who)
			if err != nil || !slices.ContainsFunc(list, func(n *ipr.Notification) bool {
				return n.ObjectType == "transfer" && n.ObjectID == tr.ID
			}) {
				t.Errorf("Notifications as %s: got %d, %v; want the transfer's reminders", who.Email, len(list), err)
			}
		}

		// The sending clock was met in time: it left no notice for the office.
		yiwu := officer.OrgID
		if kinds := orgNotices(t, s, yiwu, tr.ID); len(kinds) != 0 {
			t.Errorf("sending on time: got notices %v for the office, want none", kinds)
		}
	})
}

// Without a job queue nothing is scheduled, and the procedure runs as before.
func TestTransferRemindersWithoutQueue(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		c := transferCase(t, s, 1, workflow.Yuan(60_000))
		_, err := s.ProposeTransfer(t.Context(), user(t, s, officerEmail), c.ID,
			enforce.TransferInput{PoliceOrgID: user(t, s, policeEmail).OrgID})
		if err != nil {
			t.Fatalf("ProposeTransfer without a queue: %v", err)
		}
	})
}
