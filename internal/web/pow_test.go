package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"bordermark/internal/api"
	"bordermark/internal/enforce"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
	"bordermark/internal/web"
)

// sameDatabase starts a second server over w's database, with a service of
// its own: another instance, or the same one after a restart.
func sameDatabase(t *testing.T, w *world) *world {
	t.Helper()
	svc := enforce.New(w.svc.DB, w.clock, nil)
	svc.Files = w.svc.Files
	s, err := web.New(svc, web.Options{Version: "test", API: api.New(svc, nil)})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return &world{svc: svc, clock: w.clock, srv: srv}
}

// The public tip line's proof-of-work key lives in the database: a challenge
// one server issued is accepted by another over the same database (and after a
// restart), and refused by a server over another database.
func TestPublicTipKeySharedAcrossServers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		first := newWorld(t, db)
		second := sameDatabase(t, first)
		for _, tc := range []struct {
			name     string
			from, to *world
		}{{"first to second", first, second}, {"second to first", second, first}} {
			c := tc.from.client(t)
			token, nonce, _ := publicTipChallenge(t, tc.from, c)
			r := tc.to.multipart(t, c, "/report", publicTipParts(token, nonce)...)
			catWant(t, tc.name, r, http.StatusCreated)
		}
		other := newSQLiteWorld(t)
		c := first.client(t)
		token, nonce, _ := publicTipChallenge(t, first, c)
		catWant(t, "to a server over another database", other.multipart(t, c, "/report", publicTipParts(token, nonce)...),
			http.StatusBadRequest)
		if tips, _ := publicTipCounts(t, first); tips != 2 {
			t.Errorf("got %d reports stored, want 2", tips)
		}
	})
}

// A solved challenge buys one report: sent again, to the same server, to
// another over the same database or after a restart, it is refused and
// nothing more is stored.
func TestPublicTipChallengeSpentOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		first := newWorld(t, db)
		c := first.client(t)
		token, nonce, _ := publicTipChallenge(t, first, c)
		catWant(t, "first use", first.multipart(t, c, "/report", publicTipParts(token, nonce)...), http.StatusCreated)
		for name, to := range map[string]*world{"same server": first, "restarted": sameDatabase(t, first)} {
			r := to.multipart(t, c, "/report", publicTipParts(token, nonce)...)
			catWant(t, name, r, http.StatusBadRequest, "this form was already sent")
		}
		if tips, _ := publicTipCounts(t, first); tips != 1 {
			t.Errorf("got %d reports stored, want 1", tips)
		}
	})
}
