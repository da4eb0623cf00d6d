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

// ClaimLoginAttempt counts a sign-in attempt for email as failed before its
// password is checked, and returns the new count and until when sign-in was
// already refused (zero if it was not). The upsert's row lock makes parallel
// attempts count one after another, so none can slip past a lock.
func (tx *Tx) ClaimLoginAttempt(ctx context.Context, email string, now time.Time) (int, time.Time, error) {
	var n int
	var until sql.NullTime
	err := tx.queryRow(ctx, `INSERT INTO login_failures (email, failures, last_failed_at) VALUES ($1, 1, $2)
		ON CONFLICT (email) DO UPDATE SET failures = login_failures.failures + 1, last_failed_at = $2
		RETURNING failures, locked_until`, email, now.UTC()).Scan(&n, &until)
	if err != nil {
		return 0, time.Time{}, ipr.Internal(err)
	}
	return n, until.Time, nil
}

// LockLogin refuses sign-in for email until until.
func (tx *Tx) LockLogin(ctx context.Context, email string, until time.Time) error {
	_, err := tx.exec(ctx, `UPDATE login_failures SET locked_until = $1 WHERE email = $2`, until.UTC(), email)
	return mapError(err, "email", "")
}

// ClearLoginFailures forgets failures after a successful sign-in.
func (tx *Tx) ClearLoginFailures(ctx context.Context, email string) error {
	_, err := tx.exec(ctx, `DELETE FROM login_failures WHERE email = $1`, email)
	return mapError(err, "email", "")
}
