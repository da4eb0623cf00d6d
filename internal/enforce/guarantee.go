package enforce

import (
	"context"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// GuaranteeView is a holder's general guarantee for a year and what has
// been drawn on it and given back, case by case.
type GuaranteeView struct {
	Guarantee *ipr.Guarantee
	Moves     []ipr.GuaranteeMove
}

// FileGuarantee records a holder's general guarantee for a calendar year:
// bonds for its cases are then drawn on it instead of paid one by one.
func (s *Service) FileGuarantee(ctx context.Context, actor *ipr.User, g ipr.Guarantee) (*ipr.Guarantee, error) {
	if err := ipr.Authorize(actor, ipr.ActionManageGuarantee, ipr.Resource{Kind: "guarantee", OrgID: g.HolderOrgID}); err != nil {
		return nil, err
	}
	g.Held, g.CreatedBy, g.CreatedAt = 0, actor.ID, s.Clock.Now()
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateGuarantee(ctx, &g); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "guarantee.file", ObjectType: "guarantee", ObjectID: g.ID,
			ObjectOrg: g.HolderOrgID, After: g.Amount.String() + " for " + itoa(int64(g.Year)) + " from " + g.Issuer})
	})
	if err != nil {
		return nil, err
	}
	return &g, nil
}

// Guarantee returns a holder's general guarantee for a year with its
// draws and releases, or ENOTFOUND when it has filed none.
func (s *Service) Guarantee(ctx context.Context, actor *ipr.User, holderOrgID int64, year int) (*GuaranteeView, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewGuarantee, ipr.Resource{Kind: "guarantee", OrgID: holderOrgID}); err != nil {
		return nil, err
	}
	var v GuaranteeView
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if v.Guarantee, err = tx.GuaranteeFor(ctx, holderOrgID, year); err != nil {
			return err
		}
		v.Moves, err = tx.GuaranteeMoves(ctx, v.Guarantee.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &v, nil
}
