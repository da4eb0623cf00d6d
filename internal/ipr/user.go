package ipr

import (
	"net/mail"
	"strings"
	"time"
)

// User is a person who signs in, or an integration using an API token.
type User struct {
	ID        int64
	Email     string
	Name      string
	Role      Role
	OrgID     int64
	OrgName   string
	OrgKind   OrgKind
	Lang      string  // preferred language, "en" or "zh"
	ActsFor   []int64 // for agents: the right holders they represent
	Disabled  bool
	CreatedAt time.Time
}

// MinPasswordLength is the shortest password Bordermark accepts.
const MinPasswordLength = 10

// NormaliseEmail lower-cases and trims an e-mail address.
func NormaliseEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Validate checks a user and its password before they are stored.
// The organisation must already be known, so that the role can be checked against its kind.
func (u *User) Validate(password string) error {
	p := Problems{}
	u.Email = NormaliseEmail(u.Email)
	u.Name = strings.TrimSpace(u.Name)
	if u.Email == "" {
		p.Add("email", "is required")
	} else if a, err := mail.ParseAddress(u.Email); err != nil || a.Address != u.Email {
		p.Add("email", "is not an e-mail address")
	}
	if u.Name == "" {
		u.Name = u.Email
	}
	if _, err := ParseRole(string(u.Role)); err != nil {
		p.Add("role", ErrorFields(err)["role"])
	} else if want := u.Role.OrgKind(); want != "" && u.OrgKind != want {
		p.Add("org", "a "+string(u.Role)+" must belong to a "+string(want)+" organisation")
	}
	if u.OrgID == 0 {
		p.Add("org", "is required")
	}
	if len([]rune(password)) < MinPasswordLength {
		p.Add("password", "must be at least 10 characters")
	}
	return p.Err("user is not valid")
}

// IsSystem reports whether u is the built-in actor used by the command line.
func (u *User) IsSystem() bool { return u != nil && u.ID == 0 && u.Role == RoleSystemAdmin }

// SystemUser is the actor recorded for changes made from the command line.
func SystemUser() *User {
	return &User{Email: "system", Name: "command line", Role: RoleSystemAdmin}
}

// OrgIDOrZero is the user's organisation, or 0 for the public (a nil user).
func (u *User) OrgIDOrZero() int64 {
	if u == nil {
		return 0
	}
	return u.OrgID
}
