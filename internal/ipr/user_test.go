package ipr_test

import (
	"testing"

	"bordermark/internal/ipr"
)

func TestUserValidate(t *testing.T) {
	valid := func() ipr.User {
		return ipr.User{Email: "officer@yiwu.example", Name: "Chen Jie", Role: ipr.RoleCustomsOfficer,
			OrgID: 3, OrgKind: ipr.OrgCustomsOffice}
	}
	const password = "long enough password"
	tests := []struct {
		name     string
		edit     func(*ipr.User)
		password string
		want     []string
	}{
		{"valid", func(*ipr.User) {}, password, nil},
		{"system admin in any organisation", func(u *ipr.User) { u.Role, u.OrgKind = ipr.RoleSystemAdmin, ipr.OrgPoliceUnit }, password, nil},
		{"ten runes of Chinese", func(*ipr.User) {}, "一二三四五六七八九十", nil},
		{"no e-mail", func(u *ipr.User) { u.Email = " " }, password, []string{"email"}},
		{"not an e-mail", func(u *ipr.User) { u.Email = "officer at yiwu" }, password, []string{"email"}},
		{"e-mail with display name", func(u *ipr.User) { u.Email = "Chen <officer@yiwu.example>" }, password, []string{"email"}},
		{"no role", func(u *ipr.User) { u.Role = "" }, password, []string{"role"}},
		{"unknown role", func(u *ipr.User) { u.Role = "pilot" }, password, []string{"role"}},
		{"role does not fit the organisation", func(u *ipr.User) { u.OrgKind = ipr.OrgRightHolder }, password, []string{"org"}},
		{"agent in a right holder", func(u *ipr.User) { u.Role, u.OrgKind = ipr.RoleAgent, ipr.OrgRightHolder }, password, []string{"org"}},
		{"no organisation", func(u *ipr.User) { u.OrgID = 0 }, password, []string{"org"}},
		{"short password", func(*ipr.User) {}, "nine char", []string{"password"}},
		{"everything wrong", func(u *ipr.User) { *u = ipr.User{} }, "", []string{"email", "role", "org", "password"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := valid()
			tt.edit(&u)
			checkFields(t, u.Validate(tt.password), tt.want)
		})
	}
}

func TestUserValidateNormalises(t *testing.T) {
	u := ipr.User{Email: "  Officer@Yiwu.Example ", Name: "  ", Role: ipr.RolePolice, OrgID: 1, OrgKind: ipr.OrgPoliceUnit}
	if err := u.Validate("0123456789"); err != nil {
		t.Fatalf("got error %v, want none", err)
	}
	if got, want := u.Email, "officer@yiwu.example"; got != want {
		t.Errorf("got e-mail %q, want %q", got, want)
	}
	if got, want := u.Name, "officer@yiwu.example"; got != want {
		t.Errorf("got name %q, want the e-mail %q", got, want)
	}
}

func TestSystemUser(t *testing.T) {
	if u := ipr.SystemUser(); !u.IsSystem() {
		t.Errorf("SystemUser().IsSystem(): got false, want true")
	}
	var nobody *ipr.User
	tests := []struct {
		user *ipr.User
		want bool
	}{
		{nobody, false},
		{&ipr.User{ID: 1, Role: ipr.RoleSystemAdmin}, false},
		{&ipr.User{Role: ipr.RoleCustomsOfficer}, false},
	}
	for _, tt := range tests {
		if got := tt.user.IsSystem(); got != tt.want {
			t.Errorf("%+v.IsSystem(): got %v, want %v", tt.user, got, tt.want)
		}
	}
}
