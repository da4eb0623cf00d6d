package enforce

import (
	"slices"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/workflow"
)

// Determinations as the workflow and the case row spell them.
var determinations = map[string]ipr.Determination{
	workflow.DetInfringing:      ipr.DeterminationInfringing,
	workflow.DetNotInfringing:   ipr.DeterminationNotInfringing,
	workflow.DetCannotDetermine: ipr.DeterminationUndetermined,
}

func determinationOf(d string) ipr.Determination { return determinations[d] }

func workflowDetermination(d ipr.Determination) string {
	for k, v := range determinations {
		if v == d {
			return k
		}
	}
	return ""
}

// toWorkflow is the workflow's snapshot of a case. What the case row does not
// keep is read back from its deadlines (running clocks, overdue ones, the clock
// whose default awaits a supervisor) and its timeline (the pending default and
// the state it came from, the EU extension, confirmation and declarant's answer).
func toWorkflow(c *ipr.Case, deadlines []*ipr.Deadline, events []ipr.CaseEvent) workflow.Case {
	wf := workflow.Case{Profile: string(c.Profile), Mode: workflow.Mode(c.Mode), State: workflow.State(c.State),
		GoodsValue: c.GoodsValue, Perishable: c.Perishable, SmallConsignment: c.SmallConsignment, Patent: c.Patent,
		Bond: c.BondAmount, Determination: workflowDetermination(c.Determination),
		Penalty: workflow.Penalty{Fine: c.Penalty.Fine, Tier: c.Penalty.Tier, Reason: c.Penalty.Reason}}
	for _, d := range deadlines {
		switch d.State {
		case ipr.DeadlineRunning, ipr.DeadlineDefaultPending:
			wf.Clocks = append(wf.Clocks, d.Name)
		case ipr.DeadlineExpired:
			wf.Overdue = append(wf.Overdue, d.Name)
		}
	}
	for _, e := range events {
		switch e.Kind {
		case "extend":
			wf.Extended = true
		case "confirm":
			wf.HolderConfirmed = true
		case "agree":
			wf.Declarant = workflow.DeclarantAgreed
		case "object":
			wf.Declarant = workflow.DeclarantObjected
		case workflow.EvDeadlineExpired:
			if clock, dflt, ok := strings.Cut(e.Note, pendingSep); ok && e.ToState == string(workflow.DefaultPending) {
				wf.Pending = workflow.Pending{Clock: clock, Default: workflow.Event{Kind: dflt},
					From: workflow.State(e.FromState), Since: e.At}
			}
		}
	}
	if wf.State != workflow.DefaultPending {
		wf.Pending = workflow.Pending{}
	}
	if wf.State == workflow.New {
		wf.Clocks = nil
	}
	slices.Sort(wf.Clocks)
	return wf
}
