package store_test

import (
	"context"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		office := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, 0)
		system := createUser(t, db, "declarations@yiwu.example", ipr.RoleCustomsOfficer, office)
		tok := &ipr.APIToken{UserID: system.ID, Name: "declaration system", Prefix: "bm_abcdefg", TokenHash: "hash-1", CreatedAt: t0}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateToken(ctx, tok) })
		if tok.ID == 0 {
			t.Fatal("got token ID 0, want it set")
		}

		// The same secret cannot be stored twice.
		dup := *tok
		err := db.Update(ctx, func(tx *store.Tx) error { return tx.CreateToken(ctx, &dup) })
		wantError(t, err, ipr.ECONFLICT, "token")

		tests := []struct {
			name string
			hash string
			code string // "" when the token is valid
		}{
			{"valid", "hash-1", ""},
			{"unknown", "hash-2", ipr.EUNAUTHENTICATED},
			{"empty", "", ipr.EUNAUTHENTICATED},
		}
		for _, tt := range tests {
			err := db.Update(ctx, func(tx *store.Tx) error {
				u, err := tx.TokenUser(ctx, tt.hash, t0.Add(time.Hour))
				if err == nil && (u.ID != system.ID || u.OrgKind != ipr.OrgCustomsOffice) {
					t.Errorf("%s: got %+v, want the declaration system's user", tt.name, u)
				}
				return err
			})
			if got := ipr.ErrorCode(err); got != tt.code {
				t.Errorf("%s: got code %q (%v), want %q", tt.name, got, err, tt.code)
			}
		}
	})
}
