package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// CreateNotification stores n unless the same notification (organisation, kind,
// object and due day) is already stored. It reports whether it created one.
func (tx *Tx) CreateNotification(ctx context.Context, n *ipr.Notification) (bool, error) {
	err := tx.queryRow(ctx, `INSERT INTO notifications (org_id, kind, object_type, object_id, text, args, due_on, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (org_id, kind, object_type, object_id, due_on) DO NOTHING RETURNING id`,
		n.OrgID, n.Kind, n.ObjectType, n.ObjectID, n.Text, n.Args, n.DueOn.String(), n.CreatedAt).Scan(&n.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil // already there
	}
	if err != nil {
		return false, mapError(err, "notification", "")
	}
	return true, nil
}

const notificationColumns = `id, org_id, kind, object_type, object_id, text, args, due_on, created_at, read_at`

func scanNotification(row rowScanner) (*ipr.Notification, error) {
	var n ipr.Notification
	var due string
	var read sql.NullTime
	if err := row.Scan(&n.ID, &n.OrgID, &n.Kind, &n.ObjectType, &n.ObjectID, &n.Text, &n.Args, &due, &n.CreatedAt, &read); err != nil {
		return nil, err
	}
	n.CreatedAt, n.ReadAt = n.CreatedAt.UTC(), read.Time.UTC()
	var err error
	n.DueOn, err = ipr.ParseDate(due)
	return &n, err
}

// NotificationByID returns the notification with id.
func (tx *Tx) NotificationByID(ctx context.Context, id int64) (*ipr.Notification, error) {
	n, err := scanNotification(tx.queryRow(ctx, `SELECT `+notificationColumns+` FROM notifications WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("notification", "notification", "with id "+strconv.FormatInt(id, 10))
	}
	return n, mapError(err, "notification", "")
}

// Notifications returns the newest notifications of the organisations orgIDs, at most limit.
func (tx *Tx) Notifications(ctx context.Context, orgIDs []int64, limit int) ([]*ipr.Notification, error) {
	var w whereBuilder
	w.in("org_id", orgIDs)
	where, args := w.sql()
	args = append(args, max(1, min(limit, 1000)))
	return queryAll(ctx, tx, scanNotification, `SELECT `+notificationColumns+` FROM notifications`+where+
		` ORDER BY id DESC LIMIT $`+itoa(len(args)), args...)
}

// CountUnread counts the unread notifications of the organisations orgIDs.
func (tx *Tx) CountUnread(ctx context.Context, orgIDs []int64) (int64, error) {
	var w whereBuilder
	w.in("org_id", orgIDs)
	where, args := w.sql()
	return tx.count(ctx, `SELECT COUNT(*) FROM notifications`+where+` AND read_at IS NULL`, args...)
}

// MarkNotificationRead records that notification id was read at now (once: the first reading counts).
func (tx *Tx) MarkNotificationRead(ctx context.Context, id int64, now time.Time) error {
	_, err := tx.exec(ctx, `UPDATE notifications SET read_at = $1 WHERE id = $2 AND read_at IS NULL`, now, id)
	return mapError(err, "notification", "")
}

// RightsEnding returns the approved recordations ending between from and to (both
// included), by end date: the candidates for renewal reminders.
func (tx *Tx) RightsEnding(ctx context.Context, from, to ipr.Date) ([]*ipr.Right, error) {
	return queryAll(ctx, tx, scanRight, `SELECT `+rightColumns+rightFrom+`WHERE r.status = 'approved'
		AND r.record_to >= $1 AND r.record_to <= $2 ORDER BY r.record_to, r.id`, from.String(), to.String())
}
