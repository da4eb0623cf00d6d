package workflow

import "time"

// Effect is what the caller must do after a transition.
type Effect interface{ effect() }

// StartClock starts a legal time limit running from From. Default is the legal default that
// would apply on expiry as the case stands now (zero Kind: none, expiry is only a reminder);
// the default actually applied is decided by the case's state when deadline_expired arrives.
type StartClock struct {
	Name    string
	Period  Period
	From    time.Time
	Default Event
}

// StopClock stops a running clock.
type StopClock struct{ Name string }

// ExtendClock adds By to a running clock's deadline (EU extension).
type ExtendClock struct {
	Name string
	By   Period
}

// Notify sends Document to Party: holder, declarant, importer, consignee or police.
// Within, when set, is the time limit the law gives customs to send it.
type Notify struct {
	Party    string
	Document string
	Within   Period
}

// HoldBond records the bond the holder posted (CN): paid, or drawn from a general guarantee.
type HoldBond struct{ Amount Money }

// AwaitSupervisor asks a supervisor to confirm the legal default after Clock ran out.
type AwaitSupervisor struct {
	Clock   string
	Default Event
}

func (StartClock) effect()      {}
func (StopClock) effect()       {}
func (ExtendClock) effect()     {}
func (Notify) effect()          {}
func (HoldBond) effect()        {}
func (AwaitSupervisor) effect() {}

// Parties notified.
const (
	Holder    = "holder"
	Declarant = "declarant"
	Importer  = "importer"
	Consignee = "consignee"
	Police    = "police"
)
