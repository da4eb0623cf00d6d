// Package workflow holds the detention-case state machines of each jurisdiction profile
// (CN, EU, US) as data: transition tables, clock periods and the legal default that applies
// when a clock runs out. It is pure: Transition takes a case snapshot and an event and returns
// the next snapshot and the effects the caller must carry out. Workflow never computes dates:
// it says "start a clock of 3 working days"; the caller (enforce) turns periods into
// deadlines with the competent office's working-day calendar.
//
// Legal defaults (release, deemed-consent destruction, exclusion, …) never apply on their own:
// the event deadline_expired moves the case to default_pending, and only confirm_default,
// sent after a supervisor confirms, applies the default. cancel_default returns the case to
// the state it was in.
package workflow

import (
	"fmt"
	"slices"
	"time"
)

// Unit is what a period counts.
type Unit string

const (
	WorkingDays  Unit = "working_days" // the office's working-day calendar (US: business days)
	CalendarDays Unit = "calendar_days"
	Hours        Unit = "hours"
)

// Period is a legal time limit such as 3 working days.
type Period struct {
	N    int
	Unit Unit
}

func (p Period) String() string {
	if p.N == 0 {
		return ""
	}
	return fmt.Sprintf("%d %s", p.N, map[Unit]string{WorkingDays: "working days",
		CalendarDays: "calendar days", Hours: "hours"}[p.Unit])
}

// IsZero reports whether p is "no period".
func (p Period) IsZero() bool { return p.N == 0 }

// Mode is how a case began.
type Mode string

const (
	ExOfficio     Mode = "ex_officio"     // customs found the goods on their own
	OnApplication Mode = "on_application" // the right holder applied for detention
)

// State is where a case stands. The zero State is a case not yet opened.
type State string

// States, shared by the profiles where the law uses the same notion.
const (
	New              State = ""
	Suspected        State = "suspected"       // CN: goods found, holder not yet notified
	HolderNotified   State = "holder_notified" // CN: holder told in writing, may apply and post a bond
	Applied          State = "applied"         // CN: holder's application filed, bond not yet posted
	Suspended        State = "suspended"       // EU ex officio: release suspended, holder may apply
	Detained         State = "detained"
	Investigating    State = "investigating" // CN ex officio
	Infringing       State = "infringing"    // CN: customs determined the goods infringe
	Undetermined     State = "undetermined"  // CN: customs cannot determine; the court may act
	Penalised        State = "penalised"     // CN: goods confiscated, fine imposed
	Confirmed        State = "confirmed"     // EU: holder confirmed infringement, agreed to destruction
	Objected         State = "objected"      // EU: declarant objected to destruction
	Agreed           State = "agreed"        // EU: destruction agreed by all it needs
	Proceedings      State = "proceedings"   // EU: holder started court proceedings
	SmallDetained    State = "small_detained"
	ImporterNotified State = "importer_notified" // US
	Reviewing        State = "reviewing"         // US: importer replied, CBP reviews
	Disclosed        State = "disclosed"         // US: information disclosed to the holder
	Excluded         State = "excluded"          // US: not released within 30 days
	DefaultPending   State = "default_pending"   // a clock ran out; the default awaits a supervisor

	// Final states.
	Released     State = "released"
	Closed       State = "closed"
	Transferred  State = "transferred" // CN: transferred to the police
	Destroyed    State = "destroyed"
	CourtOrdered State = "court_ordered" // CN: the court's assistance notice arrived; the court decides
	Seized       State = "seized"        // US
)

// Final reports whether no event can follow s.
func (s State) Final() bool {
	return slices.Contains([]State{Released, Closed, Transferred, Destroyed, CourtOrdered, Seized}, s)
}

// Determinations a CN officer may make after investigation.
const (
	DetInfringing      = "infringing"
	DetNotInfringing   = "not_infringing"
	DetCannotDetermine = "cannot_determine"
)

// Declarant answers to destruction (EU).
const (
	DeclarantAgreed   = "agreed"
	DeclarantObjected = "objected"
)

// Event is something that happens to a case. Kind names it; the other fields carry its data.
type Event struct {
	Kind          string
	Clock         string // deadline_expired: the clock that ran out
	Determination string // determine: infringing, not_infringing or cannot_determine
	Reason        string
	Amount        Money // apply/post_bond: the bond; counter_guarantee: its amount; penalise: the fine
}

// Events every profile understands.
const (
	EvDeadlineExpired = "deadline_expired" // sent by the deadline job
	EvConfirmDefault  = "confirm_default"  // a supervisor confirms the legal default
	EvCancelDefault   = "cancel_default"   // a supervisor finds the default does not apply (reason required)
)

// Pending is the legal default awaiting a supervisor's confirmation.
type Pending struct {
	Clock   string
	Default Event
	From    State // the state the case returns to on cancel_default
	Since   time.Time
}

// Case is a plain snapshot of a detention case that the caller loads and saves.
type Case struct {
	Profile          string // CN, EU, US
	Mode             Mode
	State            State
	GoodsValue       Money
	Perishable       bool // EU: shorter period, no extension
	SmallConsignment bool // EU: the small-consignment procedure (Art. 26)
	Patent           bool // CN: a counter-guarantee may release the goods
	Clocks           []string
	Extended         bool // EU: the period has been extended once

	Bond             Money // CN: bond posted by the holder
	CounterGuarantee Money // CN: posted by the consignee for patent goods
	Determination    string
	Penalty          Penalty  // CN, once penalised
	HolderConfirmed  bool     // EU: holder confirmed infringement and agreed to destruction
	Declarant        string   // EU: "", agreed or objected
	Overdue          []string // clocks that ran out with no legal default (a reminder, not a change)
	Pending          Pending  // set while State is default_pending
	Reason           string   // the reason given with the last event that needed one
	Changed          time.Time
}

// Running reports whether the named clock runs.
func (c Case) Running(clock string) bool { return slices.Contains(c.Clocks, clock) }

// clone copies c so that changing slices never touches the caller's snapshot.
func (c Case) clone() Case {
	c.Clocks = slices.Clone(c.Clocks)
	c.Overdue = slices.Clone(c.Overdue)
	return c
}
