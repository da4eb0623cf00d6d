package enforce_test

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/notify"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// qingming is Wednesday 2 April 2025, 09:00 in Yiwu: the next three CN working
// days skip the Qingming holiday (4-6 April), so the holder must reply by Tuesday 8 April.
var qingming = time.Date(2025, 4, 2, 1, 0, 0, 0, time.UTC)

// caseAt moves the clock on to at and opens a CN ex officio case for the demo holder.
func caseAt(t *testing.T, s *enforce.Service, clock *ipr.FixedClock, at time.Time) *ipr.Case {
	t.Helper()
	clock.Advance(at.Sub(clock.Now()))
	holder := user(t, s, holderEmail)
	c, err := s.OpenCase(t.Context(), user(t, s, officerEmail), enforce.CaseInput{Profile: ipr.ProfileCN,
		Mode: ipr.ModeExOfficio, Office: "Yiwu Customs", HolderOrgID: holder.OrgID, Channel: "postal",
		GoodsValue: workflow.Yuan(100_000), Items: []ipr.CaseItem{
			{Description: "hoodies with the Northwind logo", Quantity: 200, DeclaredValue: workflow.Yuan(60_000)},
			{Description: "caps with the Northwind logo", Quantity: 400, DeclaredValue: workflow.Yuan(40_000)}}})
	if err != nil {
		t.Fatalf("OpenCase: %v", err)
	}
	return c
}

// act sends ev as the user with email and fails the test on error.
func act(t *testing.T, s *enforce.Service, email string, c *ipr.Case, ev workflow.Event) *ipr.Case {
	t.Helper()
	next, err := s.ActOnCase(t.Context(), user(t, s, email), c.ID, c.Version, ev)
	if err != nil {
		t.Fatalf("%s by %s: %v", ev.Kind, email, err)
	}
	return next
}

func detail(t *testing.T, s *enforce.Service, email string, id int64) *enforce.CaseDetail {
	t.Helper()
	d, err := s.CaseDetail(t.Context(), user(t, s, email), id)
	if err != nil {
		t.Fatalf("CaseDetail as %s: %v", email, err)
	}
	return d
}

func deadline(t *testing.T, d *enforce.CaseDetail, name string) enforce.DeadlineView {
	t.Helper()
	for _, x := range d.Deadlines {
		if x.Name == name {
			return x
		}
	}
	t.Fatalf("no deadline %s in %v", name, d.Deadlines)
	return enforce.DeadlineView{}
}

// oneAudit runs step and checks it wrote exactly one audit event, of action.
func oneAudit(t *testing.T, s *enforce.Service, action string, step func()) {
	t.Helper()
	before := count(t, s).events
	step()
	if got := count(t, s).events - before; got != 1 {
		t.Fatalf("%s: got %d audit events, want 1", action, got)
	}
	if got := lastEvent(t, s).Action; got != action {
		t.Fatalf("got audit action %q, want %q", got, action)
	}
}

func TestCaseExOfficioPath(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		holder := user(t, s, holderEmail)
		held := guarantee(t, s, holder.OrgID).Held // the demo's ¥300,000 guarantee, partly drawn by its cases
		var c *ipr.Case
		var err error
		oneAudit(t, s, "case.open", func() { c = caseAt(t, s, clock, qingming) })
		if c.State != "suspected" || c.Ref != "CN-2025-000001" || c.Version != 1 {
			t.Fatalf("opened: got %s %s v%d, want CN-2025-000001 suspected v1", c.Ref, c.State, c.Version)
		}
		oneAudit(t, s, "case.notify_holder", func() { c = act(t, s, officerEmail, c, workflow.Event{Kind: "notify_holder"}) })
		d := detail(t, s, officerEmail, c.ID)
		reply := deadline(t, d, "holder_reply")
		wantDue := time.Date(2025, 4, 8, 16, 0, 0, 0, time.UTC) // 9 April 00:00 in Shanghai
		if reply.DueDate != ipr.NewDate(2025, 4, 8) || !reply.DueAt.Equal(wantDue) || reply.Provisional ||
			reply.WorkingDaysLeft != 3 || reply.State != ipr.DeadlineRunning {
			t.Fatalf("holder_reply: got %s at %s provisional %v, %d days left, %s; want 2025-04-08 at %s, 3 days, running",
				reply.DueDate, reply.DueAt, reply.Provisional, reply.WorkingDaysLeft, reply.State, wantDue)
		}
		if !strings.Contains(reply.CalendarVersion, "CN-2025") {
			t.Errorf("got calendar version %q, want the CN 2025 calendar", reply.CalendarVersion)
		}

		var req *ipr.IdentificationRequest
		oneAudit(t, s, "identification.request", func() {
			req, err = s.RequestIdentification(ctx, user(t, s, officerEmail), c.ID, []int64{d.Items[0].ID, d.Items[1].ID}, "logos look off")
			if err != nil {
				t.Fatal(err)
			}
		})
		if !req.Due.Equal(wantDue) {
			t.Errorf("got identification due %s, want the holder_reply deadline %s", req.Due, wantDue)
		}
		clock.Advance(5 * time.Hour)
		oneAudit(t, s, "identification.answer", func() {
			req, err = s.AnswerIdentification(ctx, holder, req.ID, []ipr.IdentificationAnswer{
				{ItemID: d.Items[0].ID, Verdict: ipr.VerdictCounterfeit, Points: []string{"stitching of the logo"}},
				{ItemID: d.Items[1].ID, Verdict: ipr.VerdictCounterfeit, Points: []string{"no hologram tag"}}})
			if err != nil {
				t.Fatal(err)
			}
		})
		if !req.Answered() || len(req.Answers) != 2 {
			t.Fatalf("got answered %v with %d answers, want 2", req.Answered(), len(req.Answers))
		}

		oneAudit(t, s, "case.apply", func() {
			c, err = s.PostBond(ctx, holder, c.ID, c.Version, true)
			if err != nil {
				t.Fatal(err)
			}
		})
		if c.State != "detained" || c.BondAmount != workflow.Yuan(50_000) || c.BondSource != ipr.BondGuarantee {
			t.Fatalf("after the bond: got %s, bond %s from %q; want detained, 50000.00 from the guarantee",
				c.State, c.BondAmount, c.BondSource)
		}
		if g := guarantee(t, s, holder.OrgID); g.Held != held+workflow.Yuan(50_000) {
			t.Fatalf("got %s held on the guarantee, want 50000.00 more than %s", g.Held, held)
		}
		d = detail(t, s, officerEmail, c.ID)
		if got := deadline(t, d, "holder_reply").State; got != ipr.DeadlineMet {
			t.Errorf("holder_reply: got %s, want met", got)
		}
		if got := deadline(t, d, "investigation").State; got != ipr.DeadlineRunning {
			t.Errorf("investigation: got %s, want running", got)
		}

		steps := []struct {
			email string
			ev    workflow.Event
			state string
		}{
			{officerEmail, workflow.Event{Kind: "investigate"}, "investigating"},
			{officerEmail, workflow.Event{Kind: "determine", Determination: workflow.DetInfringing}, "infringing"},
			{officerEmail, workflow.Event{Kind: "penalise", Amount: workflow.Yuan(5_000), Reason: "first offence"}, "penalised"},
			{supervisorEmail, workflow.Event{Kind: "close"}, "closed"},
		}
		for _, st := range steps {
			oneAudit(t, s, "case."+st.ev.Kind, func() { c = act(t, s, st.email, c, st.ev) })
			if c.State != st.state {
				t.Fatalf("%s: got state %s, want %s", st.ev.Kind, c.State, st.state)
			}
		}
		if c.Determination != ipr.DeterminationInfringing || c.Penalty.Tier != workflow.TierUnder10 || c.ClosedAt.IsZero() {
			t.Errorf("closed: got %s, tier %q, closed %v; want infringing, under_10, closed", c.Determination, c.Penalty.Tier, c.ClosedAt)
		}
		if g := guarantee(t, s, holder.OrgID); g.Held != held {
			t.Errorf("got %s held after closing, want the %s held before", g.Held, held)
		}
		d = detail(t, s, holderEmail, c.ID)
		if len(d.Allowed) != 0 || len(d.Events) != 9 {
			t.Errorf("closed: got allowed %v and %d timeline entries, want none and 9", d.Allowed, len(d.Events))
		}
	})
}

func guarantee(t *testing.T, s *enforce.Service, org int64) *ipr.Guarantee {
	t.Helper()
	var g *ipr.Guarantee
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		g, err = tx.GuaranteeFor(t.Context(), org, 2025)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestCaseOtherHolder(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		c := caseAt(t, s, clock, qingming)
		other := user(t, s, "brand@aurelia.example")
		if _, err := s.CaseDetail(ctx, other, c.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("CaseDetail by another holder: got %v, want not found", err)
		}
		if _, err := s.ActOnCase(ctx, other, c.ID, c.Version, workflow.Event{Kind: "decline"}); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("ActOnCase by another holder: got %v, want not found", err)
		}
		if _, err := s.PostBond(ctx, other, c.ID, c.Version, false); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("PostBond by another holder: got %v, want not found", err)
		}
		notOwn := func(x *ipr.Case) bool { return x.HolderOrgID != other.OrgID }
		if list, _, err := s.Cases(ctx, other, ipr.CaseFilter{HolderOrgID: c.HolderOrgID}); err != nil || slices.ContainsFunc(list, notOwn) {
			t.Errorf("Cases of another holder: got %d, %v, want only its own demo case", len(list), err)
		}
		isC := func(x *ipr.Case) bool { return x.ID == c.ID }
		if list, total, err := s.Cases(ctx, user(t, s, holderEmail), ipr.CaseFilter{}); err != nil || total != northwindCases+1 || !slices.ContainsFunc(list, isC) {
			t.Errorf("Cases of the holder: got %d, %v, want its case and its %d demo cases", total, err, northwindCases)
		}
		_, err := s.ActOnCase(ctx, user(t, s, holderEmail), c.ID, c.Version, workflow.Event{Kind: "notify_holder"})
		wantError(t, err, ipr.EFORBIDDEN, "")
		if got := detail(t, s, holderEmail, c.ID).Allowed; len(got) != 0 {
			t.Errorf("holder in state suspected: got allowed %v, want none", got)
		}
		if got := detail(t, s, officerEmail, c.ID).Allowed; !slices.Equal(got, []string{"notify_holder", "dismiss"}) {
			t.Errorf("officer in state suspected: got allowed %v, want notify_holder, dismiss", got)
		}
	})
}

func TestCaseConflicts(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		c := caseAt(t, s, clock, qingming)
		before := count(t, s).events
		_, err := s.ActOnCase(ctx, user(t, s, officerEmail), c.ID, c.Version, workflow.Event{Kind: "close"})
		wantError(t, err, ipr.ECONFLICT, "")
		if !strings.Contains(ipr.ErrorMessage(err), "suspected") {
			t.Errorf("got %q, want the state named", ipr.ErrorMessage(err))
		}
		_, err = s.ActOnCase(ctx, user(t, s, officerEmail), c.ID, c.Version+1, workflow.Event{Kind: "notify_holder"})
		wantError(t, err, ipr.ECONFLICT, "version")
		if got := count(t, s).events; got != before {
			t.Errorf("refused events wrote %d audit events, want 0", got-before)
		}

		officers := []*ipr.User{user(t, s, officerEmail), user(t, s, "officer@postal.customs.example")}
		errs := make([]error, len(officers))
		var wg sync.WaitGroup
		for i, u := range officers {
			wg.Go(func() {
				_, errs[i] = s.ActOnCase(ctx, u, c.ID, c.Version, workflow.Event{Kind: "notify_holder"})
			})
		}
		wg.Wait()
		won, conflicts := 0, 0
		for _, err := range errs {
			switch ipr.ErrorCode(err) {
			case "":
				won++
			case ipr.ECONFLICT:
				conflicts++
			default:
				t.Errorf("concurrent act: got %v", err)
			}
		}
		if won != 1 || conflicts != 1 {
			t.Errorf("concurrent act: got %d won, %d conflicts; want 1 and 1", won, conflicts)
		}
	})
}

func TestCaseExpiryAwaitsSupervisor(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		c := caseAt(t, s, clock, qingming)
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "notify_holder"})
		reply := deadline(t, detail(t, s, officerEmail, c.ID), "holder_reply")
		remind := func(name string) notify.Reminder {
			return notify.Reminder{Name: name, OrgID: c.HolderOrgID, ObjectType: "case", ObjectID: c.ID,
				DueAt: reply.DueAt, Data: map[string]string{"clock": "holder_reply"}}
		}

		for range 2 { // a retried job leaves one notice
			if err := s.HandleReminder(ctx, remind(enforce.ReminderDeadlineSoon)); err != nil {
				t.Fatal(err)
			}
		}
		notes, err := s.Notifications(ctx, user(t, s, holderEmail))
		if err != nil {
			t.Fatal(err)
		}
		soon := 0
		for _, n := range notes {
			if n.Kind == enforce.ReminderDeadlineSoon+".holder_reply" && n.ObjectID == c.ID {
				soon++
			}
		}
		if soon != 1 {
			t.Errorf("got %d due-soon notices, want 1", soon)
		}

		if err := s.HandleReminder(ctx, remind(enforce.ReminderDeadlineExpiry)); err == nil {
			t.Error("expiry before the deadline: got nil, want an error so the job retries")
		}
		clock.Advance(reply.DueAt.Sub(clock.Now()) + time.Minute)
		oneAudit(t, s, "case.deadline_expired", func() {
			if err := s.HandleReminder(ctx, remind(enforce.ReminderDeadlineExpiry)); err != nil {
				t.Fatal(err)
			}
		})
		before := count(t, s).events
		if err := s.HandleReminder(ctx, remind(enforce.ReminderDeadlineExpiry)); err != nil {
			t.Fatal(err)
		}
		if got := count(t, s).events; got != before {
			t.Errorf("expiry handled twice: got %d more audit events, want 0", got-before)
		}
		d := detail(t, s, supervisorEmail, c.ID)
		if d.Case.State != "default_pending" || deadline(t, d, "holder_reply").State != ipr.DeadlineDefaultPending {
			t.Fatalf("after expiry: got %s, holder_reply %s; want default_pending", d.Case.State, deadline(t, d, "holder_reply").State)
		}
		if left := deadline(t, d, "holder_reply").WorkingDaysLeft; left >= 0 {
			t.Errorf("overdue: got %d working days left, want fewer than 0", left)
		}
		if !slices.Contains(d.Allowed, workflow.EvConfirmDefault) {
			t.Errorf("supervisor: got allowed %v, want confirm_default", d.Allowed)
		}
		if got := detail(t, s, officerEmail, c.ID).Allowed; slices.Contains(got, workflow.EvConfirmDefault) {
			t.Errorf("officer: got allowed %v, want no confirm_default", got)
		}
		_, err = s.ActOnCase(ctx, user(t, s, officerEmail), c.ID, d.Case.Version, workflow.Event{Kind: workflow.EvConfirmDefault})
		wantError(t, err, ipr.EFORBIDDEN, "")

		c = d.Case
		oneAudit(t, s, "case.confirm_default", func() {
			c = act(t, s, supervisorEmail, c, workflow.Event{Kind: workflow.EvConfirmDefault})
		})
		d = detail(t, s, supervisorEmail, c.ID)
		if c.State != "released" || deadline(t, d, "holder_reply").State != ipr.DeadlineConfirmed {
			t.Errorf("confirmed: got %s, holder_reply %s; want released, confirmed", c.State, deadline(t, d, "holder_reply").State)
		}
	})
}

// Once the holder's reply deadline has run out, its answers are refused with
// the date, even before the expiry job has moved the case on.
func TestCaseLateAnswerRefused(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		c := act(t, s, officerEmail, caseAt(t, s, clock, qingming), workflow.Event{Kind: "notify_holder"})
		clock.Advance(time.Date(2025, 4, 8, 16, 0, 0, 0, time.UTC).Sub(clock.Now())) // midnight in Yiwu after 8 April
		before := count(t, s).events
		_, err := s.ActOnCase(t.Context(), user(t, s, holderEmail), c.ID, c.Version, workflow.Event{Kind: "decline"})
		wantError(t, err, ipr.ECONFLICT, "event")
		if !strings.Contains(ipr.ErrorMessage(err), "2025-04-08") {
			t.Errorf("got %q, want the date the time ran out", ipr.ErrorMessage(err))
		}
		_, err = s.PostBond(t.Context(), user(t, s, holderEmail), c.ID, c.Version, false)
		wantError(t, err, ipr.ECONFLICT, "event")
		if got := count(t, s).events; got != before {
			t.Errorf("refused answers wrote %d audit events, want 0", got-before)
		}
	})
}
