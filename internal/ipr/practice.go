package ipr

import (
	"strings"
	"time"
)

// PracticeNote is a best-practice note that an officer or a member shares with
// the others: how to recognise a fake, how to prepare a recordation, how to
// answer an identification request in time.
type PracticeNote struct {
	ID        int64
	OrgID     int64 // the organisation of its author
	OrgName   string
	Title     string
	Body      string // Markdown
	Tags      []string
	CreatedBy int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// PracticeFilter selects a page of notes, newest first; Query searches titles and bodies.
type PracticeFilter struct {
	Query  string
	Tag    string
	Limit  int
	Offset int
}

// Validate trims a note and checks it before it is stored. Problems name the field.
func (n *PracticeNote) Validate() error {
	p := Problems{}
	n.Title, n.Body = strings.TrimSpace(n.Title), strings.TrimSpace(n.Body)
	checkText(p, "title", n.Title, 200, true)
	checkText(p, "body", n.Body, MaxArticleBody, true)
	tags, problem := NormaliseTags(n.Tags)
	if problem != "" {
		p.Add("tags", problem)
	}
	n.Tags = tags
	if n.OrgID == 0 {
		p.Add("org", "is required")
	}
	return p.Err("the note is not valid")
}
