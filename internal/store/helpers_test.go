package store_test

import (
	"context"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// t0 is the fixed "now" of the storage tests.
var t0 = time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)

// passwordHash stands in for a real hash: the store only keeps the string.
const passwordHash = "$argon2id$not-checked-here"

// update runs fn in a transaction and fails the test if it returns an error.
func update(t *testing.T, db *store.DB, fn func(ctx context.Context, tx *store.Tx) error) {
	t.Helper()
	ctx := t.Context()
	if err := db.Update(ctx, func(tx *store.Tx) error { return fn(ctx, tx) }); err != nil {
		t.Fatalf("update: %v", err)
	}
}

// view is update for reading.
func view(t *testing.T, db *store.DB, fn func(ctx context.Context, tx *store.Tx) error) {
	t.Helper()
	ctx := t.Context()
	if err := db.View(ctx, func(tx *store.Tx) error { return fn(ctx, tx) }); err != nil {
		t.Fatalf("view: %v", err)
	}
}

// createOrg stores an organisation and returns it.
func createOrg(t *testing.T, db *store.DB, name string, kind ipr.OrgKind, parent int64) *ipr.Org {
	t.Helper()
	o := &ipr.Org{Name: name, NameZH: name + " 中文", Kind: kind, ParentID: parent}
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateOrg(ctx, o, t0) })
	return o
}

// createUser stores a user of org with role.
func createUser(t *testing.T, db *store.DB, email string, role ipr.Role, org *ipr.Org) *ipr.User {
	t.Helper()
	u := &ipr.User{Email: email, Name: "Test " + string(role), Role: role, OrgID: org.ID}
	update(t, db, func(ctx context.Context, tx *store.Tx) error {
		return tx.CreateUser(ctx, u, "a long password", passwordHash, t0)
	})
	return u
}

// wantError checks err's code and, when field is not "", that it names field.
func wantError(t *testing.T, err error, code, field string) {
	t.Helper()
	if got := ipr.ErrorCode(err); got != code {
		t.Fatalf("got code %q (%v), want %q", got, err, code)
	}
	if field != "" && ipr.ErrorFields(err)[field] == "" {
		t.Errorf("got fields %v, want a problem for %q", ipr.ErrorFields(err), field)
	}
}
