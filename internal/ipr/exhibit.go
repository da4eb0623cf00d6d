package ipr

import (
	"fmt"
	"strings"
	"time"
)

// ExhibitStatus is where an exhibit stands in customs' review.
type ExhibitStatus string

const (
	ExhibitDraft     ExhibitStatus = "draft"     // the holder is still writing it
	ExhibitSubmitted ExhibitStatus = "submitted" // waiting for customs
	ExhibitApproved  ExhibitStatus = "approved"  // published in the exhibition
	ExhibitRejected  ExhibitStatus = "rejected"  // sent back with a reason
)

// ExhibitStatuses lists every status in workflow order.
var ExhibitStatuses = []ExhibitStatus{ExhibitDraft, ExhibitSubmitted, ExhibitApproved, ExhibitRejected}

// Limits of an exhibit, so that its public page stays readable on a phone.
const (
	MaxExhibitPoints = 12
	MaxExhibitTitle  = 200
	MaxExhibitText   = 2000 // one point
	MaxExhibitBody   = 8000
)

// ExhibitPoint is one point that tells the genuine from the fake. It may name a
// point of the holder's authentication guide; guides are not public, so only
// the guide point's title is copied into the exhibit when the holder links it,
// and that copy is what the public sees.
type ExhibitPoint struct {
	Text         string `json:"text"` // Markdown
	GuidePointID int64  `json:"guide_point_id,omitempty"`
	GuideTitle   string `json:"guide_title,omitempty"`
}

// Exhibit is a right holder's exhibit of genuine versus counterfeit goods for the
// exhibition: photos of both side by side and the points that tell them apart.
// The working copy is edited by the holder; Published is the last version customs
// approved, the only one the public sees.
type Exhibit struct {
	ID           int64
	HolderID     int64
	HolderName   string // loaded
	RightID      int64  // the recorded right whose brand it shows
	Brand        string // the right's mark, loaded
	GroupID      int64  // the working group it is shown under; 0 for none
	GroupName    string // loaded
	GroupNameZH  string
	Title        string
	TitleZH      string
	Body         string // Markdown: what the exhibit is about
	GenuinePhoto string // SHA-256 of an uploaded picture, "" until there is one
	FakePhoto    string
	Points       []ExhibitPoint
	Status       ExhibitStatus
	RejectReason string
	Version      int // bumped by every save; a stale save is a conflict
	CreatedBy    int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
	SubmittedAt  time.Time
	DecidedBy    int64
	DecidedAt    time.Time
	Published    *ExhibitSnapshot // nil until customs first approve it
}

// ExhibitSnapshot is an exhibit as customs approved it: everything its public
// page shows, copied so that later edits stay private until approved again.
type ExhibitSnapshot struct {
	Title        string         `json:"title"`
	TitleZH      string         `json:"title_zh,omitempty"`
	Body         string         `json:"body,omitempty"`
	HolderName   string         `json:"holder"`
	RightID      int64          `json:"right_id"`
	Brand        string         `json:"brand"`
	GroupID      int64          `json:"group_id,omitempty"`
	GroupName    string         `json:"group,omitempty"`
	GroupNameZH  string         `json:"group_zh,omitempty"`
	GenuinePhoto string         `json:"genuine_photo"`
	FakePhoto    string         `json:"fake_photo"`
	Points       []ExhibitPoint `json:"points"`
	ApprovedAt   time.Time      `json:"approved_at"`
}

// PublicExhibit is an approved exhibit as the exhibition lists it.
type PublicExhibit struct {
	ID int64
	ExhibitSnapshot
}

// Snapshot is the exhibit as its public page would show it now.
func (e *Exhibit) Snapshot(at time.Time) *ExhibitSnapshot {
	points := make([]ExhibitPoint, len(e.Points))
	copy(points, e.Points)
	return &ExhibitSnapshot{Title: e.Title, TitleZH: e.TitleZH, Body: e.Body, HolderName: e.HolderName,
		RightID: e.RightID, Brand: e.Brand, GroupID: e.GroupID, GroupName: e.GroupName, GroupNameZH: e.GroupNameZH,
		GenuinePhoto: e.GenuinePhoto, FakePhoto: e.FakePhoto, Points: points, ApprovedAt: at}
}

// Resource is the exhibit as permission rules see it: owned by its holder, in its state.
func (e *Exhibit) Resource() Resource {
	return Resource{Kind: "exhibit", OrgID: e.HolderID, State: string(e.Status)}
}

// Validate trims an exhibit and checks what the holder fills in; Problems name the field.
func (e *Exhibit) Validate() error {
	p := Problems{}
	e.Title, e.TitleZH, e.Body = strings.TrimSpace(e.Title), strings.TrimSpace(e.TitleZH), strings.TrimSpace(e.Body)
	if e.Title == "" && e.TitleZH == "" {
		p.Add("title", "give a title in English, in Chinese or both")
	}
	for field, v := range map[string]string{"title": e.Title, "title_zh": e.TitleZH} {
		if len([]rune(v)) > MaxExhibitTitle {
			p.Add(field, fmt.Sprintf("must be at most %d characters", MaxExhibitTitle))
		}
	}
	if len([]rune(e.Body)) > MaxExhibitBody {
		p.Add("body", fmt.Sprintf("must be at most %d characters", MaxExhibitBody))
	}
	if e.HolderID <= 0 {
		p.Add("holder", "is required")
	}
	if e.RightID <= 0 {
		p.Add("right", "choose the recorded right whose brand the exhibit shows")
	}
	for field, sha := range map[string]string{"genuine_photo": e.GenuinePhoto, "fake_photo": e.FakePhoto} {
		if sha != "" && !IsSHA256(sha) {
			p.Add(field, "is not an uploaded picture")
		}
	}
	e.Points = cleanExhibitPoints(e.Points)
	if len(e.Points) > MaxExhibitPoints {
		p.Add("points", fmt.Sprintf("give at most %d points", MaxExhibitPoints))
	}
	for i, pt := range e.Points {
		if len([]rune(pt.Text)) > MaxExhibitText {
			p.Add(fmt.Sprintf("points[%d]", i), fmt.Sprintf("must be at most %d characters", MaxExhibitText))
		}
	}
	return p.Err("the exhibit is not valid")
}

// cleanExhibitPoints trims each point and drops those with neither text nor a guide link.
func cleanExhibitPoints(in []ExhibitPoint) []ExhibitPoint {
	var out []ExhibitPoint
	for _, pt := range in {
		pt.Text, pt.GuideTitle = strings.TrimSpace(pt.Text), strings.TrimSpace(pt.GuideTitle)
		if pt.Text != "" || pt.GuidePointID != 0 {
			out = append(out, pt)
		}
	}
	return out
}

// CheckComplete reports what an exhibit still lacks before customs can review it:
// both photos and at least one point.
func (e *Exhibit) CheckComplete() error {
	p := Problems{}
	if e.GenuinePhoto == "" {
		p.Add("genuine_photo", "add a photo of the genuine product")
	}
	if e.FakePhoto == "" {
		p.Add("fake_photo", "add a photo of the fake")
	}
	if len(e.Points) == 0 {
		p.Add("points", "give at least one point that tells them apart")
	}
	return p.Err("the exhibit is not complete")
}

// ExhibitFilter selects a page of exhibits. Zero fields match everything.
type ExhibitFilter struct {
	HolderIDs []int64 // restricts to these holders; nil for every holder
	Status    ExhibitStatus
	NotDraft  bool // customs never see drafts
	Limit     int
	Offset    int
}

// PublicExhibitFilter selects a page of the exhibition: approved exhibits only.
type PublicExhibitFilter struct {
	RightID int64 // one brand
	GroupID int64 // one working group
	Limit   int
	Offset  int
}

// ExhibitFacet is one choice of the exhibition's brand or working group filter.
type ExhibitFacet struct {
	ID     int64
	Name   string
	NameZH string
	Count  int64
}
