package enforce_test

import (
	"strings"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

func TestIssueToken(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		admin := user(t, s, adminEmail)

		secret, err := s.IssueToken(ctx, admin, officerEmail, " declaration system ")
		if err != nil || !strings.HasPrefix(secret, "bm_") {
			t.Fatalf("IssueToken: got %q, %v; want a bm_ secret", secret, err)
		}
		// The audit event names the token by its prefix, never by the secret.
		if e := lastEvent(t, s); e.Action != "token.create" || strings.Contains(e.After, secret) || !strings.Contains(e.After, secret[:10]) {
			t.Errorf("audit: got %s %q, want token.create naming only the prefix %q", e.Action, e.After, secret[:10])
		}
		u, err := s.TokenUser(ctx, " "+secret+" ")
		if err != nil || u.Email != officerEmail {
			t.Errorf("TokenUser: got %+v, %v; want %s", u, err, officerEmail)
		}

		for _, bad := range []string{"", "bm_unknown", secret + "x"} {
			_, err := s.TokenUser(ctx, bad)
			wantError(t, err, ipr.EUNAUTHENTICATED, "")
		}

		refused := []struct {
			name        string
			actor       *ipr.User
			email, tok  string
			code, field string
		}{
			{"no name", admin, officerEmail, " ", ipr.EINVALID, "name"},
			{"unknown user", admin, "nobody@example.org", "x", ipr.ENOTFOUND, "email"},
			{"customs supervisor", user(t, s, supervisorEmail), officerEmail, "x", ipr.EFORBIDDEN, ""},
			{"public", nil, officerEmail, "x", ipr.EUNAUTHENTICATED, ""},
		}
		for _, tt := range refused {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, s)
				secret, err := s.IssueToken(ctx, tt.actor, tt.email, tt.tok)
				if secret != "" {
					t.Errorf("got secret %q, want none", secret)
				}
				wantError(t, err, tt.code, tt.field)
				if after := count(t, s); after != before {
					t.Errorf("got %+v after a refused token, want %+v", after, before)
				}
			})
		}
	})
}
