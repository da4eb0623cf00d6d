package enforce

import (
	"context"
	"fmt"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// RecomputeDeadlines counts a case's running deadlines again with the
// calendars in use now — after next year's official calendar is imported, a
// provisional deadline becomes a real one. A case keeps the dates it was given
// until an officer does this; each changed date is noted on the timeline with
// the calendars used, and the case's version moves on.
func (s *Service) RecomputeDeadlines(ctx context.Context, actor *ipr.User, id int64, expectedVersion int) (*ipr.Case, error) {
	var out *ipr.Case
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		c, err := loadCase(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionActCase, c.Resource()); err != nil {
			return err
		}
		deadlines, err := tx.Deadlines(ctx, id)
		if err != nil {
			return err
		}
		events, err := tx.CaseEvents(ctx, id)
		if err != nil {
			return err
		}
		var changes []string
		for _, d := range deadlines {
			change, err := s.recompute(ctx, tx, c, d, events)
			if err != nil {
				return err
			}
			if change != "" {
				changes = append(changes, change)
			}
		}
		if len(changes) == 0 {
			changes = []string{"no date changed"}
		}
		note := strings.Join(changes, "; ")
		if err := tx.UpdateCase(ctx, c, expectedVersion); err != nil {
			return err
		}
		if err := tx.AddCaseEvent(ctx, &ipr.CaseEvent{CaseID: c.ID, At: s.Clock.Now(), ActorID: actor.ID,
			Kind: "recompute", FromState: c.State, ToState: c.State, Note: note}); err != nil {
			return err
		}
		out = c
		return s.audit(ctx, tx, actor, change{Action: "case.recompute", ObjectType: "case", ObjectID: c.ID,
			ObjectOrg: c.HolderOrgID, After: note})
	})
	return out, err
}

// recompute counts one running deadline again from its start, with any
// extension granted since; it returns what changed, "" when nothing did.
func (s *Service) recompute(ctx context.Context, tx *store.Tx, c *ipr.Case, d *ipr.Deadline, events []ipr.CaseEvent) (string, error) {
	if d.State != ipr.DeadlineRunning {
		return "", nil
	}
	period, ok := clockPeriod(c, d.Name)
	if !ok {
		return "", nil // a clock the profile no longer has: leave its date alone
	}
	n, err := s.due(ctx, c, d.StartedAt, period)
	if err != nil {
		return "", err
	}
	if by, ok := extension(c, d.Name, events); ok {
		if n, err = s.due(ctx, c, n.DueAt.Add(-1), by); err != nil {
			return "", err
		}
	}
	if n.DueDate == d.DueDate && n.Provisional == d.Provisional {
		return "", nil
	}
	was := d.DueDate.String() + provisionalMark(d.Provisional)
	d.DueDate, d.DueAt, d.Provisional, d.CalendarVersion = n.DueDate, n.DueAt, n.Provisional, n.CalendarVersion
	d.RemindedSoon, d.RemindedOverdue = false, false
	if err := tx.PutDeadline(ctx, d); err != nil {
		return "", err
	}
	if err := s.scheduleReminders(ctx, tx, c, d); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s: %s → %s%s (%s)", d.Name, was, d.DueDate, provisionalMark(d.Provisional), d.CalendarVersion), nil
}

func provisionalMark(p bool) string {
	if p {
		return " provisional"
	}
	return ""
}

// clockPeriod is the legal period of a case's clock in its profile.
func clockPeriod(c *ipr.Case, name string) (workflow.Period, bool) {
	p, err := workflow.Describe(string(c.Profile))
	if err != nil {
		return workflow.Period{}, false
	}
	for _, k := range p.Clocks {
		if k.Name != name || (k.Mode != "" && k.Mode != workflow.Mode(c.Mode)) {
			continue
		}
		if c.Perishable && k.Perishable.N > 0 {
			return k.Perishable, true
		}
		return k.Period, true
	}
	return workflow.Period{}, false
}

// extension is the period a clock was extended by, when the timeline shows
// the extension was granted.
func extension(c *ipr.Case, clock string, events []ipr.CaseEvent) (workflow.Period, bool) {
	p, err := workflow.Describe(string(c.Profile))
	if err != nil {
		return workflow.Period{}, false
	}
	for _, r := range p.Transitions {
		for _, ef := range r.Effects {
			x, ok := ef.(workflow.ExtendClock)
			if !ok || x.Name != clock {
				continue
			}
			for _, e := range events {
				if e.Kind == r.Event {
					return x.By, true
				}
			}
		}
	}
	return workflow.Period{}, false
}
