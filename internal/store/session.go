package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"bordermark/internal/ipr"
)

// CreateSession stores a sign-in.
func (tx *Tx) CreateSession(ctx context.Context, s *ipr.Session) error {
	_, err := tx.exec(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		s.TokenHash, s.UserID, s.CreatedAt, s.ExpiresAt)
	return mapError(err, "session", "already exists")
}

// SessionUser returns the user signed in by the session with tokenHash, if it has not expired.
func (tx *Tx) SessionUser(ctx context.Context, tokenHash string, now time.Time) (*ipr.User, error) {
	u, err := scanUser(tx.queryRow(ctx, `SELECT `+userColumns+userFrom+`
		JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = $1 AND s.expires_at > $2`, tokenHash, now))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ipr.Errorf(ipr.EUNAUTHENTICATED, "your session has ended; please sign in again")
	}
	if err != nil {
		return nil, ipr.Internal(err)
	}
	return tx.withClients(ctx, u)
}

// DeleteSession ends a sign-in.
func (tx *Tx) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := tx.exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
	return mapError(err, "session", "")
}

// DeleteExpiredSessions removes sessions that ended before now.
func (tx *Tx) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	res, err := tx.exec(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, now)
	if err != nil {
		return 0, ipr.Internal(err)
	}
	return res.RowsAffected()
}
