package store

import (
	"context"
	"encoding/hex"
	"errors"
	"time"

	"bordermark/internal/ipr"
)

// ServerSecret returns the server's secret named name. When there is none yet,
// fresh is stored as it: the insert does nothing when another instance (or
// transaction) stored one first, and the secret read back is then theirs, so
// that every instance over the database ends up with the same one.
func (tx *Tx) ServerSecret(ctx context.Context, name string, fresh []byte, now time.Time) ([]byte, error) {
	if name == "" || len(fresh) == 0 {
		return nil, ipr.Internal(errNoSecret)
	}
	if _, err := tx.exec(ctx, `INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO NOTHING`, name, hex.EncodeToString(fresh), now.UTC()); err != nil {
		return nil, mapError(err, "secret", "")
	}
	var value string
	if err := tx.queryRow(ctx, `SELECT value FROM server_secrets WHERE name = $1`, name).Scan(&value); err != nil {
		return nil, mapError(err, "secret", "")
	}
	b, err := hex.DecodeString(value)
	if err != nil || len(b) == 0 {
		return nil, ipr.Internal(errBadSecret)
	}
	return b, nil
}

var (
	errNoSecret  = errors.New("store: a server secret needs a name and a fresh value")
	errBadSecret = errors.New("store: a stored server secret is not hex")
)
