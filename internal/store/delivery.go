package store

import (
	"context"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

// WebhookDelivery is one attempt to deliver a webhook: what the receiver
// answered (StatusCode 0 when it did not answer) or why the attempt failed.
type WebhookDelivery struct {
	ID          int64
	JobID       int64 // the job queue's id of the delivery; its attempts share it
	Event       string
	URL         string
	Attempt     int // 1 for the first attempt
	StatusCode  int
	Duration    time.Duration
	Error       string // "" when the receiver accepted the webhook
	AttemptedAt time.Time
}

// AddWebhookDelivery records one delivery attempt and sets its ID.
func (tx *Tx) AddWebhookDelivery(ctx context.Context, d *WebhookDelivery) error {
	p := ipr.Problems{}
	if d.JobID <= 0 {
		p.Add("job_id", "is required")
	}
	if strings.TrimSpace(d.URL) == "" {
		p.Add("url", "is required")
	}
	if d.Attempt <= 0 {
		p.Add("attempt", "must be 1 or more")
	}
	if err := p.Err("the webhook delivery is not valid"); err != nil {
		return err
	}
	d.AttemptedAt = d.AttemptedAt.UTC()
	err := tx.queryRow(ctx, `INSERT INTO webhook_deliveries (job_id, event, url, attempt, status_code, duration_ms,
		error, attempted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		d.JobID, d.Event, d.URL, d.Attempt, d.StatusCode, d.Duration.Milliseconds(), d.Error, d.AttemptedAt).Scan(&d.ID)
	return mapError(err, "webhook_delivery", "")
}

// DeliveryFilter selects webhook delivery attempts for the admin page.
type DeliveryFilter struct {
	JobID    int64 // 0: every job
	BeforeID int64 // 0: from the newest; else the page after the one ending at BeforeID
	Limit    int   // 1 to 1000; 50 when 0
}

const deliveryColumns = `id, job_id, event, url, attempt, status_code, duration_ms, error, attempted_at`

func scanDelivery(row rowScanner) (*WebhookDelivery, error) {
	var d WebhookDelivery
	var ms int64
	err := row.Scan(&d.ID, &d.JobID, &d.Event, &d.URL, &d.Attempt, &d.StatusCode, &ms, &d.Error, &d.AttemptedAt)
	d.Duration, d.AttemptedAt = time.Duration(ms)*time.Millisecond, d.AttemptedAt.UTC()
	return &d, err
}

// WebhookDeliveries returns the delivery attempts f selects, newest first.
func (tx *Tx) WebhookDeliveries(ctx context.Context, f DeliveryFilter) ([]*WebhookDelivery, error) {
	var w whereBuilder
	if f.JobID != 0 {
		w.add("job_id = ?", f.JobID)
	}
	if f.BeforeID != 0 {
		w.add("id < ?", f.BeforeID)
	}
	where, args := w.sql()
	if f.Limit == 0 {
		f.Limit = 50
	}
	args = append(args, max(1, min(f.Limit, 1000)))
	return queryAll(ctx, tx, scanDelivery, `SELECT `+deliveryColumns+` FROM webhook_deliveries`+where+
		` ORDER BY id DESC LIMIT $`+itoa(len(args)), args...)
}
