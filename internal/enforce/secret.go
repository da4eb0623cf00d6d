package enforce

import (
	"context"
	"crypto/rand"

	"bordermark/internal/store"
)

// secretSize is the length of a server secret in bytes: an HMAC-SHA-256 key.
const secretSize = 32

// ServerSecret returns the server's secret named name, made at random the
// first time it is asked for and kept in the database from then on, so that it
// survives a restart and every instance over the same database shares it. It
// is for the server's own wiring (such as signing the tip line's challenges),
// not for users; nothing about it is shown or audited.
func (s *Service) ServerSecret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, secretSize)
	rand.Read(fresh) // never fails; it crashes the program if the system has no randomness
	var out []byte
	err := s.DB.Update(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.ServerSecret(ctx, name, fresh, s.Clock.Now())
		return err
	})
	return out, err
}
