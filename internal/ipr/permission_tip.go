package ipr

import "slices"

// Actions on right holders' tips (risk intelligence).
const (
	ActionSubmitTip       Action = "tip.submit"   // send customs a tip: the holder or its agent
	ActionViewTip         Action = "tip.view"     // customs, the owner, and members of groups it is shared with
	ActionReviewTip       Action = "tip.review"   // turn a tip into a risk rule, or dismiss it
	ActionShareTip        Action = "tip.share"    // share one's own tip with a working group one belongs to
	ActionViewTipFeedback Action = "tip.feedback" // what the tip's rule flagged and confirmed: customs and the owner
	ActionViewTipPatterns Action = "tip.patterns" // patterns across the tips shared with a group
)

func init() {
	Actions = append(Actions, ActionSubmitTip, ActionViewTip, ActionReviewTip, ActionShareTip,
		ActionViewTipFeedback, ActionViewTipPatterns)
	rules[ActionSubmitTip] = ownerOnly
	// For a tip, OrgID is its holder and Members the holders of the groups it is
	// shared with (the enforce layer works them out).
	rules[ActionViewTip] = func(u *User, r Resource) bool {
		return u.Role == RoleCustomsOfficer || u.Role == RoleCustomsSupervisor || (holderSide(u) && actsForAny(u, r))
	}
	rules[ActionReviewTip] = roles(RoleCustomsOfficer, RoleCustomsSupervisor)
	// For sharing, Members are the group's members: the tip's holder must be one.
	rules[ActionShareTip] = func(u *User, r Resource) bool {
		return holderSide(u) && actsFor(u, r.OrgID) && slices.Contains(r.Members, r.OrgID)
	}
	rules[ActionViewTipFeedback] = func(u *User, r Resource) bool {
		return u.Role == RoleCustomsOfficer || u.Role == RoleCustomsSupervisor || ownerOnly(u, r)
	}
	// For patterns, the resource is a group and Members its member holders.
	rules[ActionViewTipPatterns] = func(u *User, r Resource) bool {
		return u.Role == RoleCustomsOfficer || u.Role == RoleCustomsSupervisor ||
			(holderSide(u) && slices.ContainsFunc(r.Members, func(m int64) bool { return actsFor(u, m) }))
	}
}

// actsForAny reports whether u acts for the resource's organisation or one of its members.
func actsForAny(u *User, r Resource) bool {
	return actsFor(u, r.OrgID) || slices.ContainsFunc(r.Members, func(m int64) bool { return actsFor(u, m) })
}
