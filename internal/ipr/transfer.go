package ipr

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// TransferState is where a criminal transfer to the police stands.
type TransferState string

const (
	TransferProposed     TransferState = "proposed"      // an officer proposed it; the head of office decides
	TransferApproved     TransferState = "approved"      // approved; the dossier is to be sent
	TransferRejected     TransferState = "rejected"      // the head of office said no (final)
	TransferSent         TransferState = "sent"          // the police unit has the dossier and decides
	TransferReturned     TransferState = "returned"      // the police returned it with reasons
	TransferMoreEvidence TransferState = "more_evidence" // the police asked for more evidence
	TransferAccepted     TransferState = "accepted"      // the police opened a criminal case; outcomes follow
)

// The clocks of the CN administrative-to-criminal transfer rules, in calendar time.
const (
	TransferApprovalPeriod = 3 * 24 * time.Hour // the head of office decides after the proposal
	TransferSendPeriod     = 24 * time.Hour     // the dossier goes to the police after approval
	TransferDecisionPeriod = 3 * 24 * time.Hour // the police decide after receipt (restarts on resubmission)
)

// transferStep is one event of the transfer procedure: the states it leaves, the
// state it reaches, the permission it needs and whether it needs reasons.
type transferStep struct {
	from   []TransferState
	to     TransferState
	action Action
	reason bool
}

// transferSteps is the transfer procedure as data.
var transferSteps = map[string]transferStep{
	"approve":          {[]TransferState{TransferProposed}, TransferApproved, ActionApproveTransfer, false},
	"reject":           {[]TransferState{TransferProposed}, TransferRejected, ActionApproveTransfer, true},
	"send":             {[]TransferState{TransferApproved}, TransferSent, ActionSendTransfer, false},
	"accept":           {[]TransferState{TransferSent}, TransferAccepted, ActionDecideTransfer, false},
	"return":           {[]TransferState{TransferSent}, TransferReturned, ActionDecideTransfer, true},
	"request_evidence": {[]TransferState{TransferSent}, TransferMoreEvidence, ActionDecideTransfer, true},
	"resubmit":         {[]TransferState{TransferReturned, TransferMoreEvidence}, TransferSent, ActionSendTransfer, false},
}

// TransferEvents lists the procedure's events in a stable order.
func TransferEvents() []string {
	out := make([]string, 0, len(transferSteps))
	for ev := range transferSteps {
		out = append(out, ev)
	}
	slices.Sort(out)
	return out
}

// TransferAction is the permission event needs, or "" for an unknown event.
func TransferAction(event string) Action { return transferSteps[event].action }

// NextTransferState checks that event may follow state and returns the next
// state; reason must be given where the event needs one.
func NextTransferState(state TransferState, event, reason string) (TransferState, error) {
	st, ok := transferSteps[event]
	if !ok {
		return "", &Error{Code: EINVALID, Message: "not a transfer event",
			Fields: map[string]string{"event": fmt.Sprintf("%q is not one of %s", event, strings.Join(TransferEvents(), ", "))}}
	}
	if !slices.Contains(st.from, state) {
		return "", &Error{Code: ECONFLICT, Message: fmt.Sprintf("a %s transfer cannot be %s", state, event),
			Fields: map[string]string{"event": fmt.Sprintf("%s is not possible in state %s", event, state)}}
	}
	if st.reason && strings.TrimSpace(reason) == "" {
		return "", &Error{Code: EINVALID, Message: "give the reasons",
			Fields: map[string]string{"reason": "is required to " + event}}
	}
	return st.to, nil
}

// Transfer is a detention case's transfer to a police unit for criminal investigation.
// Each hand-over is timestamped; each clock keeps its due time.
type Transfer struct {
	ID           int64
	CaseID       int64
	CaseRef      string // filled when loaded
	Office       string // the customs office of the case
	HolderOrgID  int64  // the case's right holder, who sees the outcome
	PoliceOrgID  int64  // the police unit it goes to
	State        TransferState
	Reasons      string   // the officer's reasons (required when no threshold is met)
	Thresholds   []string // the codes of the thresholds met when proposed
	ProposedBy   int64
	ProposedAt   time.Time
	ApprovalDue  time.Time
	DecidedBy    int64     // the head of office who approved or rejected
	DecidedAt    time.Time // approval or rejection
	SendDue      time.Time
	FirstSentAt  time.Time
	SentAt       time.Time // the latest sending or resubmission
	PoliceDue    time.Time // the police's decision, restarted on resubmission
	PoliceAt     time.Time // the police's latest decision
	AcceptedAt   time.Time
	PoliceReason string // the reasons of the latest return or request for evidence
	Outcomes     []TransferOutcome
	Version      int
}

// Resource is the transfer as the police see it: owned by the police unit.
func (t *Transfer) Resource() Resource {
	return Resource{Kind: "transfer", OrgID: t.PoliceOrgID, State: string(t.State)}
}

// HolderResource is the transfer as its case's right holder sees it, for the outcome.
func (t *Transfer) HolderResource() Resource {
	return Resource{Kind: "transfer", OrgID: t.HolderOrgID, State: string(t.State)}
}

// Validate checks a proposed transfer.
func (t *Transfer) Validate() error {
	p := Problems{}
	t.Reasons = strings.TrimSpace(t.Reasons)
	if t.CaseID <= 0 {
		p.Add("case", "is required")
	}
	if t.PoliceOrgID <= 0 {
		p.Add("police_unit", "is required")
	}
	if len(t.Thresholds) == 0 && t.Reasons == "" {
		p.Add("reasons", "give the reasons for suspicion: the case meets no threshold")
	}
	if len([]rune(t.Reasons)) > 4000 {
		p.Add("reasons", "must be at most 4000 characters")
	}
	if t.ProposedAt.IsZero() {
		p.Add("proposed_at", "is required")
	}
	return p.Err("the transfer is not valid")
}

// TransferClock is one clock of a transfer as it is shown.
type TransferClock struct {
	Name      string    // approval, sending, police_decision
	StartedAt time.Time // zero when not yet started
	DueAt     time.Time
	MetAt     time.Time // zero while it runs
	Overdue   bool      // running past its due time, or met late
}

// Clocks are t's clocks at now, in procedural order; those not started are left out.
func (t *Transfer) Clocks(now time.Time) []TransferClock {
	policeMet := t.PoliceAt
	if policeMet.Before(t.SentAt) {
		policeMet = time.Time{} // the decision was on an earlier submission
	}
	approved := t.DecidedAt
	if t.State == TransferRejected {
		approved = time.Time{} // nothing is to be sent
	}
	list := []TransferClock{
		{Name: "approval", StartedAt: t.ProposedAt, DueAt: t.ApprovalDue, MetAt: t.DecidedAt},
		{Name: "sending", StartedAt: approved, DueAt: t.SendDue, MetAt: t.FirstSentAt},
		{Name: "police_decision", StartedAt: t.SentAt, DueAt: t.PoliceDue, MetAt: policeMet},
	}
	var out []TransferClock
	for _, c := range list {
		if c.StartedAt.IsZero() || c.DueAt.IsZero() {
			continue
		}
		end := c.MetAt
		if end.IsZero() {
			end = now
		}
		c.Overdue = end.After(c.DueAt)
		out = append(out, c)
	}
	return out
}

// Waiting reports whether t waits for someone to act: not rejected, not accepted.
func (t *Transfer) Waiting() bool {
	return t.State != TransferRejected && t.State != TransferAccepted
}

// OutcomeKind is what became of a criminal case the police accepted.
type OutcomeKind string

const (
	OutcomeCaseOpened  OutcomeKind = "case_opened"
	OutcomeArrests     OutcomeKind = "arrests"
	OutcomeProsecution OutcomeKind = "prosecution"
	OutcomeJudgment    OutcomeKind = "judgment"
	OutcomeClosed      OutcomeKind = "closed" // the police closed the criminal case without prosecution
)

// OutcomeKinds lists every outcome kind.
var OutcomeKinds = []OutcomeKind{OutcomeCaseOpened, OutcomeArrests, OutcomeProsecution, OutcomeJudgment, OutcomeClosed}

// TransferOutcome is one step of the criminal case after acceptance.
type TransferOutcome struct {
	ID         int64
	TransferID int64
	Kind       OutcomeKind
	Note       string // case number, number of arrests, court and sentence
	At         time.Time
	By         int64
}

// Validate checks an outcome before it is stored.
func (o *TransferOutcome) Validate() error {
	p := Problems{}
	o.Note = strings.TrimSpace(o.Note)
	if !slices.Contains(OutcomeKinds, o.Kind) {
		p.Add("kind", fmt.Sprintf("%q is not case_opened, arrests, prosecution, judgment or closed", o.Kind))
	}
	if len([]rune(o.Note)) > 2000 {
		p.Add("note", "must be at most 2000 characters")
	}
	return p.Err("the outcome is not valid")
}

// TransferEvent is one timestamped hand-over or decision of a transfer.
type TransferEvent struct {
	ID         int64
	TransferID int64
	At         time.Time
	ActorID    int64
	Kind       string // propose, approve, …, outcome
	FromState  TransferState
	ToState    TransferState
	Note       string
}

// TransferFilter selects transfers for a list; zero fields match everything.
type TransferFilter struct {
	PoliceOrgID int64 // a police user is always filtered to its own unit
	HolderOrgID int64 // a right holder to its own cases
	CaseID      int64
	State       TransferState
	Limit       int // 50 when 0; at most 500
	Offset      int
}

// Threshold is one criminal prosecution threshold of a jurisdiction, valid from
// its effective date until a later version of the same code takes over.
type Threshold struct {
	ID           int64
	Jurisdiction string // CN
	Code         string // counterfeit_mark, counterfeit_marks, selling_counterfeit
	Offence      string
	LegalBasis   string
	MinMarks     int   // the number of marks counterfeited it needs; 1 for any
	Volume       Money // illegal business volume at least this; 0 when not a test
	Sales        Money // sales at least this; 0 when not a test
	Gains        Money // illegal gains at least this; 0 when not a test
	Unsold       Money // unsold goods valued at least this; 0 when not a test
	Currency     string
	EffectiveOn  Date
	CreatedAt    time.Time
	CreatedBy    int64
}

// Validate checks a threshold version before it is stored.
func (th *Threshold) Validate() error {
	p := Problems{}
	th.Jurisdiction = strings.ToUpper(strings.TrimSpace(th.Jurisdiction))
	th.Code, th.Offence, th.LegalBasis = strings.TrimSpace(th.Code), strings.TrimSpace(th.Offence), strings.TrimSpace(th.LegalBasis)
	th.Currency = strings.ToUpper(strings.TrimSpace(th.Currency))
	if th.Jurisdiction == "" || len(th.Jurisdiction) > 8 {
		p.Add("jurisdiction", "is required, at most 8 characters")
	}
	if th.Code == "" || len(th.Code) > 64 {
		p.Add("code", "is required, at most 64 characters")
	}
	if th.Offence == "" {
		p.Add("offence", "is required")
	}
	if th.MinMarks < 1 {
		p.Add("min_marks", "must be at least 1")
	}
	checkAmount(p, "volume", th.Volume)
	checkAmount(p, "sales", th.Sales)
	checkAmount(p, "gains", th.Gains)
	checkAmount(p, "unsold", th.Unsold)
	if th.Volume == 0 && th.Sales == 0 && th.Gains == 0 && th.Unsold == 0 {
		p.Add("volume", "give at least one amount: volume, sales, gains or unsold")
	}
	if !isCurrency(th.Currency) {
		p.Add("currency", "is not a three-letter currency code")
	}
	if th.EffectiveOn.IsZero() {
		p.Add("effective_on", "is required")
	}
	return p.Err("the threshold is not valid")
}

// ThresholdFacts are the figures of a case a threshold is tested on.
type ThresholdFacts struct {
	Marks    int   // how many registered marks are counterfeited
	Volume   Money // illegal business volume: the value of goods made, stored, carried or sold
	Sales    Money // sales of goods bearing counterfeit marks (0 when unknown)
	Gains    Money // illegal gains (0 when unknown)
	Unsold   Money // unsold goods' value
	Currency string
}

// Met reports whether the facts meet th, and which test they meet.
func (th *Threshold) Met(f ThresholdFacts) (bool, string) {
	if f.Currency != th.Currency || f.Marks < th.MinMarks {
		return false, ""
	}
	switch {
	case th.Volume > 0 && f.Volume >= th.Volume:
		return true, "volume " + f.Volume.String() + " ≥ " + th.Volume.String()
	case th.Sales > 0 && f.Sales >= th.Sales:
		return true, "sales " + f.Sales.String() + " ≥ " + th.Sales.String()
	case th.Gains > 0 && f.Gains >= th.Gains:
		return true, "gains " + f.Gains.String() + " ≥ " + th.Gains.String()
	case th.Unsold > 0 && f.Unsold >= th.Unsold:
		return true, "unsold goods " + f.Unsold.String() + " ≥ " + th.Unsold.String()
	}
	return false, ""
}

// TransferDurations are the hand-over times of one transfer the statistics
// are computed from; a step not yet taken is zero.
type TransferDurations struct {
	TransferID  int64
	Office      string
	PoliceOrgID int64
	ProposedAt  time.Time
	ApprovedAt  time.Time
	FirstSentAt time.Time
	SentAt      time.Time // the latest sending: the police's clock restarts on resubmission
	AcceptedAt  time.Time
}
