package enforce

import (
	"context"
	"fmt"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// PracticeView is a best-practice note and whether the viewer may change it.
type PracticeView struct {
	*ipr.PracticeNote
	CanEdit bool
}

// PracticePage is one page of notes and how many match in all.
type PracticePage struct {
	Notes []*PracticeView
	Total int64
}

// Best-practice notes are for the members of the exchange and customs, not the
// public: they say how fakes are recognised and where customs look, which would
// help those who make them.

// PracticeNotes returns a page of notes, searched by title and body.
func (s *Service) PracticeNotes(ctx context.Context, actor *ipr.User, f ipr.PracticeFilter) (*PracticePage, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewPractice, ipr.Anything); err != nil {
		return nil, err
	}
	if len(f.Query) > 200 {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the search is not valid",
			Fields: map[string]string{"q": "must be at most 200 characters"}}
	}
	page := &PracticePage{}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		list, total, err := tx.ListPracticeNotes(ctx, f)
		page.Total = total
		for _, n := range list {
			page.Notes = append(page.Notes, practiceView(actor, n))
		}
		return err
	})
	return page, err
}

// PracticeNote returns one note.
func (s *Service) PracticeNote(ctx context.Context, actor *ipr.User, id int64) (*PracticeView, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewPractice, ipr.Anything); err != nil {
		return nil, err
	}
	var out *PracticeView
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		n, err := tx.PracticeNoteByID(ctx, id)
		if err == nil {
			out = practiceView(actor, n)
		}
		return err
	})
	return out, err
}

func practiceView(actor *ipr.User, n *ipr.PracticeNote) *PracticeView {
	return &PracticeView{PracticeNote: n, CanEdit: ipr.Can(actor, ipr.ActionWritePractice, ipr.OrgResource("practice", n.OrgID))}
}

// WritePracticeNote publishes a new note for the actor's organisation.
func (s *Service) WritePracticeNote(ctx context.Context, actor *ipr.User, in ipr.PracticeNote) (*PracticeView, error) {
	if err := ipr.Authorize(actor, ipr.ActionWritePractice, ipr.OrgResource("practice", actor.OrgIDOrZero())); err != nil {
		return nil, err
	}
	n := &ipr.PracticeNote{OrgID: actor.OrgID, Title: in.Title, Body: in.Body, Tags: in.Tags, CreatedBy: actor.ID}
	if err := n.Validate(); err != nil {
		return nil, err
	}
	var out *PracticeView
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreatePracticeNote(ctx, n, s.Clock.Now()); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "practice.create", ObjectType: "practice_note", ObjectID: n.ID,
			ObjectOrg: n.OrgID, After: practiceSummary(n)}); err != nil {
			return err
		}
		saved, err := tx.PracticeNoteByID(ctx, n.ID)
		out = practiceView(actor, saved)
		return err
	})
	return out, err
}

// UpdatePracticeNote changes a note of the actor's organisation.
func (s *Service) UpdatePracticeNote(ctx context.Context, actor *ipr.User, id int64, in ipr.PracticeNote) (*PracticeView, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewPractice, ipr.Anything); err != nil {
		return nil, err
	}
	var out *PracticeView
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		n, err := tx.PracticeNoteByID(ctx, id)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionWritePractice, ipr.OrgResource("practice", n.OrgID)); err != nil {
			return err
		}
		before := practiceSummary(n)
		n.Title, n.Body, n.Tags = in.Title, in.Body, in.Tags
		if err := n.Validate(); err != nil {
			return err
		}
		if err := tx.UpdatePracticeNote(ctx, n, s.Clock.Now()); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "practice.update", ObjectType: "practice_note", ObjectID: n.ID,
			ObjectOrg: n.OrgID, Before: before, After: practiceSummary(n)}); err != nil {
			return err
		}
		out = practiceView(actor, n)
		return nil
	})
	return out, err
}

func practiceSummary(n *ipr.PracticeNote) string {
	return fmt.Sprintf("%q, tags %s, %d characters", n.Title, strings.Join(n.Tags, ", "), len(n.Body))
}
