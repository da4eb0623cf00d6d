package store_test

import (
	"context"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		office := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, 0)
		holder := createOrg(t, db, "Northwind Apparel", ipr.OrgRightHolder, 0)
		officer := createUser(t, db, " Officer@Yiwu.Example ", ipr.RoleCustomsOfficer, office)
		if officer.ID == 0 || officer.Email != "officer@yiwu.example" {
			t.Fatalf("got ID %d e-mail %q, want an ID and the normalised e-mail", officer.ID, officer.Email)
		}

		bad := []struct {
			name        string
			user        ipr.User
			code, field string
		}{
			{"duplicate e-mail", ipr.User{Email: "OFFICER@yiwu.example", Name: "Impostor", Role: ipr.RoleCustomsOfficer, OrgID: office.ID}, ipr.ECONFLICT, "email"},
			{"role does not fit the organisation", ipr.User{Email: "brand@yiwu.example", Role: ipr.RoleRightHolder, OrgID: office.ID}, ipr.EINVALID, "org"},
			{"unknown organisation", ipr.User{Email: "x@example.org", Role: ipr.RolePolice, OrgID: 9999}, ipr.ENOTFOUND, "org"},
			{"no organisation", ipr.User{Email: "x@example.org", Role: ipr.RolePolice}, ipr.EINVALID, "org"},
			{"unknown role", ipr.User{Email: "x@example.org", Role: "pilot", OrgID: office.ID}, ipr.EINVALID, "role"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				u := tt.user
				err := db.Update(ctx, func(tx *store.Tx) error {
					return tx.CreateUser(ctx, &u, "a long password", passwordHash, t0)
				})
				wantError(t, err, tt.code, tt.field)
			})
		}

		view(t, db, func(ctx context.Context, tx *store.Tx) error {
			// The first user is unchanged by the refused duplicate.
			got, hash, err := tx.UserByEmail(ctx, "officer@YIWU.example")
			if err != nil {
				return err
			}
			if got.ID != officer.ID || got.Name != officer.Name || hash != passwordHash {
				t.Errorf("UserByEmail: got %+v hash %q, want %+v hash %q", got, hash, officer, passwordHash)
			}
			if got.Role != ipr.RoleCustomsOfficer || got.OrgName != "Yiwu Customs" || got.OrgKind != ipr.OrgCustomsOffice || got.Lang != "en" {
				t.Errorf("UserByEmail: got role %q org %q kind %q lang %q, want customs officer of Yiwu Customs, en",
					got.Role, got.OrgName, got.OrgKind, got.Lang)
			}
			if !got.CreatedAt.Equal(t0) {
				t.Errorf("UserByEmail: got created %v, want %v", got.CreatedAt, t0)
			}
			byID, err := tx.UserByID(ctx, officer.ID)
			if err != nil || byID.Email != officer.Email {
				t.Errorf("UserByID: got %+v, %v; want %s", byID, err, officer.Email)
			}
			_, _, err = tx.UserByEmail(ctx, "nobody@example.org")
			wantError(t, err, ipr.ENOTFOUND, "email")
			_, err = tx.UserByID(ctx, 9999)
			wantError(t, err, ipr.ENOTFOUND, "")
			for org, want := range map[int64]int64{0: 1, office.ID: 1, holder.ID: 0} {
				if n, err := tx.CountUsers(ctx, org); err != nil || n != want {
					t.Errorf("CountUsers(%d): got %d, %v; want %d", org, n, err, want)
				}
			}
			return nil
		})

		createUser(t, db, "brand@northwind.example", ipr.RoleRightHolder, holder)
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.SetUserLang(ctx, officer.ID, "zh") })
		view(t, db, func(ctx context.Context, tx *store.Tx) error {
			list, err := tx.ListUsers(ctx, 0)
			if err != nil {
				return err
			}
			if len(list) != 2 || list[0].Email != "brand@northwind.example" || list[1].Lang != "zh" {
				t.Errorf("ListUsers(0): got %d users, want brand@ then officer@ (lang zh)", len(list))
			}
			list, err = tx.ListUsers(ctx, holder.ID)
			if err != nil || len(list) != 1 || list[0].OrgID != holder.ID {
				t.Errorf("ListUsers(holder): got %v, %v; want the one right holder user", list, err)
			}
			return nil
		})
	})
}
