package ipr

// Criminal transfer to the police: customs propose, approve and send; the police
// unit a transfer goes to sees it and decides; the case's right holder sees
// the outcome of its own case's transfer.
const (
	ActionProposeTransfer   Action = "transfer.propose"      // an officer proposes a case's transfer
	ActionApproveTransfer   Action = "transfer.approve"      // the head of office approves or rejects it
	ActionSendTransfer      Action = "transfer.send"         // send the dossier, resubmit after a return
	ActionViewTransfer      Action = "transfer.view"         // a transfer, its clocks and dossier: customs and its police unit
	ActionDecideTransfer    Action = "transfer.decide"       // accept, return or ask for more evidence: its police unit
	ActionRecordOutcome     Action = "transfer.outcome"      // record the criminal case's outcome: its police unit
	ActionViewOutcome       Action = "transfer.outcome.view" // a transfer's state and outcome: customs, police unit, holder
	ActionViewTransferStats Action = "transfer.stats"        // the link's medians and 90th percentiles
	ActionViewThreshold     Action = "threshold.view"        // criminal thresholds and their history
	ActionManageThreshold   Action = "threshold.manage"      // add a threshold version
)

func init() {
	Actions = append(Actions, ActionProposeTransfer, ActionApproveTransfer, ActionSendTransfer, ActionViewTransfer,
		ActionDecideTransfer, ActionRecordOutcome, ActionViewOutcome, ActionViewTransferStats,
		ActionViewThreshold, ActionManageThreshold)
	rules[ActionProposeTransfer] = roles(RoleCustomsOfficer, RoleCustomsSupervisor)
	rules[ActionApproveTransfer] = roles(RoleCustomsSupervisor)
	rules[ActionSendTransfer] = roles(RoleCustomsOfficer, RoleCustomsSupervisor)
	rules[ActionViewTransfer] = customsOrUnit
	rules[ActionDecideTransfer] = policeUnit
	rules[ActionRecordOutcome] = policeUnit
	rules[ActionViewOutcome] = func(u *User, r Resource) bool { return customsOrUnit(u, r) || ownerOnly(u, r) }
	rules[ActionViewTransferStats] = roles(RoleCustomsOfficer, RoleCustomsSupervisor, RoleAssociationAdmin)
	rules[ActionViewThreshold] = roles(RoleCustomsOfficer, RoleCustomsSupervisor, RolePolice, RoleSystemAdmin)
	rules[ActionManageThreshold] = roles(RoleCustomsSupervisor, RoleSystemAdmin)
}

// policeUnit lets a police user act on what was transferred to its own unit.
func policeUnit(u *User, r Resource) bool {
	return u.Role == RolePolice && r.OrgID != 0 && r.OrgID == u.OrgID
}

// customsOrUnit lets customs officers and the police unit of a transfer see it.
func customsOrUnit(u *User, r Resource) bool { return u.Role.IsCustoms() || policeUnit(u, r) }
