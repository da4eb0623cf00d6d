package ipr

import (
	"slices"
	"testing"
)

// tipColumns are the resources of each cell of tipMatrix, in order: anything;
// a tip of the user's own organisation, unshared; the same with its own
// organisation among the members (a group it belongs to); a tip of the
// agent's client; another holder's tip shared with the user's organisation;
// another holder's tip, unshared.
var tipColumns = []Resource{
	Anything,
	{Kind: "tip", OrgID: ownOrg},
	{Kind: "tip", OrgID: ownOrg, Members: []int64{ownOrg}},
	{Kind: "tip", OrgID: clientOrg},
	{Kind: "tip", OrgID: otherOrg, Members: []int64{ownOrg}},
	{Kind: "tip", OrgID: otherOrg},
}

var tipActions = []Action{ActionSubmitTip, ActionViewTip, ActionReviewTip, ActionShareTip,
	ActionViewTipFeedback, ActionViewTipPatterns}

func tipRow(cells ...string) map[Action]string {
	if len(cells) != len(tipActions) {
		panic("tipRow: one cell per tip action")
	}
	row := map[Action]string{}
	for i, c := range cells {
		row[tipActions[i]] = c
	}
	return row
}

// tipMatrix is written out by hand: role × tip action over tipColumns.
var tipMatrix = []matrixRow{
	{"public", nil, tipRow("nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn")},
	{"disabled right_holder", &User{ID: 2, Role: RoleRightHolder, OrgID: ownOrg, Disabled: true},
		tipRow("nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn")},
	{"command line", SystemUser(), tipRow("nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn")},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer),
		tipRow("nnnnnn", "yyyyyy", "yyyyyy", "nnnnnn", "yyyyyy", "yyyyyy")},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor),
		tipRow("nnnnnn", "yyyyyy", "yyyyyy", "nnnnnn", "yyyyyy", "yyyyyy")},
	{string(RoleRightHolder), member(RoleRightHolder),
		tipRow("nyynnn", "nyynyn", "nnnnnn", "nnynnn", "nyynnn", "nnynyn")},
	{string(RoleAgent), member(RoleAgent),
		tipRow("nyyynn", "nyyyyn", "nnnnnn", "nnynnn", "nyyynn", "nnynyn")},
	{string(RolePolice), member(RolePolice), tipRow("nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn")},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin),
		tipRow("nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn")},
	{string(RoleSystemAdmin), member(RoleSystemAdmin), tipRow("nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn", "nnnnnn")},
}

func init() { matrices["tips"] = tipMatrix }

func TestTipPermissionMatrix(t *testing.T) {
	for _, row := range tipMatrix {
		for _, action := range tipActions {
			cell := row.want[action]
			for i, r := range tipColumns {
				want := cell[i] == 'y'
				if got := Can(row.user, action, r); got != want {
					t.Errorf("Can(%s, %s, tip column %d): got %v, want %v", row.who, action, i, got, want)
				}
			}
		}
	}
}

func TestTipMatrixCoversEveryRole(t *testing.T) {
	for _, role := range Roles {
		if !slices.ContainsFunc(tipMatrix, func(row matrixRow) bool { return row.user != nil && row.user.Role == role }) {
			t.Errorf("role %s has no row in tipMatrix", role)
		}
	}
}
