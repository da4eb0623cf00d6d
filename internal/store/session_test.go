package store_test

import (
	"context"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		office := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, 0)
		officer := createUser(t, db, "officer@yiwu.example", ipr.RoleCustomsOfficer, office)
		expires := t0.Add(ipr.SessionLifetime)
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			for _, h := range []string{"live", "ended", "old"} {
				s := &ipr.Session{TokenHash: h, UserID: officer.ID, CreatedAt: t0, ExpiresAt: expires}
				if h == "old" {
					s.ExpiresAt = t0.Add(-time.Minute)
				}
				if err := tx.CreateSession(ctx, s); err != nil {
					return err
				}
			}
			return tx.DeleteSession(ctx, "ended")
		})

		tests := []struct {
			name string
			hash string
			now  time.Time
			want bool // whether the session signs the officer in
		}{
			{"valid", "live", t0, true},
			{"a moment before expiry", "live", expires.Add(-time.Microsecond), true},
			{"at expiry", "live", expires, false},
			{"after expiry", "live", expires.Add(time.Hour), false},
			{"deleted", "ended", t0, false},
			{"expired before now", "old", t0, false},
			{"unknown", "nope", t0, false},
			// The same instants seen from another time zone give the same answers.
			{"valid, seen from UTC+8", "live", t0.In(cst), true},
			{"after expiry, seen from UTC+8", "live", expires.Add(time.Second).In(cst), false},
		}
		for _, tt := range tests {
			err := db.View(ctx, func(tx *store.Tx) error {
				u, err := tx.SessionUser(ctx, tt.hash, tt.now)
				if err == nil && u.ID != officer.ID {
					t.Errorf("%s: got user %d, want %d", tt.name, u.ID, officer.ID)
				}
				return err
			})
			if got := err == nil; got != tt.want {
				t.Errorf("%s: got signed in %v (%v), want %v", tt.name, got, err, tt.want)
			}
			if err != nil {
				wantError(t, err, ipr.EUNAUTHENTICATED, "")
			}
		}

		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			n, err := tx.DeleteExpiredSessions(ctx, t0)
			if err == nil && n != 1 {
				t.Errorf("DeleteExpiredSessions: got %d deleted, want 1 (old)", n)
			}
			return err
		})
	})
}

// A session stored by a caller whose clock is not in UTC must still expire on time:
// instants are compared as instants, whatever zone they were written in.
func TestSessionExpiryAcrossTimeZones(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		office := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, 0)
		officer := createUser(t, db, "officer@yiwu.example", ipr.RoleCustomsOfficer, office)
		created := t0.In(cst)
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			return tx.CreateSession(ctx, &ipr.Session{TokenHash: "h", UserID: officer.ID,
				CreatedAt: created, ExpiresAt: created.Add(ipr.SessionLifetime)})
		})
		later := t0.Add(ipr.SessionLifetime + time.Hour) // in UTC, after expiry
		err := db.View(ctx, func(tx *store.Tx) error {
			_, err := tx.SessionUser(ctx, "h", later)
			return err
		})
		wantError(t, err, ipr.EUNAUTHENTICATED, "")
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			n, err := tx.DeleteExpiredSessions(ctx, later)
			if err == nil && n != 1 {
				t.Errorf("DeleteExpiredSessions: got %d deleted, want 1", n)
			}
			return err
		})
	})
}

// cst is China Standard Time, UTC+8, where Bordermark's first users work.
var cst = time.FixedZone("CST", 8*3600)
