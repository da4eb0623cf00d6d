package ipr

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// Confidence is how sure a right holder is of a tip.
type Confidence string

const (
	ConfidenceLow    Confidence = "low"
	ConfidenceMedium Confidence = "medium"
	ConfidenceHigh   Confidence = "high"
)

// TipStatus is where customs' review of a tip stands.
type TipStatus string

const (
	TipOpen      TipStatus = "open"      // waiting for customs
	TipRuled     TipStatus = "ruled"     // turned into a risk rule
	TipDismissed TipStatus = "dismissed" // set aside, with a reason
)

// Tip is a right holder's intelligence about suspect shipments: who sends and
// receives them, where from and how, under which HS codes, at what unit value
// and when. Customs may turn it into a risk rule; RuleID keeps the link.
type Tip struct {
	ID      int64
	OrgID   int64  // the right holder it comes from
	OrgName string // loaded with the tip
	Title   string

	Consignors []string
	Consignees []string
	Addresses  []string // of either party
	Factories  []string
	Routes     []string
	Ports      []string
	Transports []string
	HSCodes    []string // prefixes, e.g. 6403

	UnitValueMin float64 // 0 for no bound
	UnitValueMax float64
	WindowFrom   Date // declarations from this day; zero for no bound
	WindowTo     Date

	Confidence Confidence
	Notes      string
	Files      []string // SHA-256 of uploaded supporting files
	Expires    Date     // the last day the tip holds

	Status     TipStatus
	RuleID     int64 // the rule it became; 0 until then
	Reason     string
	ReviewedBy int64
	ReviewedAt time.Time

	CreatedBy int64
	CreatedAt time.Time
	Shares    []TipShare
}

// TipShare records that a tip is shared with a working group, maybe anonymised
// (without the holder's name and files).
type TipShare struct {
	GroupID    int64
	GroupName  string
	Anonymised bool
	SharedBy   int64
	SharedAt   time.Time
}

// TipFilter selects a page of tips. VisibleTo limits the list to tips of, or
// shared with, those organisations; nil means every tip (customs).
type TipFilter struct {
	Status     TipStatus
	Confidence Confidence
	OrgID      int64 // one holder's tips; 0 for all
	VisibleTo  []int64
	Limit      int
	Offset     int
}

// TipFeedback is how a tip's rule (or any rule) has fared: the declarations it
// flagged, the cases opened from them and the cases that found the goods infringing.
type TipFeedback struct {
	RuleID    int64
	Flagged   int64
	Cases     int64
	Confirmed int64
}

// Precision is the share of flagged declarations that were confirmed counterfeit, 0 without any.
func (f TipFeedback) Precision() float64 {
	if f.Flagged == 0 {
		return 0
	}
	return float64(f.Confirmed) / float64(f.Flagged)
}

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// tipLists names the tip's lists as the API and the form name them.
func (t *Tip) tipLists() []struct {
	name string
	list *[]string
} {
	return []struct {
		name string
		list *[]string
	}{
		{"consignors", &t.Consignors}, {"consignees", &t.Consignees}, {"addresses", &t.Addresses},
		{"factories", &t.Factories}, {"routes", &t.Routes}, {"ports", &t.Ports},
		{"transports", &t.Transports}, {"hs_codes", &t.HSCodes},
	}
}

// Validate trims a tip and checks it before it is stored; today is the
// holder's day, after which the tip must still hold. Problems name the field.
func (t *Tip) Validate(today Date) error {
	p := Problems{}
	t.Title, t.Notes = strings.TrimSpace(t.Title), strings.TrimSpace(t.Notes)
	if t.Title == "" {
		p.Add("title", "is required")
	} else if len(t.Title) > 200 {
		p.Add("title", "must be at most 200 characters")
	}
	if len(t.Notes) > 4000 {
		p.Add("notes", "must be at most 4000 characters")
	}
	if t.OrgID == 0 {
		p.Add("org", "is required")
	}
	some := false
	for _, l := range t.tipLists() {
		*l.list = cleanList(*l.list) // exact repeats only; customs may want both spellings
		some = some || len(*l.list) > 0
		if len(*l.list) > 50 {
			p.Add(l.name, "give at most 50 entries")
		}
		for i, v := range *l.list {
			if len(v) > 200 {
				p.Add(fmt.Sprintf("%s[%d]", l.name, i), "must be at most 200 characters")
			}
			if l.name == "hs_codes" && !allDigits(v) {
				p.Add(fmt.Sprintf("%s[%d]", l.name, i), "must be digits, e.g. 6403")
			}
		}
	}
	if t.UnitValueMin < 0 {
		p.Add("unit_value_min", "must not be negative")
	}
	if t.UnitValueMax < 0 || (t.UnitValueMax > 0 && t.UnitValueMax < t.UnitValueMin) {
		p.Add("unit_value_max", "must not be below unit_value_min")
	}
	if !t.WindowFrom.IsZero() && !t.WindowTo.IsZero() && t.WindowTo.Before(t.WindowFrom) {
		p.Add("window_to", "must not be before window_from")
	}
	some = some || t.UnitValueMin > 0 || t.UnitValueMax > 0 || !t.WindowFrom.IsZero() || !t.WindowTo.IsZero()
	if !some {
		p.Add("intelligence", "give at least one consignor, consignee, address, factory, route, port, transport mode, HS code, value or time window")
	}
	if !oneOf(t.Confidence, ConfidenceLow, ConfidenceMedium, ConfidenceHigh) {
		p.Add("confidence", "must be low, medium or high")
	}
	if t.Expires.IsZero() {
		p.Add("expires", "is required")
	} else if !t.Expires.After(today) {
		p.Add("expires", "must be after today ("+today.String()+")")
	}
	for i, f := range t.Files {
		t.Files[i] = strings.ToLower(strings.TrimSpace(f))
		if !sha256Hex.MatchString(t.Files[i]) {
			p.Add(fmt.Sprintf("files[%d]", i), "must be the SHA-256 of an uploaded file")
		}
	}
	return p.Err("the tip is not valid")
}

// NormaliseParty reduces a party's name or address to compare it across tips:
// upper case, punctuation dropped, spaces collapsed, and common company
// suffixes ("CO LTD", "LIMITED") removed.
func NormaliseParty(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	words := strings.Fields(b.String())
	for len(words) > 1 && companySuffix[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

var companySuffix = map[string]bool{"CO": true, "LTD": true, "LIMITED": true, "INC": true, "LLC": true,
	"COMPANY": true, "CORP": true, "GMBH": true, "SRL": true, "有限公司": true}
