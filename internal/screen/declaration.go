package screen

import "time"

// Declaration is one customs declaration as screening reads it. The JSON
// names are those of the intake API and of `bordermark screen`.
type Declaration struct {
	ID               string    `json:"id"`
	Channel          string    `json:"channel"`   // general, ecommerce, postal, express
	Direction        string    `json:"direction"` // export, import, transit
	DeclaredAt       time.Time `json:"declared_at"`
	CustomsOffice    string    `json:"customs_office"`
	Origin           string    `json:"origin"` // e.g. CN-ZJ-Yiwu
	Destination      string    `json:"destination"`
	Transport        string    `json:"transport"` // sea, air, road, rail, post, express
	Route            string    `json:"route,omitempty"`
	Port             string    `json:"port,omitempty"`
	Consignor        string    `json:"consignor"`
	ConsignorAddress string    `json:"consignor_address,omitempty"`
	Consignee        string    `json:"consignee"`
	ConsigneeAddress string    `json:"consignee_address,omitempty"`
	HSCode           string    `json:"hs_code"`
	Description      string    `json:"description"`
	Brand            string    `json:"brand"`
	Quantity         float64   `json:"quantity"`
	WeightKg         float64   `json:"weight_kg"`
	Value            float64   `json:"value"`
	Currency         string    `json:"currency"`
}

// UnitValue is the declared value per piece, or 0 when it cannot be told.
func (d *Declaration) UnitValue() float64 {
	if d.Quantity <= 0 || d.Value <= 0 {
		return 0
	}
	return d.Value / d.Quantity
}

// Result is what screening says about one declaration.
type Result struct {
	ID    string    `json:"id"`
	Risk  int       `json:"risk"`  // 0–100; 0 when nothing deserves a look
	Hits  []Hit     `json:"hits"`  // flagged marks, and authorised matches marked as such
	Rules []RuleHit `json:"rules"` // risk rules the declaration met
	Error string    `json:"error,omitempty"`
}

// Flagged reports whether the result puts the declaration before an officer.
func (r *Result) Flagged() bool {
	for _, h := range r.Hits {
		if !h.Authorised {
			return true
		}
	}
	return len(r.Rules) > 0
}

// Hit is one recorded mark found in a declaration.
type Hit struct {
	RightID    string   `json:"right_id"` // the right's reference
	Mark       string   `json:"mark"`     // the mark as recorded
	Matched    string   `json:"matched"`  // the declaration's text that matched, as written
	Field      string   `json:"field"`    // description or brand
	Start      int      `json:"start"`    // byte range of Matched in the field
	End        int      `json:"end"`
	Method     string   `json:"method"` // see the Method constants
	Score      float64  `json:"score"`  // 0–1: how sure the match is and how much it matters
	Authorised bool     `json:"authorised"`
	Reasons    []string `json:"reasons"` // shared between results: read, append, never overwrite

	mark int32 // in the index screened against
}

// RuleHit is one risk rule a declaration met.
type RuleHit struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Weight int    `json:"weight"`
	Reason string `json:"reason"`
}

// Methods name how a mark was found.
const (
	MethodExact     = "exact"     // as recorded, whole words
	MethodDisguised = "disguised" // look-alike letters, leetspeak, full-width or hidden characters
	MethodSpaced    = "spaced"    // letters spread out (G U C C I)
	MethodJoined    = "joined"    // words written together or apart differently (LouisVuitton)
	MethodGlued     = "glued"     // inside a longer word (nikeshoes2026)
	MethodFuzzy     = "fuzzy"     // misspelt (Adidos)
	MethodChinese   = "chinese"   // a Chinese name of the mark
	MethodBrand     = "brand"     // named in the declared brand field
)
