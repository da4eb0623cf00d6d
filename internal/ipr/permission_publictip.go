package ipr

// The public tip line. Sending a tip is ActionViewPublic, the one action the
// public (a nil user) has: Can refuses every other action to it. Reading and
// triaging the tips is customs' work.
const (
	ActionViewPublicTips  Action = "publictip.view"   // the triage queue of tips from the public, their photos
	ActionTriagePublicTip Action = "publictip.triage" // mark a tip triaged, forwarded or dismissed
)

func init() {
	Actions = append(Actions, ActionViewPublicTips, ActionTriagePublicTip)
	rules[ActionViewPublicTips] = roles(RoleCustomsOfficer, RoleCustomsSupervisor)
	rules[ActionTriagePublicTip] = roles(RoleCustomsOfficer, RoleCustomsSupervisor)
}
