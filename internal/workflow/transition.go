package workflow

import (
	"slices"
	"strings"
	"time"
)

// Transition applies e to c at now and returns the next snapshot and the effects the caller
// must carry out, in order. c itself is not changed. Errors are *ipr.Error: EINVALID for an
// unknown profile or mode or bad event data (naming the field), ECONFLICT for an event the case's
// state does not allow.
func Transition(c Case, e Event, now time.Time) (Case, []Effect, error) {
	p, err := lookup(c)
	if err != nil {
		return c, nil, err
	}
	c = c.clone()
	if c.State.Final() {
		return c, nil, notAllowed(e.Kind, c.State)
	}
	switch e.Kind {
	case EvDeadlineExpired:
		return p.expire(c, e, now)
	case EvConfirmDefault:
		return p.confirmDefault(c, now)
	case EvCancelDefault:
		return cancelDefault(c, e, now)
	}
	rows := p.rowsFor(c.State, c.Mode, e.Kind, false)
	if len(rows) == 0 {
		if len(p.rowsFor(c.State, c.Mode, e.Kind, true)) > 0 {
			return c, nil, conflict("%s applies in state %s only as a legal default, after a clock runs out and a supervisor confirms", e.Kind, c.State)
		}
		return c, nil, notAllowed(e.Kind, c.State)
	}
	return p.fire(c, e, rows, now)
}

// expire handles a clock running out. With a legal default the case waits for a supervisor in
// default_pending (the clock keeps running until the default is confirmed); without one the
// clock stops and is recorded as overdue.
func (p *profile) expire(c Case, e Event, now time.Time) (Case, []Effect, error) {
	if strings.TrimSpace(e.Clock) == "" {
		return c, nil, invalid("which clock ran out?", "clock", "is required for "+EvDeadlineExpired)
	}
	if !c.Running(e.Clock) {
		return c, nil, conflict("clock %s is not running", e.Clock)
	}
	if c.State == DefaultPending && c.Pending.Clock == e.Clock {
		return c, nil, conflict("clock %s has run out and its default awaits a supervisor", e.Clock)
	}
	c.Changed = now
	dflt := p.defaultFor(c.State, c.Mode, e.Clock)
	if dflt == "" || c.State == DefaultPending {
		// No default here, or another default already awaits the supervisor.
		c.Clocks = remove(c.Clocks, e.Clock)
		c.Overdue = append(c.Overdue, e.Clock)
		return c, []Effect{StopClock{e.Clock}}, nil
	}
	c.Pending = Pending{Clock: e.Clock, Default: Event{Kind: dflt}, From: c.State, Since: now}
	c.State = DefaultPending
	return c, []Effect{AwaitSupervisor{Clock: e.Clock, Default: Event{Kind: dflt}}}, nil
}

// confirmDefault applies the pending legal default as if its event happened in the state the
// case was in when the clock ran out.
func (p *profile) confirmDefault(c Case, now time.Time) (Case, []Effect, error) {
	if c.State != DefaultPending {
		return c, nil, notAllowed(EvConfirmDefault, c.State)
	}
	pend := c.Pending
	rows := p.rowsFor(pend.From, c.Mode, pend.Default.Kind, true)
	if len(rows) == 0 {
		return c, nil, conflict("no legal default %s from state %s", pend.Default.Kind, pend.From)
	}
	c.State, c.Pending = pend.From, Pending{}
	c.Reason = "legal default on expiry of " + pend.Clock
	next, effects, err := p.fire(c, pend.Default, rows, now)
	if err != nil {
		return c, nil, err
	}
	if next.Running(pend.Clock) {
		next.Clocks = remove(next.Clocks, pend.Clock)
		effects = append(effects, StopClock{pend.Clock})
	}
	return next, effects, nil
}

// cancelDefault returns the case to where it was; the clock is still running, so the caller
// may correct its deadline.
func cancelDefault(c Case, e Event, now time.Time) (Case, []Effect, error) {
	if c.State != DefaultPending {
		return c, nil, notAllowed(EvCancelDefault, c.State)
	}
	if strings.TrimSpace(e.Reason) == "" {
		return c, nil, invalid("a reason is required", "reason", "is required for "+EvCancelDefault)
	}
	c.State, c.Pending, c.Reason, c.Changed = c.Pending.From, Pending{}, strings.TrimSpace(e.Reason), now
	return c, nil, nil
}

// Events lists the events the case allows now, in table order, for showing buttons.
// deadline_expired is listed while a clock runs; it is sent by the deadline job.
func Events(c Case) []string {
	p, err := lookup(c)
	if err != nil || c.State.Final() {
		return nil
	}
	if c.State == DefaultPending {
		return []string{EvConfirmDefault, EvCancelDefault, EvDeadlineExpired}
	}
	var out []string
	for i := range p.rules {
		r := &p.rules[i]
		if r.legalDefault || (r.mode != "" && r.mode != c.Mode) || !has(r.from, c.State) || slices.Contains(out, r.event) {
			continue
		}
		if r.allowed == nil || r.allowed(c) == nil {
			out = append(out, r.event)
		}
	}
	if len(c.Clocks) > 0 {
		out = append(out, EvDeadlineExpired)
	}
	return out
}
