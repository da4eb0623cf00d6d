package ipr

// Statistics: customs and the association see every figure; a right holder,
// and an agent for each client, see the same views over their own brands only
// (the resource's OrgID is the holder whose figures are shown; 0 for all).
const (
	ActionViewStats Action = "stats.view" // the dashboards, their exports and the annual report
)

func init() {
	Actions = append(Actions, ActionViewStats)
	rules[ActionViewStats] = func(u *User, r Resource) bool {
		return u.Role.IsCustoms() || u.Role == RoleAssociationAdmin || (holderSide(u) && actsFor(u, r.OrgID))
	}
}
