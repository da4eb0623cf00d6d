package ipr

// ActionReadNotices lets a user read and mark its organisation's in-app
// notices: a right holder its own (an agent its clients'), customs offices and
// police units theirs, such as deadline reminders of cases and transfers.
const ActionReadNotices Action = "notice.read"

func init() {
	Actions = append(Actions, ActionReadNotices)
	rules[ActionReadNotices] = func(u *User, r Resource) bool {
		switch u.Role {
		case RoleCustomsOfficer, RoleCustomsSupervisor, RolePolice:
			return r.OrgID != 0 && r.OrgID == u.OrgID
		}
		return holderSide(u) && actsFor(u, r.OrgID)
	}
}
