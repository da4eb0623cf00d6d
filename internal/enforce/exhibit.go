package enforce

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// ExhibitInput is what a right holder (or its agent) fills in for an exhibit.
// Photos, when given, replace the exhibit's; points name their guide point by id
// and the guide point's title is copied in here.
type ExhibitInput struct {
	HolderID             int64 // 0 is the actor's own organisation
	RightID              int64
	GroupID              int64 // 0: the holder's working group when it belongs to exactly one
	Title, TitleZH, Body string
	Points               []ipr.ExhibitPoint
	GenuinePhoto         *Upload
	FakePhoto            *Upload
}

// ExhibitPage is one page of exhibits and how many match in all.
type ExhibitPage struct {
	Exhibits []*ipr.Exhibit
	Total    int64
}

// CreateExhibit stores a new draft exhibit of one of the holder's recorded rights.
func (s *Service) CreateExhibit(ctx context.Context, actor *ipr.User, in ExhibitInput) (*ipr.Exhibit, error) {
	if in.HolderID == 0 && actor != nil {
		in.HolderID = actor.OrgID
	}
	if err := ipr.Authorize(actor, ipr.ActionEditExhibit, ipr.OrgResource("exhibit", in.HolderID)); err != nil {
		return nil, err
	}
	files, err := s.exhibitUploads(actor, in)
	if err != nil {
		return nil, err
	}
	e := &ipr.Exhibit{HolderID: in.HolderID, Status: ipr.ExhibitDraft, CreatedBy: actor.ID}
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := s.applyExhibit(ctx, tx, actor, e, in, files); err != nil {
			return err
		}
		if err := tx.CreateExhibit(ctx, e, s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "exhibit.create", ObjectType: "exhibit", ObjectID: e.ID,
			ObjectOrg: e.HolderID, After: exhibitSummary(e)})
	})
	if err != nil {
		return nil, err
	}
	return s.Exhibit(ctx, actor, e.ID)
}

// UpdateExhibit saves the holder's changes. An exhibit customs approved, or is
// reviewing, goes back to customs: the public keeps seeing the version last
// approved until they approve the new one. A rejected exhibit becomes a draft again.
func (s *Service) UpdateExhibit(ctx context.Context, actor *ipr.User, id int64, version int, in ExhibitInput) (*ipr.Exhibit, error) {
	if err := mayEditSomeExhibit(actor); err != nil {
		return nil, err
	}
	var holder int64
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		e, err := editableExhibit(ctx, tx, actor, id)
		if err == nil {
			holder = e.HolderID
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	in.HolderID = holder
	files, err := s.exhibitUploads(actor, in)
	if err != nil {
		return nil, err
	}
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		e, err := editableExhibit(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		before := exhibitSummary(e)
		if err := s.applyExhibit(ctx, tx, actor, e, in, files); err != nil {
			return err
		}
		switch e.Status {
		case ipr.ExhibitApproved, ipr.ExhibitSubmitted:
			if err := e.CheckComplete(); err != nil {
				return err
			}
			e.Status, e.SubmittedAt = ipr.ExhibitSubmitted, s.Clock.Now()
		case ipr.ExhibitRejected:
			e.Status = ipr.ExhibitDraft
		}
		if err := tx.UpdateExhibit(ctx, e, version, s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "exhibit.update", ObjectType: "exhibit", ObjectID: e.ID,
			ObjectOrg: e.HolderID, Before: before, After: exhibitSummary(e)})
	})
	if err != nil {
		return nil, err
	}
	return s.Exhibit(ctx, actor, id)
}

// SubmitExhibit sends a complete draft exhibit to customs for review.
func (s *Service) SubmitExhibit(ctx context.Context, actor *ipr.User, id int64, version int) (*ipr.Exhibit, error) {
	if err := mayEditSomeExhibit(actor); err != nil {
		return nil, err
	}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		e, err := editableExhibit(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if e.Status != ipr.ExhibitDraft && e.Status != ipr.ExhibitRejected {
			return ipr.Errorf(ipr.ECONFLICT, "the exhibit is %s, not a draft", e.Status)
		}
		if err := e.CheckComplete(); err != nil {
			return err
		}
		e.Status, e.SubmittedAt, e.RejectReason = ipr.ExhibitSubmitted, s.Clock.Now(), ""
		if err := tx.UpdateExhibit(ctx, e, version, s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "exhibit.submit", ObjectType: "exhibit", ObjectID: e.ID,
			ObjectOrg: e.HolderID, After: exhibitSummary(e)})
	})
	if err != nil {
		return nil, err
	}
	return s.Exhibit(ctx, actor, id)
}

// ReviewExhibit is customs' decision on a submitted exhibit: approval publishes
// it as it stands; rejection needs a reason the holder reads, and leaves the
// version approved before (if any) public.
func (s *Service) ReviewExhibit(ctx context.Context, actor *ipr.User, id int64, version int, approve bool, reason string) (*ipr.Exhibit, error) {
	if err := ipr.Authorize(actor, ipr.ActionReviewExhibit, ipr.Anything); err != nil {
		return nil, err
	}
	if !approve && (len(reason) == 0 || len([]rune(reason)) > 1000) {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the decision is not valid",
			Fields: map[string]string{"reason": "give a reason of at most 1000 characters"}}
	}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		e, err := tx.ExhibitByID(ctx, id)
		if err != nil {
			return err
		}
		if !ipr.Can(actor, ipr.ActionViewExhibit, e.Resource()) {
			return notFound("exhibit", "exhibit", id)
		}
		if e.Status != ipr.ExhibitSubmitted {
			return ipr.Errorf(ipr.ECONFLICT, "the exhibit is %s, not waiting for review", e.Status)
		}
		now := s.Clock.Now()
		e.DecidedBy, e.DecidedAt, e.Status, e.RejectReason = actor.ID, now, ipr.ExhibitApproved, ""
		action, after := "exhibit.approve", exhibitSummary(e)
		if !approve {
			e.Status, e.RejectReason, action, after = ipr.ExhibitRejected, reason, "exhibit.reject", reason
		}
		if err := tx.UpdateExhibit(ctx, e, version, now); err != nil {
			return err
		}
		if approve {
			if err := tx.PublishExhibit(ctx, e.ID, e.Snapshot(now)); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, actor, change{Action: action, ObjectType: "exhibit", ObjectID: e.ID,
			ObjectOrg: e.HolderID, After: after})
	})
	if err != nil {
		return nil, err
	}
	return s.Exhibit(ctx, actor, id)
}

// Exhibit returns an exhibit's working copy for someone allowed to see it; to
// anyone else it does not exist.
func (s *Service) Exhibit(ctx context.Context, actor *ipr.User, id int64) (*ipr.Exhibit, error) {
	if actor == nil {
		return nil, ipr.Authorize(nil, ipr.ActionViewExhibit, ipr.Anything)
	}
	var e *ipr.Exhibit
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		e, err = tx.ExhibitByID(ctx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	if !ipr.Can(actor, ipr.ActionViewExhibit, e.Resource()) {
		return nil, notFound("exhibit", "exhibit", id)
	}
	return e, nil
}

// Exhibits returns a page of working copies: a holder's (or its agent's
// clients') own in every state, or for customs every exhibit but drafts.
func (s *Service) Exhibits(ctx context.Context, actor *ipr.User, f ipr.ExhibitFilter) (*ExhibitPage, error) {
	switch {
	case actor == nil:
		return nil, ipr.Authorize(nil, ipr.ActionViewExhibit, ipr.Anything)
	case ipr.Can(actor, ipr.ActionReviewExhibit, ipr.Anything):
		f.HolderIDs, f.NotDraft = nil, true
	case actor.Role == ipr.RoleRightHolder || actor.Role == ipr.RoleAgent:
		f.HolderIDs, f.NotDraft = append([]int64{actor.OrgID}, actor.ActsFor...), false
	default:
		return nil, &ipr.Error{Code: ipr.EFORBIDDEN, Message: "only right holders, their agents and customs work on exhibits"}
	}
	if f.Status != "" && !slices.Contains(ipr.ExhibitStatuses, f.Status) {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the filter is not valid",
			Fields: map[string]string{"status": "must be draft, submitted, approved or rejected"}}
	}
	page := &ExhibitPage{}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		list, total, err := tx.ListExhibits(ctx, f)
		for _, e := range list {
			if ipr.Can(actor, ipr.ActionViewExhibit, e.Resource()) { // the SQL narrowed the list; Can decides
				page.Exhibits = append(page.Exhibits, e)
			}
		}
		page.Total = total
		return err
	})
	return page, err
}

// mayEditSomeExhibit refuses early those who may edit no exhibit at all.
func mayEditSomeExhibit(actor *ipr.User) error {
	if actor != nil && actor.Role == ipr.RoleAgent && len(actor.ActsFor) > 0 {
		return nil
	}
	return ipr.Authorize(actor, ipr.ActionEditExhibit, ipr.OrgResource("exhibit", actor.OrgIDOrZero()))
}

// editableExhibit loads an exhibit actor may change; to those who may not see
// it, it does not exist.
func editableExhibit(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) (*ipr.Exhibit, error) {
	e, err := tx.ExhibitByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ipr.Can(actor, ipr.ActionViewExhibit, e.Resource()) {
		return nil, notFound("exhibit", "exhibit", id)
	}
	if err := ipr.Authorize(actor, ipr.ActionEditExhibit, e.Resource()); err != nil {
		return nil, err
	}
	return e, nil
}

func exhibitSummary(e *ipr.Exhibit) string {
	title := e.Title
	if title == "" {
		title = e.TitleZH
	}
	return fmt.Sprintf("%q (%s), right %s, %d points", title, e.Status, strconv.FormatInt(e.RightID, 10), len(e.Points))
}
