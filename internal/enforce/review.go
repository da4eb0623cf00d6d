package enforce

import (
	"context"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// ReviewQueue is what waits for a customs supervisor: recordations and amendments, oldest first.
type ReviewQueue struct {
	Rights     []*ipr.Right
	Total      int64
	Amendments []*AmendmentItem
}

// AmendmentItem is an amendment with the right it changes.
type AmendmentItem struct {
	*ipr.Amendment
	Right *ipr.Right
}

// ReviewQueue returns the submitted recordations (by due date) and pending amendments.
func (s *Service) ReviewQueue(ctx context.Context, actor *ipr.User, limit, offset int) (*ReviewQueue, error) {
	if err := ipr.Authorize(actor, ipr.ActionReviewRight, ipr.Anything); err != nil {
		return nil, err
	}
	q := &ReviewQueue{}
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		q.Rights, q.Total, err = tx.ListRights(ctx, ipr.RightFilter{Status: ipr.StatusSubmitted, Limit: limit, Offset: offset, OrderByDue: true})
		if err != nil {
			return err
		}
		pending, err := tx.PendingAmendments(ctx, 200)
		if err != nil {
			return err
		}
		for _, a := range pending {
			r, err := tx.RightByID(ctx, a.RightID)
			if err != nil {
				return err
			}
			q.Amendments = append(q.Amendments, &AmendmentItem{Amendment: a, Right: r})
		}
		return nil
	})
	return q, err
}

// Portfolio is a holder's register with what needs action.
type Portfolio struct {
	Drafts      []*ipr.Right
	Rejected    []*ipr.Right
	RenewalsDue []*ipr.Right // approved, in the last 6 months or already expired
	Submitted   []*ipr.Right
	Approved    int64
	Total       int64
}

// Portfolio returns the rights actor's organisation (or an agent's clients) hold, grouped by what needs doing.
func (s *Service) Portfolio(ctx context.Context, actor *ipr.User) (*Portfolio, error) {
	if actor == nil || (actor.Role != ipr.RoleRightHolder && actor.Role != ipr.RoleAgent) {
		return nil, ipr.Authorize(nil, ipr.ActionEditRight, ipr.Anything)
	}
	holders := []int64{actor.OrgID}
	if actor.Role == ipr.RoleAgent {
		holders = append([]int64{}, actor.ActsFor...) // never nil: nil would mean "no restriction"
	}
	today := ipr.DateOf(s.Clock.Now(), time.UTC)
	p := &Portfolio{}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		list := func(f ipr.RightFilter) ([]*ipr.Right, error) {
			f.HolderIDs, f.Limit = holders, 200
			rights, _, err := tx.ListRights(ctx, f)
			return rights, err
		}
		var err error
		if p.Drafts, err = list(ipr.RightFilter{Status: ipr.StatusDraft}); err != nil {
			return err
		}
		if p.Rejected, err = list(ipr.RightFilter{Status: ipr.StatusRejected}); err != nil {
			return err
		}
		if p.Submitted, err = list(ipr.RightFilter{Status: ipr.StatusSubmitted}); err != nil {
			return err
		}
		if p.RenewalsDue, err = list(ipr.RightFilter{ExpiringBy: today.AddDate(0, ipr.RenewalWindowMonth, 0)}); err != nil {
			return err
		}
		_, p.Approved, err = tx.ListRights(ctx, ipr.RightFilter{HolderIDs: holders, Status: ipr.StatusApproved, Limit: 1})
		if err != nil {
			return err
		}
		_, p.Total, err = tx.ListRights(ctx, ipr.RightFilter{HolderIDs: holders, Limit: 1})
		return err
	})
	return p, err
}
