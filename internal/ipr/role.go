package ipr

import (
	"fmt"
	"strings"
)

// Role is what a user may do in Bordermark. The public has no role.
type Role string

const (
	RoleCustomsOfficer    Role = "customs_officer"
	RoleCustomsSupervisor Role = "customs_supervisor"
	RoleRightHolder       Role = "right_holder"
	RoleAgent             Role = "agent"
	RolePolice            Role = "police"
	RoleAssociationAdmin  Role = "association_admin"
	RoleSystemAdmin       Role = "system_admin"
)

// Roles lists every role in a stable order.
var Roles = []Role{
	RoleCustomsOfficer, RoleCustomsSupervisor, RoleRightHolder, RoleAgent,
	RolePolice, RoleAssociationAdmin, RoleSystemAdmin,
}

// ParseRole accepts a role name such as "customs_officer".
func ParseRole(s string) (Role, error) {
	r := Role(strings.TrimSpace(strings.ToLower(s)))
	for _, known := range Roles {
		if r == known {
			return r, nil
		}
	}
	return "", &Error{Code: EINVALID, Message: "unknown role",
		Fields: map[string]string{"role": fmt.Sprintf("%q is not one of %s", s, roleList())}}
}

func roleList() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

func (r Role) String() string { return string(r) }

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) { return []byte(r), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := ParseRole(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// OrgKind is the kind of organisation a role must belong to.
func (r Role) OrgKind() OrgKind {
	switch r {
	case RoleCustomsOfficer, RoleCustomsSupervisor:
		return OrgCustomsOffice
	case RoleRightHolder:
		return OrgRightHolder
	case RoleAgent:
		return OrgAgent
	case RolePolice:
		return OrgPoliceUnit
	case RoleAssociationAdmin:
		return OrgAssociation
	}
	return "" // system_admin may belong to any organisation
}

// IsCustoms reports whether the role works for a customs office.
func (r Role) IsCustoms() bool {
	return r == RoleCustomsOfficer || r == RoleCustomsSupervisor
}
