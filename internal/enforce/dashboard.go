package enforce

import (
	"context"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// Count is one figure on a dashboard; Key names it in the message catalogues.
type Count struct {
	Key   string
	Value int64
}

// Dashboard returns the figures for actor's home page, chosen by role.
func (s *Service) Dashboard(ctx context.Context, actor *ipr.User) ([]Count, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewDashboard, ipr.Anything); err != nil {
		return nil, err
	}
	var counts []Count
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		add := func(key string, n int64, err error) error {
			counts = append(counts, Count{Key: key, Value: n})
			return err
		}
		if err := add(userCount(ctx, tx, actor.OrgID)); err != nil {
			return err
		}
		switch actor.Role {
		case ipr.RoleCustomsOfficer, ipr.RoleCustomsSupervisor, ipr.RoleSystemAdmin:
			if err := add(orgCount(ctx, tx, "count.customs_offices", ipr.OrgCustomsOffice)); err != nil {
				return err
			}
			if err := add(orgCount(ctx, tx, "count.right_holders", ipr.OrgRightHolder)); err != nil {
				return err
			}
		case ipr.RoleAgent:
			counts = append(counts, Count{Key: "count.clients", Value: int64(len(actor.ActsFor))})
		case ipr.RoleAssociationAdmin:
			n, err := tx.CountWorkingGroups(ctx, actor.OrgID)
			if err := add("count.working_groups", n, err); err != nil {
				return err
			}
		}
		if err := s.registerCounts(ctx, tx, actor, add); err != nil {
			return err
		}
		if ipr.Can(actor, ipr.ActionViewAudit, ipr.Anything) {
			n, err := tx.CountAudit(ctx, ipr.AuditFilter{From: s.Clock.Now().AddDate(0, 0, -1)})
			return add("count.audit_24h", n, err)
		}
		return nil
	})
	return counts, err
}

func userCount(ctx context.Context, tx *store.Tx, orgID int64) (string, int64, error) {
	n, err := tx.CountUsers(ctx, orgID)
	return "count.org_users", n, err
}

func orgCount(ctx context.Context, tx *store.Tx, key string, kind ipr.OrgKind) (string, int64, error) {
	n, err := tx.CountOrgs(ctx, kind)
	return key, n, err
}

// registerCounts adds the rights register's figures: what waits for a supervisor's
// review, and a holder's (or agent's) drafts and renewals due.
func (s *Service) registerCounts(ctx context.Context, tx *store.Tx, actor *ipr.User, add func(string, int64, error) error) error {
	if ipr.Can(actor, ipr.ActionReviewRight, ipr.Anything) {
		n, err := tx.CountRights(ctx, 0, ipr.StatusSubmitted)
		return add("count.rights_review", n, err)
	}
	holders := []int64{actor.OrgID}
	switch actor.Role {
	case ipr.RoleAgent:
		holders = append([]int64{}, actor.ActsFor...) // not nil: nil would mean every holder
	case ipr.RoleRightHolder:
	default:
		return nil
	}
	total := func(f ipr.RightFilter) (int64, error) {
		f.HolderIDs, f.Limit = holders, 1
		_, n, err := tx.ListRights(ctx, f)
		return n, err
	}
	n, err := total(ipr.RightFilter{Status: ipr.StatusDraft})
	if err := add("count.rights_drafts", n, err); err != nil {
		return err
	}
	today := ipr.DateOf(s.Clock.Now(), time.UTC)
	n, err = total(ipr.RightFilter{ProtectingOn: today, ExpiringBy: today.AddDate(0, ipr.RenewalWindowMonth, 0)})
	return add("count.rights_renewals", n, err)
}
