package ipr

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// RightKind is the kind of intellectual property right recorded with customs.
type RightKind string

const (
	Trademark       RightKind = "trademark"
	Copyright       RightKind = "copyright"
	InventionPatent RightKind = "invention_patent"
	UtilityModel    RightKind = "utility_model"
	DesignPatent    RightKind = "design_patent"
)

// RightKinds lists every kind in a stable order.
var RightKinds = []RightKind{Trademark, Copyright, InventionPatent, UtilityModel, DesignPatent}

// RecordStatus is where a recordation stands in its review.
type RecordStatus string

const (
	StatusDraft     RecordStatus = "draft"
	StatusSubmitted RecordStatus = "submitted"
	StatusApproved  RecordStatus = "approved"
	StatusRejected  RecordStatus = "rejected"
)

// RecordStatuses lists every status in workflow order.
var RecordStatuses = []RecordStatus{StatusDraft, StatusSubmitted, StatusApproved, StatusRejected}

// Recordation periods.
const (
	ReviewPeriodDays   = 30 // customs decides within 30 working days; counted in calendar days until working-day calendars exist
	RecordationYears   = 10 // an approved recordation is valid 10 years, never past the right's own expiry
	RenewalWindowMonth = 6  // renewal may be filed in the last 6 months
)

// Right is a recordation of an IP right with customs.
type Right struct {
	ID           int64
	Ref          string // the holder's or the import file's id, unique; "BM-<id>" when none is given
	HolderID     int64
	HolderName   string
	Kind         RightKind
	RegNumber    string // registration number at the office that granted the right
	RegOffice    string // e.g. CNIPA, EUIPO, USPTO
	Jurisdiction string // ISO country or region code, e.g. CN, EU
	Owner        string
	Mark         string   // the mark as text (for copyrights and patents, the work's or product's name)
	MarkImages   []string // SHA-256 of uploaded pictures of the mark, in order
	Variants     []string // Chinese name, transliterations, abbreviations
	NiceClasses  []int
	Goods        string // the goods and services covered
	ValidFrom    Date   // the right's own validity
	ValidTo      Date

	Status        RecordStatus
	RejectReason  string
	SubmittedAt   time.Time
	DecisionDue   Date
	DueInCalendar bool // the due date counts calendar days: working-day calendars are not loaded yet
	DecidedAt     time.Time
	RecordFrom    Date // recordation validity, set on approval
	RecordTo      Date
	Version       int // incremented on every change, for optimistic locking
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

var refPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$`)

// Validate checks the fields a right holder fills in.
func (r *Right) Validate() error {
	p := Problems{}
	r.Ref, r.Mark, r.Owner = strings.TrimSpace(r.Ref), strings.TrimSpace(r.Mark), strings.TrimSpace(r.Owner)
	r.RegNumber, r.RegOffice = strings.TrimSpace(r.RegNumber), strings.TrimSpace(r.RegOffice)
	r.Jurisdiction = strings.ToUpper(strings.TrimSpace(r.Jurisdiction))
	r.Goods = strings.TrimSpace(r.Goods)
	r.Variants = cleanList(r.Variants)
	if r.Ref != "" && !refPattern.MatchString(r.Ref) {
		p.Add("ref", "use up to 64 letters, digits and . _ / -")
	}
	if !slices.Contains(RightKinds, r.Kind) {
		p.Add("kind", fmt.Sprintf("%q is not one of trademark, copyright, invention_patent, utility_model, design_patent", r.Kind))
	}
	if r.Mark == "" {
		p.Add("mark", "is required")
	} else if len([]rune(r.Mark)) > 200 {
		p.Add("mark", "must be at most 200 characters")
	}
	if len(r.Variants) > 50 {
		p.Add("variants", "at most 50")
	}
	if r.Jurisdiction == "" {
		p.Add("jurisdiction", "is required")
	} else if len(r.Jurisdiction) > 8 {
		p.Add("jurisdiction", "use a country or region code such as CN or EU")
	}
	for _, c := range r.NiceClasses {
		if c < 1 || c > 45 {
			p.Add("nice_classes", fmt.Sprintf("%d is not a Nice class (1–45)", c))
		}
	}
	if r.Kind == Trademark && len(r.NiceClasses) == 0 {
		p.Add("nice_classes", "a trademark needs at least one Nice class")
	}
	if r.ValidTo.IsZero() {
		p.Add("valid_to", "is required")
	} else if !r.ValidFrom.IsZero() && r.ValidTo.Before(r.ValidFrom) {
		p.Add("valid_to", "is before valid_from")
	}
	slices.Sort(r.NiceClasses)
	r.NiceClasses = slices.Compact(r.NiceClasses)
	return p.Err("the right is not valid")
}

// cleanList trims items and drops empty ones and duplicates, keeping order.
func cleanList(items []string) []string {
	var out []string
	for _, s := range items {
		s = strings.TrimSpace(s)
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Editable reports whether the holder may still change the recordation's content.
func (r *Right) Editable() bool { return r.Status == StatusDraft || r.Status == StatusRejected }

// Protecting reports whether screening should protect the right on day: approved and within its recordation.
func (r *Right) Protecting(day Date) bool {
	return r.Status == StatusApproved && !day.Before(r.RecordFrom) && !day.After(r.RecordTo)
}

// Expired reports whether an approved recordation has run out by day.
func (r *Right) Expired(day Date) bool { return r.Status == StatusApproved && day.After(r.RecordTo) }

// RenewalOpen reports whether a renewal may be filed on day: in the last months of the recordation.
func (r *Right) RenewalOpen(day Date) bool {
	return r.Status == StatusApproved && !day.Before(r.RecordTo.AddDate(0, -RenewalWindowMonth, 0)) && !day.After(r.RecordTo)
}

// DisplayStatus is the status to show: "expired" for an approved recordation that ran out.
func (r *Right) DisplayStatus(day Date) string {
	if r.Expired(day) {
		return "expired"
	}
	return string(r.Status)
}

// Submit moves a draft or rejected recordation to customs' review.
func (r *Right) Submit(now time.Time) error {
	if !r.Editable() {
		return Errorf(ECONFLICT, "only a draft or rejected recordation can be submitted; this one is %s", r.Status)
	}
	r.Status, r.RejectReason, r.SubmittedAt = StatusSubmitted, "", now
	r.DecisionDue = DateOf(now, time.UTC).AddDate(0, 0, ReviewPeriodDays)
	r.DueInCalendar = true
	return nil
}

// Approve records the right for ten years from day, never past the right's own expiry.
func (r *Right) Approve(now time.Time) error {
	if r.Status != StatusSubmitted {
		return Errorf(ECONFLICT, "only a submitted recordation can be approved; this one is %s", r.Status)
	}
	day := DateOf(now, time.UTC)
	if r.ValidTo.Before(day) {
		return &Error{Code: EINVALID, Message: "cannot approve", Fields: map[string]string{"valid_to": "the right itself has expired"}}
	}
	r.Status, r.DecidedAt, r.RecordFrom = StatusApproved, now, day
	r.RecordTo = MinDate(day.AddDate(RecordationYears, 0, -1), r.ValidTo)
	return nil
}

// Reject sends the recordation back to the holder with a reason.
func (r *Right) Reject(now time.Time, reason string) error {
	if r.Status != StatusSubmitted {
		return Errorf(ECONFLICT, "only a submitted recordation can be rejected; this one is %s", r.Status)
	}
	if reason = strings.TrimSpace(reason); reason == "" {
		return &Error{Code: EINVALID, Message: "cannot reject", Fields: map[string]string{"reason": "is required"}}
	}
	r.Status, r.RejectReason, r.DecidedAt = StatusRejected, reason, now
	return nil
}

// Renew extends an approved recordation by ten years from its current end, never past
// the right's own expiry (which a renewal may update).
func (r *Right) Renew(rightValidTo Date) error {
	if r.Status != StatusApproved {
		return Errorf(ECONFLICT, "only an approved recordation can be renewed")
	}
	if !rightValidTo.IsZero() {
		r.ValidTo = rightValidTo
	}
	next := MinDate(r.RecordTo.AddDate(0, 0, 1).AddDate(RecordationYears, 0, -1), r.ValidTo) // ten more years from the day after
	if !next.After(r.RecordTo) {
		return &Error{Code: EINVALID, Message: "cannot renew", Fields: map[string]string{"valid_to": "the right itself ends before the recordation could be extended; renew the registration first"}}
	}
	r.RecordTo = next
	return nil
}

// ParseRightKind accepts a kind name such as "trademark".
func ParseRightKind(s string) (RightKind, error) {
	k := RightKind(strings.TrimSpace(strings.ToLower(s)))
	if !slices.Contains(RightKinds, k) {
		return "", &Error{Code: EINVALID, Message: "unknown kind of right",
			Fields: map[string]string{"kind": fmt.Sprintf("%q is not one of trademark, copyright, invention_patent, utility_model, design_patent", s)}}
	}
	return k, nil
}

// ParseNiceClasses reads space- or comma-separated class numbers such as "25 18".
func ParseNiceClasses(s string) ([]int, error) {
	var classes []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not a class number", f)
		}
		if n < 1 || n > 45 {
			return nil, fmt.Errorf("%d is not a Nice class (1–45)", n)
		}
		classes = append(classes, n)
	}
	return classes, nil
}

// RightFilter selects rights for the register search. Zero fields match everything.
type RightFilter struct {
	Text         string  // part of the mark, a variant or the reference
	HolderID     int64   // one holder
	HolderIDs    []int64 // restricts to these holders (a holder's or agent's own portfolio)
	HolderName   string  // part of the holder's name
	Class        int
	Status       RecordStatus
	NotDraft     bool // customs see everything but drafts
	ExpiringBy   Date // approved recordations ending on or before this day
	ProtectingOn Date // approved recordations in force on this day
	OrderByDue   bool // by decision due date (the review queue) instead of by mark
	Limit        int
	Offset       int
}
