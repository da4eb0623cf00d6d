package enforce

import (
	"context"
	"fmt"
	"slices"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// PostBond posts the bond a CN case requires (workflow.CNRequiredBond) and, in
// the same transaction, sends the event posting completes: apply after customs'
// notice, post_bond after an application. The bond is drawn on the holder's
// general guarantee for the current year when fromGuarantee, else paid in cash;
// a guarantee whose balance does not cover it is refused, naming "amount". The
// guarantee gets the bond back when the case ends.
func (s *Service) PostBond(ctx context.Context, actor *ipr.User, caseID int64, expectedVersion int, fromGuarantee bool) (*ipr.Case, error) {
	var out *ipr.Case
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		c, err := loadCase(ctx, tx, actor, caseID)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionPostBond, c.Resource()); err != nil {
			return err
		}
		if c.Profile != ipr.ProfileCN {
			return ipr.Errorf(ipr.ECONFLICT, "the %s profile takes no bond in Bordermark", c.Profile)
		}
		kind, err := bondEvent(ctx, tx, c)
		if err != nil {
			return err
		}
		if c.Version != expectedVersion {
			return tx.UpdateCase(ctx, c, expectedVersion) // refused: the store names the stale version
		}
		amount := workflow.CNRequiredBond(workflow.Mode(c.Mode), c.GoodsValue)
		now := s.Clock.Now()
		note := "bond " + amount.String() + " in cash"
		c.BondSource, c.BondAmount, c.BondGuaranteeID = ipr.BondCash, amount, 0
		if fromGuarantee {
			year := now.In(c.Profile.Location()).Year()
			g, err := tx.GuaranteeFor(ctx, c.HolderOrgID, year)
			if ipr.ErrorCode(err) == ipr.ENOTFOUND {
				return &ipr.Error{Code: ipr.EINVALID, Message: "the bond cannot be drawn",
					Fields: map[string]string{"guarantee": fmt.Sprintf("the holder has no general guarantee for %d", year)}}
			}
			if err != nil {
				return err
			}
			if err := tx.DrawGuarantee(ctx, g.ID, c.ID, amount, actor.ID, now); err != nil {
				return err
			}
			c.BondSource, c.BondGuaranteeID = ipr.BondGuarantee, g.ID
			note = fmt.Sprintf("bond %s drawn on general guarantee %s", amount, g.Reference)
		}
		out, err = s.act(ctx, tx, actor, c, expectedVersion, workflow.Event{Kind: kind, Amount: amount}, note)
		return err
	})
	return out, err
}

// bondEvent is the event posting the bond sends in the case's state.
func bondEvent(ctx context.Context, tx *store.Tx, c *ipr.Case) (string, error) {
	deadlines, err := tx.Deadlines(ctx, c.ID)
	if err != nil {
		return "", err
	}
	events, err := tx.CaseEvents(ctx, c.ID)
	if err != nil {
		return "", err
	}
	allowed := workflow.Events(toWorkflow(c, deadlines, events))
	for _, kind := range bondEvents {
		if slices.Contains(allowed, kind) {
			return kind, nil
		}
	}
	return "", ipr.Errorf(ipr.ECONFLICT, "no bond is due in state %s", c.State)
}
