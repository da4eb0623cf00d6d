package ipr

import (
	"strings"
	"time"
)

// DeclarationStatus is where a screened declaration stands with customs.
type DeclarationStatus string

const (
	DeclarationClear      DeclarationStatus = "clear"      // screening found nothing for an officer
	DeclarationFlagged    DeclarationStatus = "flagged"    // in the officer's queue
	DeclarationDismissed  DeclarationStatus = "dismissed"  // an officer found the flag unfounded
	DeclarationInspection DeclarationStatus = "inspection" // an officer wants the goods inspected
)

// DeclarationStatuses lists every status in queue order.
var DeclarationStatuses = []DeclarationStatus{DeclarationFlagged, DeclarationInspection, DeclarationDismissed, DeclarationClear}

// Declaration is a customs declaration as stored: what the declaring system
// sent, what screening found and what an officer decided.
type Declaration struct {
	ID               int64  // database id
	Ref              string // the declaration's own id, unique
	Channel          string
	Direction        string
	DeclaredAt       time.Time
	CustomsOffice    string
	Origin           string
	Destination      string
	Transport        string
	Route            string
	Port             string
	Consignor        string
	ConsignorAddress string
	Consignee        string
	ConsigneeAddress string
	HSCode           string
	Description      string
	Brand            string
	Quantity         float64
	WeightKg         float64
	Value            float64
	Currency         string

	ReceivedAt     time.Time
	SubmittedBy    int64 // the user (or token's user) who sent it; 0 for the command line
	Risk           int
	Status         DeclarationStatus
	DecidedBy      int64
	DecidedByName  string // filled when loaded
	DecidedAt      time.Time
	DecisionReason string
	Hits           []DeclarationHit
	Rules          []DeclarationRule
}

// DeclarationHit is one recorded mark screening found in a declaration.
type DeclarationHit struct {
	RightID    int64  // the right's database id; 0 when the right is not in the register
	RightRef   string // the right's reference
	Mark       string
	Matched    string
	Field      string
	Start, End int
	Method     string
	Score      float64
	Authorised bool
	Reasons    []string
}

// DeclarationRule is one risk rule a declaration met, as it stood when it was screened.
type DeclarationRule struct {
	RuleID int64
	Name   string
	Weight int
	Reason string
}

// Decide records an officer's decision: dismiss a flag, or send the goods to
// inspection. A flagged declaration may be either; a clear one may still be
// inspected on an officer's own suspicion; a decided one stays decided.
func (d *Declaration) Decide(status DeclarationStatus, by int64, at time.Time, reason string) error {
	reason = strings.TrimSpace(reason)
	switch status {
	case DeclarationDismissed:
		if d.Status != DeclarationFlagged {
			return Errorf(ECONFLICT, "only a flagged declaration can be dismissed; %s is %s", d.Ref, d.Status)
		}
		if reason == "" {
			return &Error{Code: EINVALID, Message: "cannot dismiss", Fields: map[string]string{"reason": "is required"}}
		}
	case DeclarationInspection:
		if d.Status != DeclarationFlagged && d.Status != DeclarationClear {
			return Errorf(ECONFLICT, "%s is already %s", d.Ref, d.Status)
		}
	default:
		return &Error{Code: EINVALID, Message: "unknown decision",
			Fields: map[string]string{"status": string(status) + " is not dismissed or inspection"}}
	}
	if len(reason) > 2000 {
		return &Error{Code: EINVALID, Message: "the reason is too long", Fields: map[string]string{"reason": "must be at most 2000 characters"}}
	}
	d.Status, d.DecidedBy, d.DecidedAt, d.DecisionReason = status, by, at, reason
	return nil
}

// QueueFilter selects declarations for the officer's queue. Zero fields match everything.
type QueueFilter struct {
	Office  string            // customs office, exactly (case ignored)
	Channel string            // general, ecommerce, postal, express
	Brand   string            // a hit's right reference or part of its mark, or part of the declared brand
	From    Date              // declared on or after this day
	To      Date              // declared on or before this day
	Status  DeclarationStatus // "" for every declaration screening flagged (all but clear)
	MinRisk int
	Limit   int // 50 when 0; at most 500
	Offset  int
}

// RiskRule is a risk rule as stored. Its condition is kept as JSON, which the
// screening engine reads and validates.
type RiskRule struct {
	ID        int64
	Name      string
	Weight    int
	Expires   Date   // the last day it applies; zero for never
	Condition string // JSON
	Source    string
	Active    bool
	CreatedBy int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// RuleCounts says how a rule has fared: declarations it was met by, and of
// those how many officers dismissed or sent to inspection.
type RuleCounts struct {
	Hits      int64
	Dismissed int64
	Inspected int64
}
