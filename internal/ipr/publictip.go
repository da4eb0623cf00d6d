package ipr

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// PublicTipStatus is where a tip from the public tip line stands in customs' triage.
type PublicTipStatus string

const (
	PublicTipReceived  PublicTipStatus = "received"  // waiting for triage
	PublicTipTriaged   PublicTipStatus = "triaged"   // read and kept for follow-up
	PublicTipForwarded PublicTipStatus = "forwarded" // passed on, for example to an office or a right holder
	PublicTipDismissed PublicTipStatus = "dismissed" // not actionable
)

// PublicTipStatuses lists every status in triage order.
var PublicTipStatuses = []PublicTipStatus{PublicTipReceived, PublicTipTriaged, PublicTipForwarded, PublicTipDismissed}

// ParsePublicTipStatus accepts a status name such as "forwarded".
func ParsePublicTipStatus(s string) (PublicTipStatus, error) {
	for _, st := range PublicTipStatuses {
		if string(st) == strings.TrimSpace(s) {
			return st, nil
		}
	}
	return "", &Error{Code: EINVALID, Message: "unknown tip status",
		Fields: map[string]string{"status": ProblemUnknown}}
}

// Limits of the public tip line: small enough that abuse costs storage slowly.
const (
	MaxTipWhat      = 4000 // characters
	MaxTipWhere     = 500
	MaxTipSeller    = 2000
	MaxTipShipment  = 2000
	MaxTipReason    = 1000
	MaxTipPhotos    = 5
	MaxTipPhotoSize = 5 << 20
)

// Field problems of the tip line, shown in English by the API and the command
// line and looked up in the message catalogue by the web page (publictip.problem.*).
const (
	ProblemRequired = "is required"
	ProblemTooLong  = "is too long"
	ProblemText     = "contains characters that are not text"
	ProblemUnknown  = "is not one of the choices"
)

// PublicTip is a report of suspected counterfeits from anyone, without signing in.
// It holds no personal data of the reporter: the receipt and the hash of a secret
// let them check its status later.
type PublicTip struct {
	ID         int64
	Receipt    string // shown to the reporter, e.g. "T-7K3MQ9XW2D"
	SecretHash string // SHA-256 (hex) of the secret given with the receipt; the secret is not kept
	What       string // the goods and the brand they imitate
	Where      string // where they were seen: shop, website, market, port
	Seller     string // the seller's name, shop or account
	Shipment   string // shipment details: tracking number, consignor, route
	Lang       string // the language the reporter used
	Status     PublicTipStatus
	Reason     string // why it was triaged, forwarded or dismissed
	TriagedBy  int64
	TriagedAt  time.Time
	CreatedAt  time.Time
	Photos     []PublicTipPhoto
}

// PublicTipPhoto is a picture sent with a tip, kept in the blob store.
type PublicTipPhoto struct {
	SHA256      string
	ContentType string
	Size        int64
	Name        string
}

// Validate trims the tip's text and checks it before it is stored. Problems are
// by form field: what, where, seller, shipment.
func (t *PublicTip) Validate() error {
	p := Problems{}
	checkTipText(p, "what", &t.What, MaxTipWhat, true)
	checkTipText(p, "where", &t.Where, MaxTipWhere, true)
	checkTipText(p, "seller", &t.Seller, MaxTipSeller, false)
	checkTipText(p, "shipment", &t.Shipment, MaxTipShipment, false)
	if t.Lang != "zh" {
		t.Lang = "en"
	}
	return p.Err("the report is not complete")
}

func checkTipText(p Problems, field string, s *string, max int, required bool) {
	*s = strings.TrimSpace(*s)
	switch {
	case !utf8.ValidString(*s) || strings.ContainsFunc(*s, badTipRune):
		p.Add(field, ProblemText)
	case utf8.RuneCountInString(*s) > max:
		p.Add(field, ProblemTooLong)
	case required && *s == "":
		p.Add(field, ProblemRequired)
	}
}

// badTipRune refuses control characters other than line breaks and tabs.
func badTipRune(r rune) bool {
	return r == utf8.RuneError || (unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t')
}

// Triage moves a tip to status for reason. A tip may be triaged first and then
// forwarded or dismissed; forwarded and dismissed are final. Forwarding and
// dismissing need a reason.
func (t *PublicTip) Triage(to PublicTipStatus, reason string, by int64, now time.Time) error {
	p := Problems{}
	reason = strings.TrimSpace(reason)
	switch {
	case to == PublicTipReceived || to == "":
		p.Add("status", ProblemUnknown)
	case t.Status == PublicTipForwarded || t.Status == PublicTipDismissed:
		return Errorf(ECONFLICT, "the tip is already %s", t.Status)
	case t.Status == to:
		return Errorf(ECONFLICT, "the tip is already %s", t.Status)
	}
	checkTipText(p, "reason", &reason, MaxTipReason, to == PublicTipForwarded || to == PublicTipDismissed)
	if err := p.Err("the tip cannot be triaged"); err != nil {
		return err
	}
	t.Status, t.Reason, t.TriagedBy, t.TriagedAt = to, reason, by, now.UTC()
	return nil
}

// PublicTipFilter selects tips for customs' triage queue. Zero fields match everything.
type PublicTipFilter struct {
	Status PublicTipStatus
	Search string // part of what, where, seller, shipment or the receipt
	Limit  int    // 50 when 0; at most 500
	Offset int
}

// ValidPublicTipReceipt reports whether s looks like a receipt, so that anything else
// is refused before it reaches the database.
func ValidPublicTipReceipt(s string) bool {
	if len(s) != 12 || !strings.HasPrefix(s, "T-") {
		return false
	}
	for _, c := range s[2:] {
		if !strings.ContainsRune(PublicTipAlphabet, c) {
			return false
		}
	}
	return true
}

// PublicTipAlphabet writes receipts and secrets: upper-case letters and digits without
// the ones read alike (0/O, 1/I/L), so that they can be copied by hand.
const PublicTipAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
