package enforce_test

import (
	"database/sql"
	"sync"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestLogin(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := enforce.WithRequestID(t.Context(), "req-login")

		secret, u, err := s.Login(ctx, " Officer@Yiwu.Customs.Example ", enforce.DemoPassword)
		if err != nil || secret == "" || u.Email != officerEmail {
			t.Fatalf("Login: got %q, %+v, %v; want a secret for %s", secret, u, err, officerEmail)
		}
		got, err := s.SessionUser(ctx, secret)
		if err != nil || got.ID != u.ID || got.Role != ipr.RoleCustomsOfficer {
			t.Errorf("SessionUser: got %+v, %v; want user %d", got, err, u.ID)
		}
		e := lastEvent(t, s)
		if e.Action != "user.login" || e.ActorEmail != officerEmail || e.RequestID != "req-login" {
			t.Errorf("audit: got %s by %s with request %q, want user.login by %s with request req-login",
				e.Action, e.ActorEmail, e.RequestID, officerEmail)
		}

		// A wrong password and an unknown address get the same answer.
		_, _, errWrong := s.Login(ctx, officerEmail, "not the password")
		wantError(t, errWrong, ipr.EUNAUTHENTICATED, "")
		_, _, errUnknown := s.Login(ctx, "nobody@example.org", enforce.DemoPassword)
		wantError(t, errUnknown, ipr.EUNAUTHENTICATED, "")
		if ipr.ErrorMessage(errWrong) != ipr.ErrorMessage(errUnknown) {
			t.Errorf("got messages %q and %q, want the same for a wrong password and an unknown address",
				ipr.ErrorMessage(errWrong), ipr.ErrorMessage(errUnknown))
		}

		_, _, err = s.Login(ctx, " ", "")
		wantError(t, err, ipr.EINVALID, "email")
		wantError(t, err, ipr.EINVALID, "password")

		for _, bad := range []string{"", "not-a-session"} {
			_, err := s.SessionUser(ctx, bad)
			wantError(t, err, ipr.EUNAUTHENTICATED, "")
		}
		// The session ends after its lifetime.
		clock.Advance(ipr.SessionLifetime)
		_, err = s.SessionUser(ctx, secret)
		wantError(t, err, ipr.EUNAUTHENTICATED, "")
	})
}

func TestLoginLockout(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		for i := 1; i <= 5; i++ {
			_, _, err := s.Login(ctx, holderEmail, "wrong password")
			if ipr.ErrorCode(err) != ipr.EUNAUTHENTICATED {
				t.Fatalf("wrong password %d: got %v, want %s", i, err, ipr.EUNAUTHENTICATED)
			}
		}
		if e := lastEvent(t, s); e.Action != "user.locked" || e.ActorEmail != holderEmail {
			t.Errorf("audit: got %s by %s, want user.locked by %s", e.Action, e.ActorEmail, holderEmail)
		}
		// Locked: even the right password is refused, until the minute has passed.
		for _, wait := range []time.Duration{0, 59 * time.Second} {
			clock.Advance(wait)
			_, _, err := s.Login(ctx, holderEmail, enforce.DemoPassword)
			wantError(t, err, ipr.ETOOMANY, "")
		}
		// Other addresses are not locked.
		if _, _, err := s.Login(ctx, policeEmail, enforce.DemoPassword); err != nil {
			t.Errorf("other address: got %v, want signed in", err)
		}
		clock.Advance(time.Second)
		if _, _, err := s.Login(ctx, holderEmail, enforce.DemoPassword); err != nil {
			t.Fatalf("after the lockout: got %v, want signed in", err)
		}
		// Success forgets the failures: one more mistake is not a lockout.
		_, _, err := s.Login(ctx, holderEmail, "wrong password")
		wantError(t, err, ipr.EUNAUTHENTICATED, "")
	})
}

// Guesses sent all at once cannot slip past the lock: each attempt is counted
// before its password is checked, so only the first five are checked at all.
func TestLoginLockoutInParallel(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		const attempts = 12
		codes := make(chan string, attempts)
		var wg sync.WaitGroup
		for range attempts {
			wg.Go(func() {
				_, _, err := s.Login(t.Context(), agentEmail, "a wrong guess")
				codes <- ipr.ErrorCode(err)
			})
		}
		wg.Wait()
		close(codes)
		got := map[string]int{}
		for c := range codes {
			got[c]++
		}
		if got[ipr.EUNAUTHENTICATED] != 5 || got[ipr.ETOOMANY] != attempts-5 {
			t.Errorf("%d guesses at once: got %v, want 5 checked (%s) and the rest refused (%s)",
				attempts, got, ipr.EUNAUTHENTICATED, ipr.ETOOMANY)
		}
	})
}

func TestLogout(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		secret, _, err := s.Login(ctx, policeEmail, enforce.DemoPassword)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Logout(ctx, secret); err != nil {
			t.Fatalf("Logout: %v", err)
		}
		_, err = s.SessionUser(ctx, secret)
		wantError(t, err, ipr.EUNAUTHENTICATED, "")
		if e := lastEvent(t, s); e.Action != "user.logout" || e.ActorEmail != policeEmail {
			t.Errorf("audit: got %s by %s, want user.logout by %s", e.Action, e.ActorEmail, policeEmail)
		}
		// Ending an ended or unknown session is harmless and records nothing.
		before := count(t, s)
		for _, secret := range []string{secret, "", "unknown"} {
			if err := s.Logout(ctx, secret); err != nil {
				t.Errorf("Logout(%q) again: got %v, want nil", secret, err)
			}
		}
		if after := count(t, s); after != before {
			t.Errorf("got %+v after repeated logouts, want %+v", after, before)
		}
	})
}

// A disabled account loses its password sign-in, its open sessions and its API tokens.
func TestDisabledUser(t *testing.T) {
	t.Parallel()
	storetest.EachDSN(t, func(t *testing.T, db *store.DB, dsn string) {
		s, _ := demo(t, db)
		ctx := t.Context()
		secret, _, err := s.Login(ctx, policeEmail, enforce.DemoPassword)
		if err != nil {
			t.Fatal(err)
		}
		token, err := s.IssueToken(ctx, user(t, s, adminEmail), policeEmail, "case feed")
		if err != nil {
			t.Fatal(err)
		}
		// There is no service to disable a user yet: do it behind the store's back.
		driver := map[store.Dialect]string{store.SQLite: "sqlite", store.Postgres: "pgx"}[db.Dialect]
		raw, err := sql.Open(driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		if _, err := raw.ExecContext(ctx, `UPDATE users SET disabled = TRUE WHERE email = $1`, policeEmail); err != nil {
			t.Fatal(err)
		}

		_, _, err = s.Login(ctx, policeEmail, enforce.DemoPassword)
		wantError(t, err, ipr.EFORBIDDEN, "")
		_, err = s.SessionUser(ctx, secret)
		wantError(t, err, ipr.EFORBIDDEN, "")
		_, err = s.TokenUser(ctx, token)
		wantError(t, err, ipr.EFORBIDDEN, "")
		_, err = s.Dashboard(ctx, user(t, s, policeEmail))
		wantError(t, err, ipr.EFORBIDDEN, "")
	})
}
