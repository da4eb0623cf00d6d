package enforce

import (
	"context"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// RightDetail is a recordation with what hangs off it: its authorised supply chain
// and its amendments (the recordation's history).
type RightDetail struct {
	*ipr.Right
	Parties    []*ipr.Party
	Amendments []*ipr.Amendment
}

func rightResource(r *ipr.Right) ipr.Resource {
	return ipr.Resource{Kind: "right", OrgID: r.HolderID, State: string(r.Status)}
}

// FileRight creates a draft recordation. A right holder files for itself; an agent or
// a system administrator names the holder in in.HolderID.
func (s *Service) FileRight(ctx context.Context, actor *ipr.User, in *ipr.Right) (*ipr.Right, error) {
	if actor != nil && actor.Role == ipr.RoleRightHolder {
		in.HolderID = actor.OrgID
	}
	if err := ipr.Authorize(actor, ipr.ActionEditRight, ipr.OrgResource("right", in.HolderID)); err != nil {
		if in.HolderID == 0 && actor != nil && actor.Role == ipr.RoleAgent {
			return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the right is not valid", Fields: map[string]string{"holder": "choose the right holder you act for"}}
		}
		return nil, err
	}
	r := *in
	r.ID, r.Status, r.Version = 0, ipr.StatusDraft, 1
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		holder, err := tx.OrgByID(ctx, r.HolderID)
		if err != nil {
			return withField(err, "holder")
		}
		if holder.Kind != ipr.OrgRightHolder {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the right is not valid", Fields: map[string]string{"holder": holder.Name + " is not a right holder"}}
		}
		r.HolderName = holder.Name
		if err := tx.CreateRight(ctx, &r, s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "right.file", ObjectType: "right", ObjectID: r.ID,
			ObjectOrg: r.HolderID, After: rightSummary(&r)})
	})
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// UpdateRight changes a draft or rejected recordation. version is the version the
// user edited; a change made meanwhile by someone else is refused rather than lost.
func (s *Service) UpdateRight(ctx context.Context, actor *ipr.User, id int64, version int, in *ipr.Right) (*ipr.Right, error) {
	var out *ipr.Right
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		r, err := s.loadRight(ctx, tx, actor, id, ipr.ActionEditRight)
		if err != nil {
			return err
		}
		if version != 0 && version != r.Version {
			return ipr.Errorf(ipr.ECONFLICT, "the right was changed by someone else meanwhile; reload it and try again")
		}
		before := rightSummary(r)
		r.Kind, r.RegNumber, r.RegOffice, r.Jurisdiction, r.Owner = in.Kind, in.RegNumber, in.RegOffice, in.Jurisdiction, in.Owner
		r.Mark, r.Variants, r.NiceClasses, r.Goods = in.Mark, in.Variants, in.NiceClasses, in.Goods
		r.ValidFrom, r.ValidTo = in.ValidFrom, in.ValidTo
		if err := tx.UpdateRight(ctx, r, s.Clock.Now()); err != nil {
			return err
		}
		out = r
		return s.audit(ctx, tx, actor, change{Action: "right.update", ObjectType: "right", ObjectID: r.ID,
			ObjectOrg: r.HolderID, Before: before, After: rightSummary(r)})
	})
	return out, err
}

// SubmitRight sends a draft or rejected recordation to customs for review.
func (s *Service) SubmitRight(ctx context.Context, actor *ipr.User, id int64) (*ipr.Right, error) {
	return s.transition(ctx, actor, id, ipr.ActionSubmitRight, "right.submit", func(r *ipr.Right) error {
		return r.Submit(s.Clock.Now())
	})
}

// ApproveRight records the right with customs (a supervisor's decision).
func (s *Service) ApproveRight(ctx context.Context, actor *ipr.User, id int64) (*ipr.Right, error) {
	return s.transition(ctx, actor, id, ipr.ActionReviewRight, "right.approve", func(r *ipr.Right) error {
		return r.Approve(s.Clock.Now())
	})
}

// RejectRight sends the recordation back to its holder with a reason.
func (s *Service) RejectRight(ctx context.Context, actor *ipr.User, id int64, reason string) (*ipr.Right, error) {
	return s.transition(ctx, actor, id, ipr.ActionReviewRight, "right.reject", func(r *ipr.Right) error {
		return r.Reject(s.Clock.Now(), reason)
	})
}

// transition loads a right, checks action, applies step and saves it with an audit event.
func (s *Service) transition(ctx context.Context, actor *ipr.User, id int64, action ipr.Action, event string, step func(*ipr.Right) error) (*ipr.Right, error) {
	var out *ipr.Right
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		r, err := s.loadRight(ctx, tx, actor, id, action)
		if err != nil {
			return err
		}
		before := string(r.Status)
		if err := step(r); err != nil {
			return err
		}
		if err := tx.UpdateRight(ctx, r, s.Clock.Now()); err != nil {
			return err
		}
		out = r
		after := string(r.Status)
		if r.RejectReason != "" {
			after += ": " + r.RejectReason
		}
		if r.Status == ipr.StatusApproved {
			after += " " + r.RecordFrom.String() + " to " + r.RecordTo.String()
		}
		return s.audit(ctx, tx, actor, change{Action: event, ObjectType: "right", ObjectID: r.ID,
			ObjectOrg: r.HolderID, Before: before, After: after})
	})
	if err == nil && action == ipr.ActionReviewRight {
		s.registerChanged(ctx)
	}
	return out, err
}

// loadRight loads a right for action. Someone who may not even view it is told it does
// not exist, so that other holders' drafts do not leak.
func (s *Service) loadRight(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64, action ipr.Action) (*ipr.Right, error) {
	if actor == nil {
		return nil, ipr.Authorize(actor, action, ipr.Anything)
	}
	r, err := tx.RightByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ipr.Can(actor, ipr.ActionViewRight, rightResource(r)) {
		return nil, &ipr.Error{Code: ipr.ENOTFOUND, Message: "right not found"}
	}
	if err := ipr.Authorize(actor, action, rightResource(r)); err != nil {
		return nil, err
	}
	return r, nil
}

// Right returns a recordation with its supply chain and history.
func (s *Service) Right(ctx context.Context, actor *ipr.User, id int64) (*RightDetail, error) {
	d := &RightDetail{}
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if d.Right, err = s.loadRight(ctx, tx, actor, id, ipr.ActionViewRight); err != nil {
			return err
		}
		if ipr.Can(actor, ipr.ActionViewCatalogue, ipr.OrgResource("catalogue", d.HolderID)) {
			if d.Parties, err = tx.Parties(ctx, id); err != nil {
				return err
			}
		}
		d.Amendments, err = tx.Amendments(ctx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// RightPage is one page of a register search.
type RightPage struct {
	Rights []*ipr.Right
	Total  int64
}

// ListRights searches the register within what actor may see: holders and agents
// their own portfolio, customs everything but drafts, the association approved rights.
func (s *Service) ListRights(ctx context.Context, actor *ipr.User, f ipr.RightFilter) (*RightPage, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewDashboard, ipr.Anything); err != nil {
		return nil, err
	}
	switch {
	case actor.Role == ipr.RoleRightHolder:
		f.HolderIDs = []int64{actor.OrgID}
	case actor.Role == ipr.RoleAgent:
		f.HolderIDs = append([]int64{}, actor.ActsFor...) // never nil: nil would mean "no restriction"
	case actor.Role == ipr.RoleAssociationAdmin:
		f.Status = ipr.StatusApproved
	case ipr.Can(actor, ipr.ActionViewRight, ipr.Resource{Kind: "right", State: string(ipr.StatusSubmitted)}):
		f.NotDraft = true
	default:
		return nil, ipr.Authorize(actor, ipr.ActionViewRight, ipr.Anything)
	}
	page := &RightPage{}
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		page.Rights, page.Total, err = tx.ListRights(ctx, f)
		return err
	})
	return page, err
}

func rightSummary(r *ipr.Right) string {
	return r.Ref + " " + string(r.Kind) + " " + r.Mark + " [" + strings.Join(r.Variants, ", ") + "] " +
		r.Jurisdiction + " " + r.ValidFrom.String() + "–" + r.ValidTo.String()
}
