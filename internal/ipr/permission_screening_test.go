package ipr

import "testing"

// screeningMatrix is written out by hand: role × screening action, over the
// columns of matrixResources. Declarations and rules are customs' own: an API
// token acts as its user, so a customs declaration system's token is a row of
// a customs role.
var screeningMatrix = []matrixRow{
	{"public", nil, screeningRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{"disabled customs_officer", &User{ID: 2, Role: RoleCustomsOfficer, OrgID: ownOrg, Disabled: true},
		screeningRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{"command line", SystemUser(), screeningRow("yyyy", "nnnn", "nnnn", "nnnn", "nnnn")},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer), screeningRow("yyyy", "yyyy", "yyyy", "yyyy", "yyyy")},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor), screeningRow("yyyy", "yyyy", "yyyy", "yyyy", "yyyy")},
	{string(RoleRightHolder), member(RoleRightHolder), screeningRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{string(RoleAgent), member(RoleAgent), screeningRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{string(RolePolice), member(RolePolice), screeningRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin), screeningRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{string(RoleSystemAdmin), member(RoleSystemAdmin), screeningRow("yyyy", "nnnn", "nnnn", "nnnn", "nnnn")},
}

// screeningActions is the order of screeningRow's arguments.
var screeningActions = []Action{
	ActionSubmitDeclaration, ActionViewDeclaration, ActionDecideDeclaration, ActionViewRule, ActionManageRule,
}

func screeningRow(cells ...string) map[Action]string {
	if len(cells) != len(screeningActions) {
		panic("screeningRow: one cell per screening action")
	}
	row := map[Action]string{}
	for i, c := range cells {
		row[screeningActions[i]] = c
	}
	return row
}

func TestScreeningPermissionMatrix(t *testing.T) {
	for _, row := range screeningMatrix {
		for _, action := range screeningActions {
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

// Every role has a row, so a new role must be decided here too.
func TestScreeningMatrixCoversEveryRole(t *testing.T) {
	for _, role := range Roles {
		found := false
		for _, row := range screeningMatrix {
			found = found || (row.user != nil && row.user.Role == role && row.user.ID != 0 && !row.user.Disabled)
		}
		if !found {
			t.Errorf("role %s has no row in the screening matrix", role)
		}
	}
}
