package workflow

import (
	"fmt"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

// rule is one row of a profile's transition table: in any of from, event moves the case to to
// and asks for effects.
type rule struct {
	from  []State
	event string
	mode  Mode // "" for both modes
	note  string
	// when routes among rows of the same state and event (nil: always); rows are tried in order.
	// routeBy names the event field when routes by, for the error when no row matches.
	when    func(Case, Event) bool
	routeBy string
	// allowed rejects the event for the case as it stands (nil: always allowed). Events()
	// leaves out events whose every row is not allowed.
	allowed func(Case) error
	reason  bool                     // the event must give a reason
	apply   func(*Case, Event) error // checks and records the event's data
	to      State                    // "" stays in the current state
	effects []Effect
	// legalDefault rows apply only through confirm_default, never as a direct event.
	legalDefault bool
}

// clock is a named legal time limit.
type clock struct {
	name       string
	mode       Mode   // "" for both modes
	period     Period // the period when the goods are not perishable
	perishable Period // zero: same as period
	doc        string
}

// expiry says which legal default applies when clock runs out in one of from.
// A clock with no expiry row in the case's state has no default: expiry is a reminder.
type expiry struct {
	mode  Mode // "" for both modes
	from  []State
	clock string
	event string
}

// profile is one jurisdiction's tables.
type profile struct {
	name, title, source string
	modes               []Mode
	clocks              []clock
	rules               []rule
	expiries            []expiry
}

var profiles = map[string]*profile{}

func register(p *profile) *profile { profiles[p.name] = p; return p }

func conflict(format string, args ...any) error { return ipr.Errorf(ipr.ECONFLICT, format, args...) }

func invalid(message, field, problem string) error {
	return &ipr.Error{Code: ipr.EINVALID, Message: message, Fields: map[string]string{field: problem}}
}

func notAllowed(e string, s State) error {
	if s == New {
		s = "new"
	}
	return conflict("event %s is not allowed in state %s", e, s)
}

func lookup(c Case) (*profile, error) {
	p, ok := profiles[c.Profile]
	if !ok {
		return nil, invalid("unknown profile", "profile", fmt.Sprintf("%q is not one of %s", c.Profile, strings.Join(Profiles(), ", ")))
	}
	for _, m := range p.modes {
		if c.Mode == m {
			return p, nil
		}
	}
	return nil, invalid("unknown mode", "mode", fmt.Sprintf("%q is not a mode of the %s profile", c.Mode, p.name))
}

// rowsFor returns the rows for event in state s, legal-default rows only when defaults is set.
func (p *profile) rowsFor(s State, mode Mode, event string, defaults bool) []*rule {
	var rows []*rule
	for i := range p.rules {
		r := &p.rules[i]
		if r.event == event && r.legalDefault == defaults && (r.mode == "" || r.mode == mode) && has(r.from, s) {
			rows = append(rows, r)
		}
	}
	return rows
}

func has(states []State, s State) bool {
	for _, x := range states {
		if x == s {
			return true
		}
	}
	return false
}

// clock returns the clock's period for the case.
func (p *profile) clock(name string, c Case) (Period, bool) {
	for _, k := range p.clocks {
		if k.name == name && (k.mode == "" || k.mode == c.Mode) {
			if c.Perishable && !k.perishable.IsZero() {
				return k.perishable, true
			}
			return k.period, true
		}
	}
	return Period{}, false
}

// defaultFor returns the legal default of clock in state s, "" for none.
func (p *profile) defaultFor(s State, mode Mode, clock string) string {
	for _, x := range p.expiries {
		if x.clock == clock && (x.mode == "" || x.mode == mode) && has(x.from, s) {
			return x.event
		}
	}
	return ""
}

// fire applies the first row whose when matches.
func (p *profile) fire(c Case, e Event, rows []*rule, now time.Time) (Case, []Effect, error) {
	var row *rule
	for _, r := range rows {
		if r.when == nil || r.when(c, e) {
			row = r
			break
		}
	}
	if row == nil {
		if field := rows[0].routeBy; field != "" {
			var notes []string
			for _, r := range rows {
				notes = append(notes, r.note)
			}
			return c, nil, invalid("the "+field+" is not valid", field, "must be one of "+strings.Join(notes, ", "))
		}
		return c, nil, notAllowed(e.Kind, c.State)
	}
	if row.allowed != nil {
		if err := row.allowed(c); err != nil {
			return c, nil, err
		}
	}
	if row.reason {
		if strings.TrimSpace(e.Reason) == "" {
			return c, nil, invalid("a reason is required", "reason", "is required for "+e.Kind)
		}
		c.Reason = strings.TrimSpace(e.Reason)
	}
	if row.apply != nil {
		if err := row.apply(&c, e); err != nil {
			return c, nil, err
		}
	}
	if row.to != New {
		c.State = row.to
	}
	effects := p.run(&c, row.effects, now)
	if c.State.Final() {
		for _, name := range c.Clocks {
			effects = append(effects, StopClock{name})
		}
		c.Clocks = nil
	}
	c.Changed = now
	return c, effects, nil
}

// run keeps the case's clocks in step with effects and fills in what the tables leave out:
// a clock's period, start and current default. Stopping a clock that is not running is dropped.
func (p *profile) run(c *Case, effects []Effect, now time.Time) []Effect {
	var out []Effect
	for _, ef := range effects {
		switch x := ef.(type) {
		case StartClock:
			x.Period, _ = p.clock(x.Name, *c)
			x.From = now
			x.Default = Event{Kind: p.defaultFor(c.State, c.Mode, x.Name)}
			if !c.Running(x.Name) {
				c.Clocks = append(c.Clocks, x.Name)
			}
			ef = x
		case HoldBond:
			x.Amount = c.Bond
			ef = x
		case StopClock:
			if !c.Running(x.Name) {
				continue
			}
			c.Clocks = remove(c.Clocks, x.Name)
		}
		out = append(out, ef)
	}
	return out
}

func remove(list []string, s string) []string {
	out := list[:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Shorthands for the tables.
func start(name string) Effect                  { return StartClock{Name: name} }
func stop(name string) Effect                   { return StopClock{Name: name} }
func notify(party, doc string) Effect           { return Notify{Party: party, Document: doc} }
func states(s ...State) []State                 { return s }
func wd(n int) Period                           { return Period{n, WorkingDays} }
func days(n int) Period                         { return Period{n, CalendarDays} }
func within(p Period, party, doc string) Effect { return Notify{party, doc, p} }
