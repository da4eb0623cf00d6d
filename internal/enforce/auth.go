package enforce

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// randomSecret returns 256 random bits, URL-safe. Only its hashSecret is stored.
func randomSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

var errWrongLogin = ipr.Errorf(ipr.EUNAUTHENTICATED, "the e-mail address or password is wrong")

// Login checks an e-mail and password and starts a session. It returns the
// session secret for the cookie. Repeated failures lock the address for a while.
func (s *Service) Login(ctx context.Context, email, password string) (string, *ipr.User, error) {
	email = ipr.NormaliseEmail(email)
	p := ipr.Problems{}
	if email == "" {
		p.Add("email", "is required")
	}
	if password == "" {
		p.Add("password", "is required")
	}
	if err := p.Err("cannot sign in"); err != nil {
		return "", nil, err
	}
	now := s.Clock.Now()
	attempt, err := s.claimAttempt(ctx, email, now)
	if err != nil {
		return "", nil, err
	}
	var user *ipr.User
	var hash string
	err = s.DB.View(ctx, func(tx *store.Tx) (err error) {
		user, hash, err = tx.UserByEmail(ctx, email)
		return err
	})
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		CheckPassword(dummyHash(), password)
		return "", nil, s.loginFailed(ctx, email, attempt)
	}
	if err != nil {
		return "", nil, err
	}
	if !CheckPassword(hash, password) {
		return "", nil, s.loginFailed(ctx, email, attempt)
	}
	if user.Disabled {
		return "", nil, ipr.Errorf(ipr.EFORBIDDEN, "this account is disabled")
	}
	secret := randomSecret()
	tokenHash := hashSecret(secret)
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := tx.ClearLoginFailures(ctx, email); err != nil {
			return err
		}
		if _, err := tx.DeleteExpiredSessions(ctx, now); err != nil {
			return err
		}
		sess := &ipr.Session{TokenHash: tokenHash, UserID: user.ID, CreatedAt: now, ExpiresAt: now.Add(ipr.SessionLifetime)}
		if err := tx.CreateSession(ctx, sess); err != nil {
			return err
		}
		return s.audit(ctx, tx, user, change{Action: "user.login", ObjectType: "user", ObjectID: user.ID, ObjectOrg: user.OrgID})
	})
	if err != nil {
		return "", nil, err
	}
	return secret, user, nil
}

// claimAttempt counts a sign-in attempt as failed before the password is
// checked, and locks the address once Lockout says so, so that parallel
// guesses cannot all pass the check first; a right password clears the count.
// An attempt while locked is refused and not counted. It returns the count.
func (s *Service) claimAttempt(ctx context.Context, email string, now time.Time) (int, error) {
	var n int
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		var until time.Time
		var err error
		if n, until, err = tx.ClaimLoginAttempt(ctx, email, now); err != nil {
			return err
		}
		if now.Before(until) {
			wait := until.Sub(now).Round(time.Second)
			return ipr.Errorf(ipr.ETOOMANY, "too many failed sign-ins for this address; try again in %s", wait)
		}
		if d := ipr.Lockout(n); d > 0 {
			return tx.LockLogin(ctx, email, now.Add(d))
		}
		return nil
	})
	return n, err
}

// loginFailed answers a wrong password, recording the lock its attempt set.
func (s *Service) loginFailed(ctx context.Context, email string, attempt int) error {
	if d := ipr.Lockout(attempt); d > 0 {
		err := s.DB.Update(ctx, func(tx *store.Tx) error {
			return s.audit(ctx, tx, &ipr.User{Email: email}, change{Action: "user.locked", ObjectType: "login",
				After: "locked for " + d.String() + " after " + itoa(int64(attempt)) + " failures"})
		})
		if err != nil {
			return err
		}
	}
	return errWrongLogin
}

// Logout ends the session with the given secret.
func (s *Service) Logout(ctx context.Context, secret string) error {
	if secret == "" {
		return nil
	}
	h := hashSecret(secret)
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		user, err := tx.SessionUser(ctx, h, s.Clock.Now())
		if ipr.ErrorCode(err) == ipr.EUNAUTHENTICATED {
			return nil // already ended: nothing to do
		}
		if err != nil {
			return err // the session may still be live: do not report it ended
		}
		if err := tx.DeleteSession(ctx, h); err != nil {
			return err
		}
		return s.audit(ctx, tx, user, change{Action: "user.logout", ObjectType: "user", ObjectID: user.ID, ObjectOrg: user.OrgID})
	})
}

// SessionUser returns the signed-in user of a session secret.
func (s *Service) SessionUser(ctx context.Context, secret string) (*ipr.User, error) {
	if secret == "" {
		return nil, ipr.Errorf(ipr.EUNAUTHENTICATED, "please sign in")
	}
	var user *ipr.User
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		user, err = tx.SessionUser(ctx, hashSecret(secret), s.Clock.Now())
		return err
	})
	if err == nil && user.Disabled {
		return nil, ipr.Errorf(ipr.EFORBIDDEN, "this account is disabled")
	}
	return user, err
}

// TokenUser returns the user an API token acts as, from an "Authorization: Bearer" value.
func (s *Service) TokenUser(ctx context.Context, token string) (*ipr.User, error) {
	token = strings.TrimSpace(token)
	if token == "" {
		return nil, ipr.Errorf(ipr.EUNAUTHENTICATED, "an API token is required (Authorization: Bearer …)")
	}
	var user *ipr.User
	err := s.DB.Update(ctx, func(tx *store.Tx) (err error) {
		user, err = tx.TokenUser(ctx, hashSecret(token), s.Clock.Now())
		return err
	})
	if err == nil && user.Disabled {
		return nil, ipr.Errorf(ipr.EFORBIDDEN, "this account is disabled")
	}
	return user, err
}
