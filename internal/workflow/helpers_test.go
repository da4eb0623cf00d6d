package workflow_test

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/workflow"
)

var now = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// step is one row of a transition table test: event e on case c gives state want and effects,
// or an error with code (and field, for EINVALID).
type step struct {
	name    string
	c       workflow.Case
	e       workflow.Event
	want    workflow.State
	effects []workflow.Effect
	code    string
	field   string
}

// covered records the transitions and expiries the tests have exercised, keyed as
// "CN detained --investigate--> investigating" and "CN holder_notified holder_reply expires".
var covered = map[string]bool{}

func key(profile string, from workflow.State, event string, to workflow.State) string {
	return fmt.Sprintf("%s %s --%s--> %s", profile, from, event, to)
}

// record notes what a successful transition exercised.
func record(before, after workflow.Case, e workflow.Event) {
	switch e.Kind {
	case workflow.EvConfirmDefault:
		covered[key(before.Profile, before.Pending.From, before.Pending.Default.Kind, after.State)] = true
	case workflow.EvDeadlineExpired:
		if after.State == workflow.DefaultPending {
			covered[fmt.Sprintf("%s %s %s expires", before.Profile, before.State, e.Clock)] = true
		}
	default:
		covered[key(before.Profile, before.State, e.Kind, after.State)] = true
	}
}

func run(t *testing.T, steps []step) {
	t.Helper()
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			got, effects, err := workflow.Transition(s.c, s.e, now)
			if s.code != "" {
				if code := ipr.ErrorCode(err); code != s.code {
					t.Fatalf("got error %v (code %q), want code %q", err, code, s.code)
				}
				if s.field != "" {
					if _, ok := ipr.ErrorFields(err)[s.field]; !ok {
						t.Errorf("got error fields %v, want one for %q", ipr.ErrorFields(err), s.field)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want state %s", err, s.want)
			}
			record(s.c, got, s.e)
			if got.State != s.want {
				t.Errorf("got state %s, want %s", got.State, s.want)
			}
			if !reflect.DeepEqual(effects, s.effects) {
				t.Errorf("got effects\n%#v\nwant\n%#v", effects, s.effects)
			}
		})
	}
}

// at returns c in state s with clocks running.
func at(c workflow.Case, s workflow.State, clocks ...string) workflow.Case {
	c.State, c.Clocks = s, clocks
	return c
}

// pending returns c waiting for a supervisor to confirm the default of clock, from state from.
func pending(c workflow.Case, from workflow.State, clock, dflt string, clocks ...string) workflow.Case {
	c = at(c, workflow.DefaultPending, clocks...)
	c.Pending = workflow.Pending{Clock: clock, Default: ev(dflt), From: from, Since: now}
	return c
}

func ev(kind string) workflow.Event { return workflow.Event{Kind: kind} }

func because(kind string) workflow.Event {
	return workflow.Event{Kind: kind, Reason: "seen on inspection"}
}

func expired(clock string) workflow.Event {
	return workflow.Event{Kind: workflow.EvDeadlineExpired, Clock: clock}
}

func sc(name string, p workflow.Period, dflt string) workflow.Effect {
	return workflow.StartClock{Name: name, Period: p, From: now, Default: ev(dflt)}
}

func stop(name string) workflow.Effect { return workflow.StopClock{Name: name} }

func note(party, doc string) workflow.Effect { return workflow.Notify{Party: party, Document: doc} }

func within1(party, doc string) workflow.Effect {
	return workflow.Notify{Party: party, Document: doc, Within: wd(1)}
}

func await(clock, dflt string) workflow.Effect {
	return workflow.AwaitSupervisor{Clock: clock, Default: ev(dflt)}
}

func wd(n int) workflow.Period { return workflow.Period{N: n, Unit: workflow.WorkingDays} }

func fx(effects ...workflow.Effect) []workflow.Effect { return effects }

// TestMain checks, after a full run, that the tables' every transition and every legal
// default was exercised by some test.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" {
		if missing := uncovered(); len(missing) > 0 {
			fmt.Println("transitions no test exercised:")
			for _, k := range missing {
				fmt.Println("  " + k)
			}
			code = 1
		}
	}
	os.Exit(code)
}

func uncovered() []string {
	var missing []string
	for _, name := range workflow.Profiles() {
		p, _ := workflow.Describe(name)
		for _, r := range p.Transitions {
			for _, from := range r.From {
				to := r.To
				if to == "" {
					to = from
				}
				if k := key(name, from, r.Event, to); !covered[k] {
					missing = append(missing, k)
				}
			}
		}
		for _, d := range p.Defaults {
			for _, from := range d.From {
				if k := fmt.Sprintf("%s %s %s expires", name, from, d.Clock); !covered[k] {
					missing = append(missing, k)
				}
			}
		}
	}
	sort.Strings(missing)
	return missing
}
