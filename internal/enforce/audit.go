package enforce

import (
	"context"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// AuditPage is one page of audit events.
type AuditPage struct {
	Events []*ipr.AuditEvent
	Total  int64
}

// ListAudit returns the audit events actor may see. Those who may see only
// their own organisation's events get the filter narrowed to it.
func (s *Service) ListAudit(ctx context.Context, actor *ipr.User, f ipr.AuditFilter) (*AuditPage, error) {
	if !ipr.Can(actor, ipr.ActionViewAudit, ipr.Anything) {
		if actor == nil {
			return nil, ipr.Authorize(actor, ipr.ActionViewAudit, ipr.Anything)
		}
		f.OrgID = actor.OrgID
		if err := ipr.Authorize(actor, ipr.ActionViewAudit, ipr.OrgResource("audit", f.OrgID)); err != nil {
			return nil, err
		}
	}
	page := &AuditPage{}
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		page.Events, page.Total, err = tx.ListAudit(ctx, f)
		return err
	})
	return page, err
}

// VerifyAudit walks the whole audit chain. It returns how many events it checked
// and an error naming the first bad event, if any.
func (s *Service) VerifyAudit(ctx context.Context, actor *ipr.User) (int64, error) {
	if err := ipr.Authorize(actor, ipr.ActionVerifyAudit, ipr.Anything); err != nil {
		return 0, err
	}
	var v ipr.ChainVerifier
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		return tx.WalkAudit(ctx, v.Next)
	})
	return v.Checked, err
}
