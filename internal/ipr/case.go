package ipr

import (
	"fmt"
	"strings"
	"time"
)

// Profile names the law a case is worked under; each has its own workflow and deadlines.
type Profile string

const (
	ProfileCN Profile = "CN" // PRC Customs IPR Protection Regulations
	ProfileEU Profile = "EU" // Regulation (EU) No 608/2013
	ProfileUS Profile = "US" // 19 CFR Part 133
)

// Profiles lists every profile.
var Profiles = []Profile{ProfileCN, ProfileEU, ProfileUS}

// Currency is the currency a profile's amounts are kept in unless the case says otherwise.
func (p Profile) Currency() string {
	switch p {
	case ProfileEU:
		return "EUR"
	case ProfileUS:
		return "USD"
	}
	return "CNY"
}

// Jurisdiction is the working-day calendar a profile's deadlines count in.
// Cases do not yet name their EU member state; Bordermark's EU offices are
// German, so Germany's calendar applies to them.
func (p Profile) Jurisdiction() string {
	switch p {
	case ProfileEU:
		return "DE"
	case ProfileUS:
		return "US"
	}
	return "CN"
}

// Location is the time zone a profile's offices count days in: a deadline
// ends at the close of its day there. UTC when the zone is unknown.
func (p Profile) Location() *time.Location {
	name := map[Profile]string{ProfileCN: "Asia/Shanghai", ProfileEU: "Europe/Berlin", ProfileUS: "America/New_York"}[p]
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" {
		return time.UTC
	}
	return loc
}

// CaseMode says how a case was opened.
type CaseMode string

const (
	ModeExOfficio     CaseMode = "ex_officio"     // customs found the goods and asked the holder
	ModeOnApplication CaseMode = "on_application" // the holder applied for the goods to be detained
)

// Determination is customs' finding on the goods after investigation; "" until there is one.
type Determination string

const (
	DeterminationInfringing    Determination = "infringing"
	DeterminationNotInfringing Determination = "not_infringing"
	DeterminationUndetermined  Determination = "undetermined" // customs could not tell; the holder may go to court
)

// BondSource says how a case's bond was posted.
type BondSource string

const (
	BondNone      BondSource = ""
	BondCash      BondSource = "cash"
	BondGuarantee BondSource = "guarantee" // drawn on the holder's general guarantee
)

// Case is a detention case: goods customs hold because they may infringe a holder's rights.
type Case struct {
	ID               int64
	Ref              string // human number such as HZ-2026-000123, given when stored
	Profile          Profile
	Mode             CaseMode
	State            string // the workflow's state name
	Office           string // the customs office working it
	HolderOrgID      int64  // the right holder whose rights are concerned; it sees only its own cases
	RightIDs         []int64
	DeclarationID    int64 // the screened declaration it was opened from, or 0
	Channel          string
	GoodsValue       Money // in Currency's minor units
	Currency         string
	Perishable       bool
	SmallConsignment bool
	Patent           bool
	OpenedBy         int64
	OpenedAt         time.Time
	ClosedAt         time.Time // zero while open
	Version          int       // bumped by every save; a save with a stale version is a conflict
	Determination    Determination
	Penalty          Penalty
	BondAmount       Money
	BondSource       BondSource
	BondGuaranteeID  int64     // the general guarantee drawn on, when BondSource is guarantee
	NextDue          time.Time // filled when listed: the earliest open deadline, zero when none
	NextProvisional  bool      // … and whether its date is provisional
}

// Penalty is the administrative penalty decided on a case.
type Penalty struct {
	Fine   Money
	Tier   string // the fine bracket applied, as the profile names it
	Reason string
}

// Validate checks and normalises a case before it is stored.
func (c *Case) Validate() error {
	p := Problems{}
	c.Office, c.State, c.Channel = strings.TrimSpace(c.Office), strings.TrimSpace(c.State), strings.TrimSpace(c.Channel)
	c.Currency = strings.ToUpper(strings.TrimSpace(c.Currency))
	if !oneOf(c.Profile, Profiles...) {
		p.Add("profile", fmt.Sprintf("%q is not CN, EU or US", c.Profile))
	}
	if !oneOf(c.Mode, ModeExOfficio, ModeOnApplication) {
		p.Add("mode", fmt.Sprintf("%q is not ex_officio or on_application", c.Mode))
	}
	if c.State == "" {
		p.Add("state", "is required")
	}
	if c.Office == "" {
		p.Add("office", "is required")
	}
	if c.HolderOrgID <= 0 {
		p.Add("holder", "is required")
	}
	if c.Currency == "" {
		c.Currency = c.Profile.Currency()
	} else if !isCurrency(c.Currency) {
		p.Add("currency", fmt.Sprintf("%q is not a three-letter currency code", c.Currency))
	}
	checkAmount(p, "goods_value", c.GoodsValue)
	checkAmount(p, "penalty.fine", c.Penalty.Fine)
	checkAmount(p, "bond_amount", c.BondAmount)
	if !oneOf(c.Determination, "", DeterminationInfringing, DeterminationNotInfringing, DeterminationUndetermined) {
		p.Add("determination", fmt.Sprintf("%q is not a determination", c.Determination))
	}
	switch c.BondSource {
	case BondNone, BondCash:
		if c.BondGuaranteeID != 0 {
			p.Add("bond_guarantee", "is only for a bond drawn on a guarantee")
		}
	case BondGuarantee:
		if c.BondGuaranteeID <= 0 {
			p.Add("bond_guarantee", "is required for a bond drawn on a guarantee")
		}
	default:
		p.Add("bond_source", fmt.Sprintf("%q is not cash or guarantee", c.BondSource))
	}
	for i, id := range c.RightIDs {
		if id <= 0 {
			p.Add(fmt.Sprintf("rights[%d]", i), "is not a right")
		}
	}
	if c.OpenedAt.IsZero() {
		p.Add("opened_at", "is required")
	}
	return p.Err("the case is not valid")
}

// Open reports whether the case is still being worked.
func (c *Case) Open() bool { return c.ClosedAt.IsZero() }

// Resource is the case as permission rules see it: owned by its holder, in its state.
func (c *Case) Resource() Resource {
	return Resource{Kind: "case", OrgID: c.HolderOrgID, State: c.State}
}

// CaseRef is the human number of a case: prefix, year and a sequence, such as HZ-2026-000123.
func CaseRef(prefix string, year int, seq int64) string {
	return fmt.Sprintf("%s-%04d-%06d", prefix, year, seq)
}

// CheckRefPrefix checks a case number prefix: 1 to 8 capital letters or digits.
func CheckRefPrefix(prefix string) error {
	ok := prefix != "" && len(prefix) <= 8
	for _, r := range prefix {
		ok = ok && (r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}
	if !ok {
		return &Error{Code: EINVALID, Message: "the case number prefix is not valid",
			Fields: map[string]string{"prefix": "must be 1 to 8 capital letters or digits"}}
	}
	return nil
}

// CaseFilter selects cases for a list. Zero fields match everything.
type CaseFilter struct {
	Office      string
	State       string
	HolderOrgID int64     // a right holder's user is always filtered to its own organisation
	OverdueAt   time.Time // when not zero, only cases with an open deadline due before it
	Search      string    // part of the case number or of an item's description
	Limit       int       // 50 when 0; at most 500
	Offset      int
}

// CaseEvent is one entry of a case's timeline.
type CaseEvent struct {
	ID        int64
	CaseID    int64
	At        time.Time
	ActorID   int64 // 0 for the system (deadline expiry, for one)
	Kind      string
	FromState string
	ToState   string
	Note      string
}

// Custody is one move of detained goods: who moved them where, and when.
type Custody struct {
	ID       int64
	CaseID   int64
	ItemID   int64 // 0 when the whole consignment moved
	At       time.Time
	By       int64
	From     string // location, "" when the goods were first taken in
	To       string
	Note     string
	Received string // who took them over, as written on the handover
}

// Validate checks a custody entry before it is stored.
func (m *Custody) Validate() error {
	p := Problems{}
	m.From, m.To, m.Note, m.Received = strings.TrimSpace(m.From), strings.TrimSpace(m.To), strings.TrimSpace(m.Note), strings.TrimSpace(m.Received)
	if m.To == "" {
		p.Add("to", "is required")
	}
	if m.At.IsZero() {
		p.Add("at", "is required")
	}
	return p.Err("the custody entry is not valid")
}

func oneOf[T comparable](v T, allowed ...T) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	return false
}

func isCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func checkAmount(p Problems, field string, m Money) {
	if m < 0 {
		p.Add(field, "must not be negative")
	}
}

// CaseItem is one parcel or line of detained goods.
type CaseItem struct {
	ID                int64
	CaseID            int64
	Position          int // 1, 2, …: the order the officer listed them in
	Description       string
	Quantity          int64
	Unit              string // "pcs" when not given
	DeclaredValue     Money
	AssessedValue     Money  // customs' own assessment, 0 until made
	Location          string // where in the warehouse
	StorageCostPerDay Money
	Files             []string // SHA-256 of photos and documents, each an uploaded File
}

// Validate checks and normalises an item before it is stored.
func (it *CaseItem) Validate() error {
	p := Problems{}
	it.Description, it.Unit, it.Location = strings.TrimSpace(it.Description), strings.TrimSpace(it.Unit), strings.TrimSpace(it.Location)
	if it.Description == "" {
		p.Add("description", "is required")
	}
	if it.Quantity <= 0 {
		p.Add("quantity", "must be at least 1")
	}
	if it.Unit == "" {
		it.Unit = "pcs"
	}
	checkAmount(p, "declared_value", it.DeclaredValue)
	checkAmount(p, "assessed_value", it.AssessedValue)
	checkAmount(p, "storage_cost_per_day", it.StorageCostPerDay)
	for i, sha := range it.Files {
		if !IsSHA256(sha) {
			p.Add(fmt.Sprintf("files[%d]", i), "is not the SHA-256 of an uploaded file")
		}
	}
	return p.Err("the item is not valid")
}

// IsSHA256 reports whether s is a SHA-256 in lower-case hex, as files are named.
func IsSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}

// DeadlineState is where a legal clock stands.
type DeadlineState string

const (
	DeadlineRunning        DeadlineState = "running"
	DeadlineMet            DeadlineState = "met"             // what was due happened in time
	DeadlineExpired        DeadlineState = "expired"         // it passed with nothing done
	DeadlineDefaultPending DeadlineState = "default_pending" // the legal default awaits a supervisor
	DeadlineConfirmed      DeadlineState = "confirmed"       // a supervisor confirmed the default
)

// OpenDeadlineStates are the states in which a deadline still asks for someone to act.
var OpenDeadlineStates = []DeadlineState{DeadlineRunning, DeadlineExpired, DeadlineDefaultPending}

// Deadline is one legal clock of a case, such as the holder's 3 working days to answer.
type Deadline struct {
	ID              int64
	CaseID          int64
	Name            string // unique within the case, e.g. "identification"
	StartedAt       time.Time
	DueDate         Date      // the last day, in the office's calendar
	DueAt           time.Time // the instant it runs out, UTC
	Provisional     bool      // computed without the due year's official calendar
	CalendarVersion string
	State           DeadlineState
	RemindedSoon    bool // the "due soon" reminder was sent
	RemindedOverdue bool // the "overdue" reminder was sent
}

// Validate checks a deadline before it is stored.
func (d *Deadline) Validate() error {
	p := Problems{}
	d.Name = strings.TrimSpace(d.Name)
	if d.Name == "" {
		p.Add("name", "is required")
	}
	if d.StartedAt.IsZero() {
		p.Add("started_at", "is required")
	}
	if d.DueAt.IsZero() {
		p.Add("due_at", "is required")
	} else if d.DueAt.Before(d.StartedAt) {
		p.Add("due_at", "is before the clock started")
	}
	if !oneOf(d.State, DeadlineRunning, DeadlineMet, DeadlineExpired, DeadlineDefaultPending, DeadlineConfirmed) {
		p.Add("state", fmt.Sprintf("%q is not a deadline state", d.State))
	}
	return p.Err("the deadline is not valid")
}

// MinGeneralGuarantee is the least a general guarantee may be in China: ¥200,000.
const MinGeneralGuarantee Money = 200_000_00

// Guarantee is a right holder's general guarantee for a year, which bonds of its
// cases are drawn on. Held is the part drawn and not yet released.
type Guarantee struct {
	ID          int64
	HolderOrgID int64
	Year        int
	Amount      Money // in fen
	Held        Money
	Issuer      string // the bank that gave it
	Reference   string // the bank's number for it
	CreatedBy   int64
	CreatedAt   time.Time
}

// Balance is what may still be drawn.
func (g *Guarantee) Balance() Money { return g.Amount - g.Held }

// Validate checks a new guarantee.
func (g *Guarantee) Validate() error {
	p := Problems{}
	g.Issuer, g.Reference = strings.TrimSpace(g.Issuer), strings.TrimSpace(g.Reference)
	if g.HolderOrgID <= 0 {
		p.Add("holder", "is required")
	}
	if g.Year < 2000 || g.Year > 2999 {
		p.Add("year", "is not a year")
	}
	if g.Amount < MinGeneralGuarantee {
		p.Add("amount", "must be at least ¥"+MinGeneralGuarantee.String())
	}
	if g.Held != 0 {
		p.Add("held", "must be 0 for a new guarantee")
	}
	return p.Err("the guarantee is not valid")
}

// GuaranteeMove is one draw on a guarantee for a case (positive) or its release (negative);
// the moves add up to the guarantee's Held.
type GuaranteeMove struct {
	ID          int64
	GuaranteeID int64
	CaseID      int64
	Amount      Money
	At          time.Time
	By          int64
}

// CalendarVersion is one imported version of a jurisdiction's working-day calendar for a year.
type CalendarVersion struct {
	ID           int64
	Jurisdiction string // CN, EU member state code, US
	Year         int
	Version      string // e.g. the State Council notice number, or a date
	Content      string // the data file as imported
	ImportedAt   time.Time
	ImportedBy   int64
}

// Validate checks a calendar version before it is stored; its content is checked by the calendar package.
func (c *CalendarVersion) Validate() error {
	p := Problems{}
	c.Jurisdiction, c.Version = strings.ToUpper(strings.TrimSpace(c.Jurisdiction)), strings.TrimSpace(c.Version)
	if c.Jurisdiction == "" || len(c.Jurisdiction) > 8 {
		p.Add("jurisdiction", "is required, at most 8 characters")
	}
	if c.Year < 2000 || c.Year > 2999 {
		p.Add("year", "is not a year")
	}
	if c.Version == "" {
		p.Add("version", "is required")
	}
	if strings.TrimSpace(c.Content) == "" {
		p.Add("content", "is required")
	}
	return p.Err("the calendar is not valid")
}
