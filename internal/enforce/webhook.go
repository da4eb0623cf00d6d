package enforce

import (
	"context"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// WebhookPage is how many delivery attempts a page of the log shows.
const WebhookPage = 100

// WebhookDeliveries returns the log of webhook delivery attempts, newest
// first, older than beforeID when it is not 0. Webhooks are an integration,
// so those who manage API tokens read their log.
func (s *Service) WebhookDeliveries(ctx context.Context, actor *ipr.User, beforeID int64) ([]*store.WebhookDelivery, error) {
	if err := ipr.Authorize(actor, ipr.ActionManageTokens, ipr.Anything); err != nil {
		return nil, err
	}
	var out []*store.WebhookDelivery
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.WebhookDeliveries(ctx, store.DeliveryFilter{BeforeID: beforeID, Limit: WebhookPage})
		return err
	})
	return out, err
}
