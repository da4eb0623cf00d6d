package ipr

import "slices"

// Action is something a user may try to do. Every permission decision in
// Bordermark is a call to Can with one of these.
type Action string

const (
	ActionViewPublic    Action = "public.view"    // publicity pages, tip line
	ActionViewDashboard Action = "dashboard.view" // the signed-in home page
	ActionViewAudit     Action = "audit.view"     // browse audit events of an organisation
	ActionVerifyAudit   Action = "audit.verify"   // walk the whole hash chain
	ActionViewOrg       Action = "org.view"       // an organisation's profile
	ActionManageOrgs    Action = "org.manage"     // create and change organisations
	ActionManageUsers   Action = "user.manage"    // create users, reset passwords
	ActionManageTokens  Action = "token.manage"   // issue API tokens for integrations
)

// Actions lists every action, for the permission matrix test and documentation.
var Actions = []Action{
	ActionViewPublic, ActionViewDashboard, ActionViewAudit, ActionVerifyAudit,
	ActionViewOrg, ActionManageOrgs, ActionManageUsers, ActionManageTokens,
}

// Resource is what an action is done to. OrgID is the organisation the
// resource belongs to (0 when it belongs to no one in particular).
type Resource struct {
	Kind  string
	OrgID int64
}

// Anything is the resource of actions that are not about one organisation's data.
var Anything = Resource{}

// OrgResource is a resource owned by organisation id.
func OrgResource(kind string, id int64) Resource { return Resource{Kind: kind, OrgID: id} }

// rule decides one action for a signed-in, enabled user.
type rule func(u *User, r Resource) bool

var rules = map[Action]rule{
	ActionViewPublic:    func(*User, Resource) bool { return true },
	ActionViewDashboard: func(*User, Resource) bool { return true },
	ActionViewAudit: func(u *User, r Resource) bool {
		switch u.Role {
		case RoleSystemAdmin, RoleCustomsSupervisor:
			return true
		case RoleAssociationAdmin, RoleRightHolder:
			return r.OrgID != 0 && r.OrgID == u.OrgID
		}
		return false
	},
	ActionVerifyAudit: roles(RoleSystemAdmin, RoleCustomsSupervisor),
	ActionViewOrg: func(u *User, r Resource) bool {
		switch u.Role {
		case RoleSystemAdmin, RoleCustomsOfficer, RoleCustomsSupervisor, RoleAssociationAdmin:
			return true
		}
		return actsFor(u, r.OrgID)
	},
	ActionManageOrgs:   roles(RoleSystemAdmin),
	ActionManageUsers:  roles(RoleSystemAdmin),
	ActionManageTokens: roles(RoleSystemAdmin),
}

func roles(allowed ...Role) rule {
	return func(u *User, _ Resource) bool { return slices.Contains(allowed, u.Role) }
}

// actsFor reports whether u may act for organisation id: its own, or for an
// agent, one of the right holders it represents.
func actsFor(u *User, id int64) bool {
	if id == 0 {
		return false
	}
	return u.OrgID == id || (u.Role == RoleAgent && slices.Contains(u.ActsFor, id))
}

// Can reports whether user may do action to resource. A nil user is the public.
func Can(user *User, action Action, resource Resource) bool {
	if user == nil || user.Disabled {
		return action == ActionViewPublic
	}
	allow, ok := rules[action]
	return ok && allow(user, resource)
}

// Authorize is Can as an error: EUNAUTHENTICATED for the public, EFORBIDDEN otherwise.
func Authorize(user *User, action Action, resource Resource) error {
	if Can(user, action, resource) {
		return nil
	}
	if user == nil {
		return Errorf(EUNAUTHENTICATED, "please sign in")
	}
	return Errorf(EFORBIDDEN, "you are not allowed to do that")
}
