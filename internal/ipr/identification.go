package ipr

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Verdict is a right holder's answer on one item: is it genuine?
type Verdict string

const (
	VerdictGenuine     Verdict = "genuine"
	VerdictCounterfeit Verdict = "counterfeit"
	VerdictCannotTell  Verdict = "cannot_tell" // from the photos alone; the holder may ask to inspect
)

// Verdicts lists every verdict.
var Verdicts = []Verdict{VerdictGenuine, VerdictCounterfeit, VerdictCannotTell}

// IdentificationRequest asks the right holder to say, item by item, whether
// detained goods are genuine, before a deadline.
type IdentificationRequest struct {
	ID         int64
	CaseID     int64
	ItemIDs    []int64
	Due        time.Time // when the answer is due, UTC
	SentAt     time.Time
	SentBy     int64
	AnsweredAt time.Time // zero until answered
	Answers    []IdentificationAnswer
}

// Answered reports whether the holder has answered.
func (r *IdentificationRequest) Answered() bool { return !r.AnsweredAt.IsZero() }

// Validate checks a request before it is sent.
func (r *IdentificationRequest) Validate() error {
	p := Problems{}
	if r.CaseID <= 0 {
		p.Add("case", "is required")
	}
	if len(r.ItemIDs) == 0 {
		p.Add("items", "choose at least one item")
	}
	seen := map[int64]bool{}
	for i, id := range r.ItemIDs {
		if id <= 0 || seen[id] {
			p.Add(fmt.Sprintf("items[%d]", i), "is not an item, or is listed twice")
		}
		seen[id] = true
	}
	if r.SentAt.IsZero() {
		p.Add("sent_at", "is required")
	}
	if r.Due.IsZero() || r.Due.Before(r.SentAt) {
		p.Add("due", "is required and after the request is sent")
	}
	return p.Err("the identification request is not valid")
}

// IdentificationAnswer is the holder's verdict on one item, with the points of its
// authentication guide (by id) or its own reasons that show it.
type IdentificationAnswer struct {
	RequestID     int64
	ItemID        int64
	Verdict       Verdict
	GuidePointIDs []int64
	Points        []string // reasons in the holder's words
	AnsweredBy    int64
	AnsweredAt    time.Time
}

// CheckAnswers checks a holder's answers to r: exactly one per requested item,
// each with a known verdict, and a counterfeit verdict with at least one point
// showing why. Problems are named by position: "items[3].verdict".
func (r *IdentificationRequest) CheckAnswers(answers []IdentificationAnswer) error {
	p := Problems{}
	if r.Answered() {
		return Errorf(ECONFLICT, "the request was already answered on %s", r.AnsweredAt.Format(time.DateOnly))
	}
	seen := map[int64]bool{}
	for i := range answers {
		a := &answers[i]
		field := fmt.Sprintf("items[%d].", i)
		switch {
		case !slices.Contains(r.ItemIDs, a.ItemID):
			p.Add(field+"item", fmt.Sprintf("item %d is not in the request", a.ItemID))
		case seen[a.ItemID]:
			p.Add(field+"item", fmt.Sprintf("item %d is answered twice", a.ItemID))
		}
		seen[a.ItemID] = true
		if !oneOf(a.Verdict, Verdicts...) {
			p.Add(field+"verdict", fmt.Sprintf("%q is not genuine, counterfeit or cannot_tell", a.Verdict))
		}
		a.Points = cleanPoints(a.Points)
		if a.Verdict == VerdictCounterfeit && len(a.Points) == 0 && len(a.GuidePointIDs) == 0 {
			p.Add(field+"points", "say which guide points show it is counterfeit")
		}
		for j, pt := range a.Points {
			if len(pt) > 2000 {
				p.Add(fmt.Sprintf("%spoints[%d]", field, j), "must be at most 2000 characters")
			}
		}
	}
	for _, id := range r.ItemIDs {
		if !seen[id] {
			p.Add("items", fmt.Sprintf("item %d has no answer", id))
		}
	}
	return p.Err("the answers are not valid")
}

func cleanPoints(points []string) []string {
	var out []string
	for _, s := range points {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ResponseTime is how fast a right holder answers identification requests.
type ResponseTime struct {
	HolderOrgID int64
	Answered    int // answered requests counted
	AvgHours    float64
	MedianHours float64
}
