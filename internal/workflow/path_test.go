package workflow_test

import (
	"slices"
	"testing"

	wf "bordermark/internal/workflow"
)

// walk applies events in turn, checking the state after each, and returns the final case.
func walk(t *testing.T, c wf.Case, steps ...any) wf.Case {
	t.Helper()
	for i := 0; i < len(steps); i += 2 {
		e, want := steps[i].(wf.Event), steps[i+1].(wf.State)
		if !slices.Contains(wf.Events(c), e.Kind) {
			t.Fatalf("step %d: %s not among the events of state %s: %v", i/2+1, e.Kind, c.State, wf.Events(c))
		}
		next, _, err := wf.Transition(c, e, now)
		if err != nil {
			t.Fatalf("step %d (%s in %s): %v", i/2+1, e.Kind, c.State, err)
		}
		record(c, next, e)
		if next.State != want {
			t.Fatalf("step %d (%s): got state %s, want %s", i/2+1, e.Kind, next.State, want)
		}
		c = next
	}
	if c.State.Final() && (len(c.Clocks) > 0 || wf.Events(c) != nil) {
		t.Errorf("final state %s: got clocks %v and events %v, want none", c.State, c.Clocks, wf.Events(c))
	}
	return c
}

func TestCNExOfficioPath(t *testing.T) {
	c := walk(t, cnExo,
		ev("open"), wf.Suspected,
		ev("notify_holder"), wf.HolderNotified,
		amount("apply", wf.Yuan(25_000)), wf.Detained,
		ev("investigate"), wf.Investigating,
		determine(wf.DetInfringing), wf.Infringing,
		wf.Event{Kind: "penalise", Amount: wf.Yuan(4_000), Reason: "first offence"}, wf.Penalised,
		ev("close"), wf.Closed)
	if c.Bond != wf.Yuan(25_000) || c.Determination != wf.DetInfringing || c.Penalty.Tier != wf.TierUnder10 {
		t.Errorf("got bond %s, determination %s, penalty %+v", c.Bond, c.Determination, c.Penalty)
	}
}

func TestCNUndeterminedPath(t *testing.T) {
	walk(t, cnExo,
		ev("open"), wf.Suspected,
		ev("notify_holder"), wf.HolderNotified,
		amount("apply", wf.Yuan(25_000)), wf.Detained,
		ev("investigate"), wf.Investigating,
		expired("investigation"), wf.Investigating,
		determine(wf.DetCannotDetermine), wf.Undetermined,
		expired("court_notice"), wf.DefaultPending,
		ev(wf.EvConfirmDefault), wf.Released)
}

func TestCNOnApplicationPath(t *testing.T) {
	walk(t, cnApp,
		ev("open"), wf.Applied,
		amount("post_bond", wf.Yuan(50_000)), wf.Detained,
		ev("court_notice"), wf.CourtOrdered)
	walk(t, cnApp,
		ev("open"), wf.Applied,
		amount("post_bond", wf.Yuan(50_000)), wf.Detained,
		expired("court_notice"), wf.DefaultPending,
		because(wf.EvCancelDefault), wf.Detained,
		expired("court_notice"), wf.DefaultPending,
		ev(wf.EvConfirmDefault), wf.Released)
}

func TestEUStandardPath(t *testing.T) {
	c := walk(t, euStd,
		ev("open"), wf.Detained,
		because("extend"), wf.Detained,
		ev("confirm"), wf.Confirmed,
		expired("confirmation"), wf.DefaultPending,
		ev(wf.EvConfirmDefault), wf.Destroyed)
	if !c.Extended || !c.HolderConfirmed || c.Declarant != "" {
		t.Errorf("got extended %v, confirmed %v, declarant %q", c.Extended, c.HolderConfirmed, c.Declarant)
	}
	walk(t, euStd,
		ev("open"), wf.Detained,
		ev("agree"), wf.Detained,
		ev("confirm"), wf.Agreed,
		ev("destroy"), wf.Destroyed)
	walk(t, euStd,
		ev("open"), wf.Detained,
		ev("confirm"), wf.Confirmed,
		ev("object"), wf.Objected,
		ev("proceedings"), wf.Proceedings,
		because("destroy"), wf.Destroyed)
}

func TestEUSmallConsignmentPath(t *testing.T) {
	walk(t, euSmall,
		ev("open"), wf.SmallDetained,
		expired("declarant_views"), wf.DefaultPending,
		ev(wf.EvConfirmDefault), wf.Destroyed)
	walk(t, euSmall,
		ev("open"), wf.SmallDetained,
		ev("object"), wf.Objected,
		expired("proceedings"), wf.DefaultPending,
		ev(wf.EvConfirmDefault), wf.Released)
}

func TestUSPath(t *testing.T) {
	walk(t, usCase,
		ev("open"), wf.Detained,
		ev("notify_importer"), wf.ImporterNotified,
		expired("importer_reply"), wf.DefaultPending,
		ev(wf.EvConfirmDefault), wf.Disclosed,
		expired("exclusion"), wf.DefaultPending,
		ev(wf.EvConfirmDefault), wf.Excluded,
		because("seize"), wf.Seized)
	walk(t, usCase,
		ev("open"), wf.Detained,
		ev("notify_importer"), wf.ImporterNotified,
		ev("reply"), wf.Reviewing,
		because("release"), wf.Released)
}

func TestEvents(t *testing.T) {
	tests := []struct {
		name string
		c    wf.Case
		want []string
	}{
		{"CN new", cnExo, []string{"open"}},
		{"CN detained ex officio", at(cnExo, wf.Detained, "investigation"),
			[]string{"investigate", "court_notice", "withdraw", "deadline_expired"}},
		{"CN detained, patent", at(cnPat, wf.Detained), []string{"investigate", "court_notice", "counter_guarantee", "withdraw"}},
		{"CN detained on application", at(cnApp, wf.Detained), []string{"court_notice", "withdraw"}},
		{"CN default pending", pending(cnExo, wf.HolderNotified, "holder_reply", "release", "holder_reply"),
			[]string{"confirm_default", "cancel_default", "deadline_expired"}},
		{"CN closed", at(cnExo, wf.Closed), nil},
		{"EU detained", at(euStd, wf.Detained, "confirmation"), []string{"confirm", "agree", "object", "extend", "withdraw", "deadline_expired"}},
		{"EU detained, declarant agreed, extended", at(extended(withDeclarant(euStd, wf.DeclarantAgreed)), wf.Detained),
			[]string{"confirm", "withdraw"}},
		{"EU perishable", at(euPer, wf.Detained, "confirmation"), []string{"confirm", "agree", "object", "withdraw", "deadline_expired"}},
		{"EU small consignment", at(euSmall, wf.SmallDetained, "declarant_views"), []string{"agree", "object", "deadline_expired"}},
		{"US importer notified", at(usCase, wf.ImporterNotified), []string{"reply", "release", "seize"}},
		{"unknown profile", wf.Case{Profile: "XX"}, nil},
	}
	for _, tt := range tests {
		if got := wf.Events(tt.c); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDescribe(t *testing.T) {
	if got, want := wf.Profiles(), []string{"CN", "EU", "US"}; !slices.Equal(got, want) {
		t.Errorf("got profiles %v, want %v", got, want)
	}
	for _, name := range wf.Profiles() {
		p, err := wf.Describe(name)
		if err != nil || p.Name != name || p.Source == "" || len(p.Transitions) == 0 || len(p.Clocks) == 0 || len(p.Defaults) == 0 {
			t.Errorf("Describe(%s): got %+v, %v, want a filled-in profile", name, p, err)
		}
		for _, k := range p.Clocks {
			if k.Period.IsZero() || k.Doc == "" {
				t.Errorf("%s clock %s: got period %v, doc %q, want both", name, k.Name, k.Period, k.Doc)
			}
		}
	}
	if _, err := wf.Describe("XX"); err == nil {
		t.Error("Describe(XX): got no error, want one")
	}
	if got, want := (wf.Period{N: 3, Unit: wf.WorkingDays}).String(), "3 working days"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
