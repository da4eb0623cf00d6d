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

	ActionViewRight    Action = "right.view"   // a recordation; drafts only by their holder
	ActionEditRight    Action = "right.edit"   // file or change a draft or rejected recordation
	ActionSubmitRight  Action = "right.submit" // send a recordation to customs for review
	ActionReviewRight  Action = "right.review" // approve or reject recordations and amendments
	ActionAmendRight   Action = "right.amend"  // file an amendment or renewal of an approved recordation
	ActionImportRights Action = "right.import" // bulk import of a register
	ActionExportRights Action = "right.export" // the whole register as CSV

	ActionViewCatalogue Action = "catalogue.view" // products, authentication guides, supply chain
	ActionEditCatalogue Action = "catalogue.edit"
	ActionViewInfringer Action = "infringer.view" // known infringers: customs and the holder only
	ActionEditInfringer Action = "infringer.edit"
	ActionViewContact   Action = "contact.view" // identification contacts: customs and the holder only
	ActionEditContact   Action = "contact.edit"

	ActionViewWorkingGroup   Action = "group.view"   // a working group's page
	ActionEditWorkingGroup   Action = "group.edit"   // its common problems: members and the secretariat
	ActionManageWorkingGroup Action = "group.manage" // its membership: the secretariat
	ActionUploadFile         Action = "file.upload"

	ActionSubmitDeclaration Action = "declaration.submit" // send declarations to be screened and stored
	ActionViewDeclaration   Action = "declaration.view"   // the screening queue and a declaration's findings
	ActionDecideDeclaration Action = "declaration.decide" // dismiss a flag or send goods to inspection
	ActionViewRule          Action = "rule.view"          // customs' risk rules
	ActionManageRule        Action = "rule.manage"        // write, change and delete risk rules

	ActionViewCase             Action = "case.view"             // a detention case, its items, timeline and deadlines
	ActionOpenCase             Action = "case.open"             // open a case, from the queue or on application
	ActionActCase              Action = "case.act"              // an officer's transitions: notify, detain, investigate
	ActionApproveCase          Action = "case.approve"          // confirm legal defaults, approve determinations and penalties
	ActionAnswerIdentification Action = "identification.answer" // say whether detained goods are genuine
	ActionPostBond             Action = "bond.post"             // post a case's bond, in cash or on the general guarantee
	ActionViewGuarantee        Action = "guarantee.view"        // a holder's general guarantee and what is drawn on it
	ActionManageGuarantee      Action = "guarantee.manage"      // file a general guarantee
	ActionImportCalendar       Action = "calendar.import"       // load an official working-day calendar
)

// Actions lists every action, for the permission matrix test and documentation.
var Actions = []Action{
	ActionViewPublic, ActionViewDashboard, ActionViewAudit, ActionVerifyAudit,
	ActionViewOrg, ActionManageOrgs, ActionManageUsers, ActionManageTokens,
	ActionViewRight, ActionEditRight, ActionSubmitRight, ActionReviewRight, ActionAmendRight,
	ActionImportRights, ActionExportRights,
	ActionViewCatalogue, ActionEditCatalogue, ActionViewInfringer, ActionEditInfringer,
	ActionViewContact, ActionEditContact,
	ActionViewWorkingGroup, ActionEditWorkingGroup, ActionManageWorkingGroup, ActionUploadFile,
	ActionSubmitDeclaration, ActionViewDeclaration, ActionDecideDeclaration, ActionViewRule, ActionManageRule,
	ActionViewCase, ActionOpenCase, ActionActCase, ActionApproveCase, ActionAnswerIdentification, ActionPostBond,
	ActionViewGuarantee, ActionManageGuarantee, ActionImportCalendar,
}

// Resource is what an action is done to. OrgID is the organisation the
// resource belongs to (0 when it belongs to no one in particular); State is
// its workflow state where that matters (a recordation's status); Members are
// the organisations that share it (a working group's member right holders).
type Resource struct {
	Kind    string
	OrgID   int64
	State   string
	Members []int64
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

	ActionViewRight: func(u *User, r Resource) bool {
		if holderSide(u) {
			return actsFor(u, r.OrgID)
		}
		if r.State == string(StatusDraft) {
			return false // a draft is the holder's own until submitted
		}
		switch u.Role {
		case RoleCustomsOfficer, RoleCustomsSupervisor, RoleSystemAdmin:
			return true
		case RoleAssociationAdmin:
			return r.State == string(StatusApproved)
		}
		return false
	},
	ActionEditRight: func(u *User, r Resource) bool {
		return holderSide(u) && actsFor(u, r.OrgID) && (r.State == string(StatusDraft) || r.State == string(StatusRejected) || r.State == "")
	},
	ActionSubmitRight: func(u *User, r Resource) bool {
		return holderSide(u) && actsFor(u, r.OrgID) && (r.State == string(StatusDraft) || r.State == string(StatusRejected))
	},
	ActionReviewRight: roles(RoleCustomsSupervisor),
	ActionAmendRight: func(u *User, r Resource) bool {
		return holderSide(u) && actsFor(u, r.OrgID) && r.State == string(StatusApproved)
	},
	ActionImportRights: roles(RoleSystemAdmin, RoleCustomsSupervisor),
	ActionExportRights: roles(RoleSystemAdmin, RoleCustomsSupervisor, RoleCustomsOfficer),

	ActionViewCatalogue: customsOrOwner,
	ActionEditCatalogue: ownerOnly,
	ActionViewInfringer: customsOrOwner,
	ActionEditInfringer: ownerOnly,
	ActionViewContact:   customsOrOwner,
	ActionEditContact:   ownerOnly,

	ActionViewWorkingGroup: func(u *User, _ Resource) bool { return u.Role != RolePolice },
	ActionEditWorkingGroup: func(u *User, r Resource) bool {
		if u.Role == RoleAssociationAdmin {
			return u.OrgID == r.OrgID
		}
		return u.Role == RoleRightHolder && slices.Contains(r.Members, u.OrgID)
	},
	ActionManageWorkingGroup: func(u *User, r Resource) bool { return u.Role == RoleAssociationAdmin && u.OrgID == r.OrgID },
	ActionUploadFile:         func(u *User, _ Resource) bool { return u.Role != RolePolice },

	// Declarations come from customs' own systems (an API token acts as a customs user)
	// or the command line; only customs officers read and decide them.
	ActionSubmitDeclaration: roles(RoleCustomsOfficer, RoleCustomsSupervisor, RoleSystemAdmin),
	ActionViewDeclaration:   roles(RoleCustomsOfficer, RoleCustomsSupervisor),
	ActionDecideDeclaration: roles(RoleCustomsOfficer, RoleCustomsSupervisor),
	ActionViewRule:          roles(RoleCustomsOfficer, RoleCustomsSupervisor),
	ActionManageRule:        roles(RoleCustomsOfficer, RoleCustomsSupervisor),

	// Cases are customs' to work; the holder (or its agent) sees and answers only its own.
	// Police get cases through transfer, which comes with its own rule.
	ActionViewCase:             customsOfficeOrOwner,
	ActionOpenCase:             roles(RoleCustomsOfficer, RoleCustomsSupervisor),
	ActionActCase:              roles(RoleCustomsOfficer, RoleCustomsSupervisor),
	ActionApproveCase:          roles(RoleCustomsSupervisor),
	ActionAnswerIdentification: ownerOnly,
	ActionPostBond:             ownerOnly,
	ActionViewGuarantee:        customsOfficeOrOwner,
	ActionManageGuarantee:      ownerOnly,
	ActionImportCalendar:       roles(RoleSystemAdmin, RoleCustomsSupervisor),
}

// holderSide reports whether u works for right holders: the holder itself or its agent.
func holderSide(u *User) bool { return u.Role == RoleRightHolder || u.Role == RoleAgent }

// customsOrOwner lets customs and the owning holder (or its agent) see a holder's data.
func customsOrOwner(u *User, r Resource) bool {
	switch u.Role {
	case RoleCustomsOfficer, RoleCustomsSupervisor, RoleSystemAdmin:
		return true
	}
	return holderSide(u) && actsFor(u, r.OrgID)
}

// customsOfficeOrOwner lets customs officers and the owning holder (or its agent)
// see a case; unlike customsOrOwner, not the system administrator.
func customsOfficeOrOwner(u *User, r Resource) bool {
	return u.Role.IsCustoms() || (holderSide(u) && actsFor(u, r.OrgID))
}

// ownerOnly lets only the owning holder (or its agent) change a holder's data.
func ownerOnly(u *User, r Resource) bool { return holderSide(u) && actsFor(u, r.OrgID) }

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
