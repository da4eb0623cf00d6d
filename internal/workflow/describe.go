package workflow

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Profile documents one jurisdiction's tables, for help pages and reviews.
type Profile struct {
	Name, Title, Source string
	Modes               []Mode
	Clocks              []Clock
	Transitions         []Rule
	Defaults            []Default
}

// Clock is a legal time limit. Perishable, when set, replaces Period for perishable goods.
type Clock struct {
	Name       string
	Mode       Mode // "" for both modes
	Period     Period
	Perishable Period
	Doc        string
}

// Rule is one transition: in any From state, Event moves the case to To ("" stays).
type Rule struct {
	From         []State
	Event        string
	Mode         Mode   // "" for both modes
	When         string // the condition that picks this row among rows of the same event
	To           State
	Reason       bool     // the event must give a reason
	LegalDefault bool     // applies only through confirm_default
	Effects      []Effect // clocks as named; the period, start and default are filled in by Transition
}

// Default is the legal default applied, once a supervisor confirms, when Clock runs out in
// one of From.
type Default struct {
	Mode  Mode
	From  []State
	Clock string
	Event string
}

// Profiles lists the profiles' names: CN, EU, US.
func Profiles() []string {
	names := make([]string, 0, len(profiles))
	for n := range profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Describe returns the tables of a profile.
func Describe(name string) (Profile, error) {
	p, ok := profiles[name]
	if !ok {
		return Profile{}, invalid("unknown profile", "profile",
			fmt.Sprintf("%q is not one of %s", name, strings.Join(Profiles(), ", ")))
	}
	d := Profile{Name: p.name, Title: p.title, Source: p.source, Modes: slices.Clone(p.modes)}
	for _, k := range p.clocks {
		d.Clocks = append(d.Clocks, Clock{k.name, k.mode, k.period, k.perishable, k.doc})
	}
	for _, r := range p.rules {
		d.Transitions = append(d.Transitions, Rule{From: slices.Clone(r.from), Event: r.event, Mode: r.mode,
			When: r.note, To: r.to, Reason: r.reason, LegalDefault: r.legalDefault, Effects: slices.Clone(r.effects)})
	}
	for _, x := range p.expiries {
		d.Defaults = append(d.Defaults, Default{x.mode, slices.Clone(x.from), x.clock, x.event})
	}
	return d, nil
}
