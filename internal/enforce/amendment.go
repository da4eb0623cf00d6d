package enforce

import (
	"context"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// FileAmendment files a change of owner, contacts or licensees, or a renewal, of an
// approved recordation. It waits for customs' review; the recordation is unchanged until then.
func (s *Service) FileAmendment(ctx context.Context, actor *ipr.User, rightID int64, a *ipr.Amendment) (*ipr.Amendment, error) {
	now := s.Clock.Now()
	am := *a
	am.ID, am.RightID, am.Status, am.FiledAt, am.Reason = 0, rightID, ipr.StatusSubmitted, now, ""
	if actor != nil {
		am.FiledBy = actor.ID
	}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		r, err := s.loadRight(ctx, tx, actor, rightID, ipr.ActionAmendRight)
		if err != nil {
			return err
		}
		if am.Kind == ipr.AmendRenewal && !r.RenewalOpen(ipr.DateOf(now, time.UTC)) {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the amendment is not valid", Fields: map[string]string{
				"kind": "a renewal may be filed only in the last 6 months of the recordation (it ends " + r.RecordTo.String() + ")"}}
		}
		if err := tx.CreateAmendment(ctx, &am); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "amendment.file", ObjectType: "right", ObjectID: r.ID,
			ObjectOrg: r.HolderID, After: am.Summary()})
	})
	if err != nil {
		return nil, err
	}
	return &am, nil
}

// DecideAmendment approves or rejects a filed amendment (a supervisor's decision).
// An approved amendment changes the recordation in the same transaction.
func (s *Service) DecideAmendment(ctx context.Context, actor *ipr.User, amendmentID int64, approve bool, reason string) (*ipr.Amendment, error) {
	if err := ipr.Authorize(actor, ipr.ActionReviewRight, ipr.Anything); err != nil {
		return nil, err
	}
	var out *ipr.Amendment
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		a, err := tx.AmendmentByID(ctx, amendmentID)
		if err != nil {
			return err
		}
		if a.Status != ipr.StatusSubmitted {
			return ipr.Errorf(ipr.ECONFLICT, "this amendment was already decided (%s)", a.Status)
		}
		r, err := s.loadRight(ctx, tx, actor, a.RightID, ipr.ActionReviewRight)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		a.DecidedBy, a.DecidedAt = actor.ID, now
		before := rightSummary(r) + " owner " + r.Owner + " recorded to " + r.RecordTo.String()
		if approve {
			if err := s.applyAmendment(ctx, tx, r, a); err != nil {
				return err
			}
			a.Status = ipr.StatusApproved
		} else {
			if reason == "" {
				return &ipr.Error{Code: ipr.EINVALID, Message: "cannot reject", Fields: map[string]string{"reason": "is required"}}
			}
			a.Status, a.Reason = ipr.StatusRejected, reason
		}
		if err := tx.DecideAmendment(ctx, a); err != nil {
			return err
		}
		out = a
		return s.audit(ctx, tx, actor, change{Action: "amendment." + map[bool]string{true: "approve", false: "reject"}[approve],
			ObjectType: "right", ObjectID: r.ID, ObjectOrg: r.HolderID, Before: before, After: a.Summary() + " " + string(a.Status)})
	})
	if err == nil && approve {
		s.registerChanged(ctx)
	}
	return out, err
}

// applyAmendment changes the recordation as the amendment says.
func (s *Service) applyAmendment(ctx context.Context, tx *store.Tx, r *ipr.Right, a *ipr.Amendment) error {
	switch a.Kind {
	case ipr.AmendOwner:
		r.Owner = a.Owner
	case ipr.AmendRenewal:
		if err := r.Renew(a.ValidTo); err != nil {
			return err
		}
	case ipr.AmendLicensees:
		if err := tx.DeleteParties(ctx, r.ID, ipr.PartyLicensee); err != nil {
			return err
		}
		for _, name := range a.Licensees {
			if err := tx.AddParty(ctx, &ipr.Party{RightID: r.ID, Role: ipr.PartyLicensee, Name: name}); err != nil {
				return err
			}
		}
	case ipr.AmendContacts:
		// the contacts text is kept on the amendment itself as the recorded change
	}
	return tx.UpdateRight(ctx, r, s.Clock.Now())
}
