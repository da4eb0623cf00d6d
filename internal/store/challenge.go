package store

import (
	"context"
	"time"
)

// SpendChallenge records a proof-of-work challenge (by its hash) as spent at
// at; a challenge spent before is a conflict on field "proof". Challenges
// spent before forgetBefore have expired anyway and are forgotten.
func (tx *Tx) SpendChallenge(ctx context.Context, hash string, at, forgetBefore time.Time) error {
	if _, err := tx.exec(ctx, `DELETE FROM spent_challenges WHERE spent_at < $1`, forgetBefore.UTC()); err != nil {
		return mapError(err, "proof", "")
	}
	_, err := tx.exec(ctx, `INSERT INTO spent_challenges (hash, spent_at) VALUES ($1, $2)`, hash, at.UTC())
	return mapError(err, "proof", "was already used")
}

// ChallengeSpent reports whether the challenge with hash has been spent.
func (tx *Tx) ChallengeSpent(ctx context.Context, hash string) (bool, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM spent_challenges WHERE hash = $1`, hash).Scan(&n)
	if err != nil {
		return false, mapError(err, "proof", "")
	}
	return n > 0, nil
}
