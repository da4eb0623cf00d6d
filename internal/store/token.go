package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"bordermark/internal/ipr"
)

// CreateToken stores an API token and sets its ID.
func (tx *Tx) CreateToken(ctx context.Context, t *ipr.APIToken) error {
	err := tx.queryRow(ctx, `INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, t.UserID, t.Name, t.Prefix, t.TokenHash, t.CreatedAt).Scan(&t.ID)
	return mapError(err, "token", "already exists")
}

// TokenUser returns the user an API token acts as and marks the token used.
func (tx *Tx) TokenUser(ctx context.Context, tokenHash string, now time.Time) (*ipr.User, error) {
	var tokenID int64
	u, err := scanUser(tx.queryRow(ctx, `SELECT `+userColumns+`, t.id`+userFrom+`
		JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = $1 AND NOT t.revoked`, tokenHash), &tokenID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ipr.Errorf(ipr.EUNAUTHENTICATED, "the API token is not valid")
	}
	if err != nil {
		return nil, ipr.Internal(err)
	}
	if _, err := tx.exec(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2`, now, tokenID); err != nil {
		return nil, ipr.Internal(err)
	}
	return tx.withClients(ctx, u)
}
