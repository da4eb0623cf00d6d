package ipr

import "testing"

// publicTipMatrix: the public tip line. The public sends tips through
// ActionViewPublic (foundation matrix, tested again below); only customs officers
// and supervisors read and triage them.
var publicTipMatrix = []matrixRow{
	{"public", nil, publicTipRow("nnnn", "nnnn")},
	{"disabled customs_officer", &User{ID: 2, Role: RoleCustomsOfficer, OrgID: ownOrg, Disabled: true}, publicTipRow("nnnn", "nnnn")},
	{"command line", SystemUser(), publicTipRow("nnnn", "nnnn")},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer), publicTipRow("yyyy", "yyyy")},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor), publicTipRow("yyyy", "yyyy")},
	{string(RoleRightHolder), member(RoleRightHolder), publicTipRow("nnnn", "nnnn")},
	{string(RoleAgent), member(RoleAgent), publicTipRow("nnnn", "nnnn")},
	{string(RolePolice), member(RolePolice), publicTipRow("nnnn", "nnnn")},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin), publicTipRow("nnnn", "nnnn")},
	{string(RoleSystemAdmin), member(RoleSystemAdmin), publicTipRow("nnnn", "nnnn")},
}

func init() { matrices["publictips"] = publicTipMatrix }

var publicTipActions = []Action{ActionViewPublicTips, ActionTriagePublicTip}

func publicTipRow(cells ...string) map[Action]string {
	if len(cells) != len(publicTipActions) {
		panic("publicTipRow: one cell per public tip action")
	}
	row := map[Action]string{}
	for i, c := range cells {
		row[publicTipActions[i]] = c
	}
	return row
}

func TestPublicTipPermissionMatrix(t *testing.T) {
	for _, row := range publicTipMatrix {
		for _, action := range publicTipActions {
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

func TestPublicTipMatrixCoversEveryRole(t *testing.T) {
	for _, role := range Roles {
		found := false
		for _, row := range publicTipMatrix {
			found = found || (row.user != nil && row.user.Role == role && row.user.ID != 0 && !row.user.Disabled)
		}
		if !found {
			t.Errorf("role %s has no row in the public tip matrix", role)
		}
	}
}

// Everyone, the public first, may send a tip: that is ActionViewPublic.
func TestPublicTipAnyoneMaySubmit(t *testing.T) {
	for _, row := range publicTipMatrix {
		if row.user != nil && row.user.Disabled {
			continue
		}
		if !Can(row.user, ActionViewPublic, Anything) {
			t.Errorf("Can(%s, %s): got false, want true", row.who, ActionViewPublic)
		}
	}
	if err := Authorize(nil, ActionTriagePublicTip, Anything); ErrorCode(err) != EUNAUTHENTICATED {
		t.Errorf("Authorize(public, triage): got %v, want %s", err, EUNAUTHENTICATED)
	}
}
