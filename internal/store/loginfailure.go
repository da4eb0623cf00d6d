package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"bordermark/internal/ipr"
)

// LockedUntil returns when sign-in for email is allowed again (zero if it is now).
func (tx *Tx) LockedUntil(ctx context.Context, email string) (time.Time, error) {
	var until sql.NullTime
	err := tx.queryRow(ctx, `SELECT locked_until FROM login_failures WHERE email = $1`, email).Scan(&until)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, ipr.Internal(err)
	}
	return until.Time, nil
}

// RecordLoginFailure counts a wrong password for email and returns the new count.
// lockout gives how long sign-in is then refused.
func (tx *Tx) RecordLoginFailure(ctx context.Context, email string, now time.Time, lockout func(int) time.Duration) (int, error) {
	var n int
	err := tx.queryRow(ctx, `INSERT INTO login_failures (email, failures, last_failed_at) VALUES ($1, 1, $2)
		ON CONFLICT (email) DO UPDATE SET failures = login_failures.failures + 1, last_failed_at = $2
		RETURNING failures`, email, now).Scan(&n)
	if err != nil {
		return 0, ipr.Internal(err)
	}
	if d := lockout(n); d > 0 {
		_, err = tx.exec(ctx, `UPDATE login_failures SET locked_until = $1 WHERE email = $2`, now.Add(d), email)
	}
	return n, mapError(err, "email", "")
}

// ClearLoginFailures forgets failures after a successful sign-in.
func (tx *Tx) ClearLoginFailures(ctx context.Context, email string) error {
	_, err := tx.exec(ctx, `DELETE FROM login_failures WHERE email = $1`, email)
	return mapError(err, "email", "")
}
