package enforce

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// holderEvents are the workflow events the right holder (or its agent) sends,
// with the permission each needs; every other event is an officer's.
var holderEvents = map[string]ipr.Action{
	"apply":     ipr.ActionPostBond, // CN: the application completes with the bond
	"post_bond": ipr.ActionPostBond,
	"decline":   ipr.ActionAnswerIdentification,
	"confirm":   ipr.ActionAnswerIdentification, // EU: the holder confirms infringement
	"withdraw":  ipr.ActionAnswerIdentification,
}

// bondEvents complete when the holder posts the CN bond: PostBond sends them.
var bondEvents = []string{"apply", "post_bond"}

// mayDo checks that actor may send event kind to c.
func mayDo(actor *ipr.User, c *ipr.Case, kind string) error {
	switch kind {
	case workflow.EvDeadlineExpired:
		if isSystem(actor) {
			return nil
		}
		return ipr.Errorf(ipr.EFORBIDDEN, "%s is sent by the deadline job only", kind)
	case workflow.EvConfirmDefault, workflow.EvCancelDefault:
		return ipr.Authorize(actor, ipr.ActionApproveCase, c.Resource())
	}
	if action, ok := holderEvents[kind]; ok {
		return ipr.Authorize(actor, action, c.Resource())
	}
	return ipr.Authorize(actor, ipr.ActionActCase, c.Resource())
}

// ActOnCase sends ev to case id, provided it is still at expectedVersion: the
// workflow decides the next state, then deadlines, reminders, notices and the
// timeline follow in the same transaction, with one audit event "case.<event>".
func (s *Service) ActOnCase(ctx context.Context, actor *ipr.User, id int64, expectedVersion int, ev workflow.Event) (*ipr.Case, error) {
	var out *ipr.Case
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		c, err := loadCase(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := mayDo(actor, c, ev.Kind); err != nil {
			return err
		}
		if c.Profile == ipr.ProfileCN && slices.Contains(bondEvents, ev.Kind) {
			return &ipr.Error{Code: ipr.EINVALID, Message: "post the bond to " + ev.Kind,
				Fields: map[string]string{"event": "is sent by posting the bond"}}
		}
		out, err = s.act(ctx, tx, actor, c, expectedVersion, ev, "")
		return err
	})
	return out, err
}

// act runs ev on c and saves it at expectedVersion; note adds to the timeline entry.
func (s *Service) act(ctx context.Context, tx *store.Tx, actor *ipr.User, c *ipr.Case, expectedVersion int, ev workflow.Event, note string) (*ipr.Case, error) {
	if c.Version != expectedVersion {
		return nil, tx.UpdateCase(ctx, c, expectedVersion) // refused: the store names the stale version
	}
	st, err := s.caseTransition(ctx, tx, c, ev)
	if err != nil {
		return nil, err
	}
	st.note = strings.TrimSpace(strings.Join([]string{st.note, note}, " "))
	if err := tx.UpdateCase(ctx, c, expectedVersion); err != nil {
		return nil, err
	}
	return c, s.carryOut(ctx, tx, actor, c, st)
}

// step is one workflow transition of a case, computed and not yet carried out.
type step struct {
	ev      workflow.Event
	before  workflow.Case
	next    workflow.Case
	effects []workflow.Effect
	note    string
}

// caseTransition runs ev on c's workflow snapshot and records the outcome in c.
func (s *Service) caseTransition(ctx context.Context, tx *store.Tx, c *ipr.Case, ev workflow.Event) (*step, error) {
	var deadlines []*ipr.Deadline
	var events []ipr.CaseEvent
	if c.ID != 0 {
		var err error
		if deadlines, err = tx.Deadlines(ctx, c.ID); err != nil {
			return nil, err
		}
		if events, err = tx.CaseEvents(ctx, c.ID); err != nil {
			return nil, err
		}
	}
	now := s.Clock.Now()
	before := toWorkflow(c, deadlines, events)
	next, effects, err := workflow.Transition(before, ev, now)
	if err != nil {
		return nil, err
	}
	if err := lateAnswer(c, ev, effects, deadlines, now); err != nil {
		return nil, err
	}
	c.State = string(next.State)
	c.Determination = determinationOf(next.Determination)
	c.Penalty = ipr.Penalty{Fine: next.Penalty.Fine, Tier: next.Penalty.Tier, Reason: next.Penalty.Reason}
	if next.Bond > 0 {
		c.BondAmount = next.Bond
	}
	if next.State.Final() && c.ClosedAt.IsZero() {
		c.ClosedAt = now
	}
	return &step{ev: ev, before: before, next: next, effects: effects, note: eventNote(ev)}, nil
}

// lateAnswer refuses a holder's answer to a clock that has run out: once the
// holder's time is up, only the legal default (confirmed by a supervisor)
// may follow, even before the expiry job has run.
func lateAnswer(c *ipr.Case, ev workflow.Event, effects []workflow.Effect, deadlines []*ipr.Deadline, now time.Time) error {
	if _, ok := holderEvents[ev.Kind]; !ok {
		return nil
	}
	for _, ef := range effects {
		stop, ok := ef.(workflow.StopClock)
		if !ok {
			continue
		}
		for _, d := range deadlines {
			if d.Name == stop.Name && d.State == ipr.DeadlineRunning && !now.Before(d.DueAt) {
				return &ipr.Error{Code: ipr.ECONFLICT, Message: fmt.Sprintf("the time for %s ran out on %s", ev.Kind, d.DueDate),
					Fields: map[string]string{"event": fmt.Sprintf("%s was due by %s (%s); the legal default awaits a supervisor",
						ev.Kind, d.DueDate, c.Profile.Location())}}
			}
		}
	}
	return nil
}

// carryOut does what a saved transition asks: clocks, notices, the bond's
// release at the end, the timeline entry, e-mail and webhooks (case_notify.go)
// and the audit event.
func (s *Service) carryOut(ctx context.Context, tx *store.Tx, actor *ipr.User, c *ipr.Case, st *step) error {
	for _, ef := range st.effects {
		if err := s.effect(ctx, tx, c, st, ef); err != nil {
			return err
		}
	}
	if st.ev.Kind == workflow.EvCancelDefault { // the clock runs on; its deadline is open again
		if err := s.setDeadlineState(ctx, tx, c.ID, st.before.Pending.Clock, ipr.DeadlineRunning); err != nil {
			return err
		}
	}
	if st.next.State.Final() {
		released, err := tx.ReleaseGuarantee(ctx, c.ID, actor.ID, s.Clock.Now())
		if err != nil {
			return err
		}
		if released > 0 {
			st.note = strings.TrimSpace(st.note + " bond " + released.String() + " released to the guarantee")
		}
	}
	from := string(st.before.State)
	if from == "" {
		from = "new"
	}
	if err := tx.AddCaseEvent(ctx, &ipr.CaseEvent{CaseID: c.ID, At: s.Clock.Now(), ActorID: actor.ID,
		Kind: st.ev.Kind, FromState: from, ToState: c.State, Note: st.note}); err != nil {
		return err
	}
	if err := s.notifyTransition(ctx, tx, c, st); err != nil {
		return err
	}
	if err := s.refreshSentDossiers(ctx, tx, actor, c.ID); err != nil { // the determination, the state
		return err
	}
	return s.audit(ctx, tx, actor, change{Action: "case." + st.ev.Kind, ObjectType: "case", ObjectID: c.ID,
		ObjectOrg: c.HolderOrgID, Before: from, After: strings.TrimSpace(c.Ref + " " + c.State + " " + st.note)})
}

func (s *Service) effect(ctx context.Context, tx *store.Tx, c *ipr.Case, st *step, ef workflow.Effect) error {
	switch x := ef.(type) {
	case workflow.StartClock:
		return s.startClock(ctx, tx, c, x)
	case workflow.StopClock:
		state := ipr.DeadlineMet
		switch {
		case st.ev.Kind == workflow.EvDeadlineExpired:
			state = ipr.DeadlineExpired // ran out with no legal default: overdue
		case st.ev.Kind == workflow.EvConfirmDefault && x.Name == st.before.Pending.Clock:
			state = ipr.DeadlineConfirmed
		}
		return s.setDeadlineState(ctx, tx, c.ID, x.Name, state)
	case workflow.ExtendClock:
		return s.extendClock(ctx, tx, c, x)
	case workflow.AwaitSupervisor:
		st.note = x.Clock + pendingSep + x.Default.Kind
		return s.setDeadlineState(ctx, tx, c.ID, x.Clock, ipr.DeadlineDefaultPending)
	case workflow.Notify:
		if x.Party != workflow.Holder {
			return nil // other parties are written to outside Bordermark
		}
		_, err := tx.CreateNotification(ctx, &ipr.Notification{OrgID: c.HolderOrgID, Kind: "case." + x.Document,
			ObjectType: "case", ObjectID: c.ID, Text: fmt.Sprintf("Case %s: %s (%s).", c.Ref,
				strings.ReplaceAll(x.Document, "_", " "), c.State),
			Args: c.Ref + "|" + c.State, DueOn: ipr.DateOf(s.Clock.Now(), c.Profile.Location()), CreatedAt: s.Clock.Now()})
		return err
	}
	return nil // HoldBond: PostBond recorded the bond on the case
}

// pendingSep joins the clock and the legal default in the note of a
// deadline_expired timeline entry, from which the pending default is read back.
const pendingSep = " → "

// eventNote is what the timeline keeps of an event's data.
func eventNote(ev workflow.Event) string {
	var parts []string
	if ev.Determination != "" {
		parts = append(parts, ev.Determination)
	}
	if ev.Amount != 0 {
		parts = append(parts, ev.Amount.String())
	}
	if r := strings.TrimSpace(ev.Reason); r != "" {
		parts = append(parts, r)
	}
	return strings.Join(parts, "; ")
}
