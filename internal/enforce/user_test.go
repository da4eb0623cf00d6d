package enforce_test

import (
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

func TestAddUser(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		admin := user(t, s, adminEmail)
		ctx := enforce.WithRequestID(t.Context(), "req-add")
		before := count(t, s)

		// The organisation may be named in Chinese; role and e-mail are normalised.
		in := enforce.NewUser{Email: " New.Officer@Wenzhou.Customs.Example", Name: "Li Na",
			Password: "correct horse battery", Role: " Customs_Officer", Org: "温州海关", Lang: "zh"}
		u, err := s.AddUser(ctx, admin, in)
		if err != nil {
			t.Fatalf("AddUser: %v", err)
		}
		if u.ID == 0 || u.Email != "new.officer@wenzhou.customs.example" || u.Role != ipr.RoleCustomsOfficer || u.OrgName != "Wenzhou Customs" {
			t.Errorf("AddUser: got %+v, want a customs officer of Wenzhou Customs", u)
		}
		if got, want := count(t, s), (totals{before.users + 1, before.events + 1}); got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
		e := lastEvent(t, s)
		if e.Action != "user.create" || e.ActorEmail != adminEmail || e.RequestID != "req-add" || e.ObjectOrg != u.OrgID {
			t.Errorf("audit: got %s by %s request %q about org %d, want user.create by %s request req-add about org %d",
				e.Action, e.ActorEmail, e.RequestID, e.ObjectOrg, adminEmail, u.OrgID)
		}
		if _, _, err := s.Login(ctx, in.Email, in.Password); err != nil {
			t.Errorf("the new user signs in: got %v, want nil", err)
		}

		valid := func(edit func(*enforce.NewUser)) enforce.NewUser {
			in := enforce.NewUser{Email: "someone@yiwu.customs.example", Password: "long enough password",
				Role: "customs_officer", Org: "Yiwu Customs"}
			edit(&in)
			return in
		}
		bad := []struct {
			name        string
			actor       *ipr.User
			in          enforce.NewUser
			code, field string
		}{
			{"unknown role", admin, valid(func(in *enforce.NewUser) { in.Role = "pilot" }), ipr.EINVALID, "role"},
			{"duplicate e-mail", admin, valid(func(in *enforce.NewUser) { in.Email = "OFFICER@yiwu.customs.example" }), ipr.ECONFLICT, "email"},
			{"unknown organisation", admin, valid(func(in *enforce.NewUser) { in.Org = "Atlantis Customs" }), ipr.ENOTFOUND, "org"},
			{"no organisation", admin, valid(func(in *enforce.NewUser) { in.Org = " " }), ipr.EINVALID, "org"},
			{"short password", admin, valid(func(in *enforce.NewUser) { in.Password = "short" }), ipr.EINVALID, "password"},
			{"bad e-mail", admin, valid(func(in *enforce.NewUser) { in.Email = "someone at yiwu" }), ipr.EINVALID, "email"},
			{"role does not fit the organisation", admin, valid(func(in *enforce.NewUser) { in.Role = "right_holder" }), ipr.EINVALID, "org"},
			{"customs officer", user(t, s, officerEmail), valid(func(*enforce.NewUser) {}), ipr.EFORBIDDEN, ""},
			{"customs supervisor", user(t, s, supervisorEmail), valid(func(*enforce.NewUser) {}), ipr.EFORBIDDEN, ""},
			{"right holder in its own organisation", user(t, s, holderEmail),
				valid(func(in *enforce.NewUser) { in.Role, in.Org = "right_holder", "Northwind Apparel" }), ipr.EFORBIDDEN, ""},
			{"public", nil, valid(func(*enforce.NewUser) {}), ipr.EUNAUTHENTICATED, ""},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, s)
				u, err := s.AddUser(ctx, tt.actor, tt.in)
				if u != nil {
					t.Errorf("got user %+v, want nil", u)
				}
				wantError(t, err, tt.code, tt.field)
				// Nothing is half-written: no user and no audit event.
				if after := count(t, s); after != before {
					t.Errorf("got %+v after a refused change, want %+v", after, before)
				}
			})
		}
	})
}
