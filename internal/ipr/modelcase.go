package ipr

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// ModelCaseField names one fact of a closed case that customs may reveal in a model case.
type ModelCaseField string

const (
	MCOffice        ModelCaseField = "office"
	MCMonth         ModelCaseField = "month" // the month the case was opened, e.g. 2026-03
	MCChannel       ModelCaseField = "channel"
	MCTransport     ModelCaseField = "transport"
	MCOrigin        ModelCaseField = "origin" // origin province or region, from the declaration
	MCGoods         ModelCaseField = "goods"  // the items' descriptions, names removed
	MCQuantity      ModelCaseField = "quantity"
	MCValueBand     ModelCaseField = "value_band" // a range, never the exact value
	MCDetermination ModelCaseField = "determination"
	MCPenaltyTier   ModelCaseField = "penalty_tier"
	MCBrand         ModelCaseField = "brand" // the holder's brand; without it brand names are removed too
)

// ModelCaseFields lists every field in the order a model case shows them.
var ModelCaseFields = []ModelCaseField{MCOffice, MCMonth, MCChannel, MCTransport, MCOrigin, MCGoods,
	MCQuantity, MCValueBand, MCDetermination, MCPenaltyTier, MCBrand}

// ModelCaseStatus says whether a model case is public.
type ModelCaseStatus string

const (
	ModelCasePublished ModelCaseStatus = "published"
	ModelCaseWithdrawn ModelCaseStatus = "withdrawn"
)

// Limits of a model case's text.
const (
	MaxModelCaseTitle = 200
	MaxModelCaseText  = 10000
)

// ModelCaseFact is one revealed field and its value, as published.
type ModelCaseFact struct {
	Field ModelCaseField `json:"field"`
	Value string         `json:"value"`
}

// ModelCaseSnapshot is everything a model case's public page shows: only the
// facts customs chose, and text from which names were removed. It is stored as
// published; the public page never reads the case itself.
type ModelCaseSnapshot struct {
	Title   string          `json:"title"`
	Summary string          `json:"summary"` // Markdown
	Lessons string          `json:"lessons"` // Markdown
	Facts   []ModelCaseFact `json:"facts"`
}

// Fact is the value of a revealed field, or "".
func (s *ModelCaseSnapshot) Fact(f ModelCaseField) string {
	for _, fact := range s.Facts {
		if fact.Field == f {
			return fact.Value
		}
	}
	return ""
}

// SearchText is the lower-cased text a model case is found by.
func (s *ModelCaseSnapshot) SearchText() string {
	parts := []string{s.Title, s.Summary, s.Lessons}
	for _, f := range s.Facts {
		parts = append(parts, f.Value)
	}
	return strings.ToLower(strings.Join(parts, "\n"))
}

// ModelCase is a published, anonymised model case made from a closed case.
type ModelCase struct {
	ID          int64
	CaseID      int64 // kept for customs only: to update or withdraw; never shown in public
	Status      ModelCaseStatus
	Snapshot    ModelCaseSnapshot
	PublishedBy int64
	PublishedAt time.Time
}

// ModelCaseInput is what a customs supervisor writes and chooses.
type ModelCaseInput struct {
	Title   string
	Summary string
	Lessons string
	Reveal  []ModelCaseField
}

// Validate trims the input and checks it; Problems name the field.
func (in *ModelCaseInput) Validate() error {
	p := Problems{}
	in.Title, in.Summary, in.Lessons = strings.TrimSpace(in.Title), strings.TrimSpace(in.Summary), strings.TrimSpace(in.Lessons)
	if in.Title == "" {
		p.Add("title", "is required")
	} else if len([]rune(in.Title)) > MaxModelCaseTitle {
		p.Add("title", fmt.Sprintf("must be at most %d characters", MaxModelCaseTitle))
	}
	if in.Summary == "" {
		p.Add("summary", "is required")
	}
	for field, v := range map[string]string{"summary": in.Summary, "lessons": in.Lessons} {
		if len([]rune(v)) > MaxModelCaseText {
			p.Add(field, fmt.Sprintf("must be at most %d characters", MaxModelCaseText))
		}
	}
	var reveal []ModelCaseField
	for _, f := range in.Reveal {
		if !slices.Contains(ModelCaseFields, f) {
			p.Add("reveal", fmt.Sprintf("%q is not a field that can be revealed", f))
		} else if !slices.Contains(reveal, f) {
			reveal = append(reveal, f)
		}
	}
	in.Reveal = reveal
	return p.Err("the model case is not valid")
}

// Reveals reports whether the input reveals field f.
func (in *ModelCaseInput) Reveals(f ModelCaseField) bool { return slices.Contains(in.Reveal, f) }

// ValueBand is the range a case's goods value falls in, in major units of
// currency, so that a model case never gives the exact value.
func ValueBand(m Money, currency string) string {
	bands := []struct {
		upTo  Money
		label string
	}{
		{10_000_00, "under 10,000"}, {50_000_00, "10,000 – 50,000"}, {200_000_00, "50,000 – 200,000"},
		{1_000_000_00, "200,000 – 1,000,000"},
	}
	for _, b := range bands {
		if m < b.upTo {
			return b.label + " " + currency
		}
	}
	return "over 1,000,000 " + currency
}

// ModelCaseFilter selects a page of published model cases.
type ModelCaseFilter struct {
	Text   string // part of the title, text or a revealed fact
	Limit  int
	Offset int
}
