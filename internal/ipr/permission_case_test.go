package ipr

import "testing"

// caseMatrix is written out by hand: role × case action, over the columns of
// matrixResources (anything, own org, client org, other org). A case belongs to
// the right holder whose rights it concerns.
var caseMatrix = []matrixRow{
	{"public", nil, caseRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{"disabled customs_supervisor", &User{ID: 2, Role: RoleCustomsSupervisor, OrgID: ownOrg, Disabled: true},
		caseRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{"command line", SystemUser(), caseRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "yyyy")},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer),
		caseRow("yyyy", "yyyy", "yyyy", "nnnn", "nnnn", "nnnn", "yyyy", "nnnn", "nnnn")},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor),
		caseRow("yyyy", "yyyy", "yyyy", "yyyy", "nnnn", "nnnn", "yyyy", "nnnn", "yyyy")},
	{string(RoleRightHolder), member(RoleRightHolder),
		caseRow("nynn", "nnnn", "nnnn", "nnnn", "nynn", "nynn", "nynn", "nynn", "nnnn")},
	{string(RoleAgent), member(RoleAgent),
		caseRow("nyyn", "nnnn", "nnnn", "nnnn", "nyyn", "nyyn", "nyyn", "nyyn", "nnnn")},
	{string(RolePolice), member(RolePolice), caseRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin),
		caseRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{string(RoleSystemAdmin), member(RoleSystemAdmin),
		caseRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "yyyy")},
}

// caseActions is the order of caseRow's arguments.
var caseActions = []Action{
	ActionViewCase, ActionOpenCase, ActionActCase, ActionApproveCase, ActionAnswerIdentification, ActionPostBond,
	ActionViewGuarantee, ActionManageGuarantee, ActionImportCalendar,
}

func caseRow(cells ...string) map[Action]string {
	if len(cells) != len(caseActions) {
		panic("caseRow: one cell per case action")
	}
	row := map[Action]string{}
	for i, c := range cells {
		row[caseActions[i]] = c
	}
	return row
}

func TestCasePermissionMatrix(t *testing.T) {
	for _, row := range caseMatrix {
		for _, action := range caseActions {
			cell := row.want[action]
			for i, r := range matrixResources {
				want := cell[i] == 'y'
				if got := Can(row.user, action, r.res); got != want {
					t.Errorf("Can(%s, %s, %s): got %v, want %v", row.who, action, r.name, got, want)
				}
			}
		}
	}
}

func TestCaseMatrixCoversEveryRole(t *testing.T) {
	for _, role := range Roles {
		found := false
		for _, row := range caseMatrix {
			found = found || (row.user != nil && row.user.Role == role && row.user.ID != 0 && !row.user.Disabled)
		}
		if !found {
			t.Errorf("role %s has no row in the case matrix", role)
		}
	}
}

// A right holder, or an agent for one client, reaches a real case of another
// holder in no way: not to see it, answer for it or post its bond.
func TestCaseCrossOrgDenied(t *testing.T) {
	other := &Case{ID: 7, HolderOrgID: otherOrg, State: "notified"}
	own := &Case{ID: 8, HolderOrgID: ownOrg, State: "notified"}
	client := &Case{ID: 9, HolderOrgID: clientOrg, State: "notified"}
	holder, agent := member(RoleRightHolder), member(RoleAgent)
	for _, action := range []Action{ActionViewCase, ActionAnswerIdentification, ActionPostBond} {
		tests := []struct {
			who  string
			user *User
			c    *Case
			want bool
		}{
			{"holder, own case", holder, own, true},
			{"holder, client's case", holder, client, false},
			{"holder, other's case", holder, other, false},
			{"agent, client's case", agent, client, true},
			{"agent, other's case", agent, other, false},
			{"holder, case without holder", holder, &Case{State: "suspected"}, false},
		}
		for _, tt := range tests {
			if got := Can(tt.user, action, tt.c.Resource()); got != tt.want {
				t.Errorf("Can(%s, %s): got %v, want %v", tt.who, action, got, tt.want)
			}
		}
		if got := ErrorCode(Authorize(holder, action, other.Resource())); got != EFORBIDDEN {
			t.Errorf("Authorize(holder, %s, other's case): got code %q, want %q", action, got, EFORBIDDEN)
		}
	}
}
