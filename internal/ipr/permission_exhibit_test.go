package ipr

import (
	"slices"
	"testing"
)

// exhibitColumns are the resources of each cell of exhibitMatrix, in order:
// anything; the user's own organisation's exhibit as a draft, submitted and
// approved; the agent's client's draft; another holder's draft, submitted,
// approved and rejected exhibit.
var exhibitColumns = []Resource{
	Anything,
	{Kind: "exhibit", OrgID: ownOrg, State: string(ExhibitDraft)},
	{Kind: "exhibit", OrgID: ownOrg, State: string(ExhibitSubmitted)},
	{Kind: "exhibit", OrgID: ownOrg, State: string(ExhibitApproved)},
	{Kind: "exhibit", OrgID: clientOrg, State: string(ExhibitDraft)},
	{Kind: "exhibit", OrgID: otherOrg, State: string(ExhibitDraft)},
	{Kind: "exhibit", OrgID: otherOrg, State: string(ExhibitSubmitted)},
	{Kind: "exhibit", OrgID: otherOrg, State: string(ExhibitApproved)},
	{Kind: "exhibit", OrgID: otherOrg, State: string(ExhibitRejected)},
}

var exhibitActions = []Action{ActionViewExhibit, ActionEditExhibit, ActionReviewExhibit, ActionPublishModelCase}

func exhibitRow(cells ...string) map[Action]string {
	if len(cells) != len(exhibitActions) {
		panic("exhibitRow: one cell per exhibit action")
	}
	row := map[Action]string{}
	for i, c := range cells {
		row[exhibitActions[i]] = c
	}
	return row
}

// exhibitMatrix is written out by hand: role × exhibit action over exhibitColumns.
// A holder never edits another holder's exhibit; the public has none of these
// actions (it sees approved exhibits through ActionViewPublic only).
var exhibitMatrix = []matrixRow{
	{"public", nil, exhibitRow("nnnnnnnnn", "nnnnnnnnn", "nnnnnnnnn", "nnnnnnnnn")},
	{"disabled right_holder", &User{ID: 2, Role: RoleRightHolder, OrgID: ownOrg, Disabled: true},
		exhibitRow("nnnnnnnnn", "nnnnnnnnn", "nnnnnnnnn", "nnnnnnnnn")},
	{"command line", SystemUser(), exhibitRow("nnnynnnyn", "nnnnnnnnn", "nnnnnnnnn", "nnnnnnnnn")},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer),
		exhibitRow("nnyynnyyy", "nnnnnnnnn", "yyyyyyyyy", "nnnnnnnnn")},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor),
		exhibitRow("nnyynnyyy", "nnnnnnnnn", "yyyyyyyyy", "yyyyyyyyy")},
	{string(RoleRightHolder), member(RoleRightHolder),
		exhibitRow("nyyynnnyn", "nyyynnnnn", "nnnnnnnnn", "nnnnnnnnn")},
	{string(RoleAgent), member(RoleAgent),
		exhibitRow("nyyyynnyn", "nyyyynnnn", "nnnnnnnnn", "nnnnnnnnn")},
	{string(RolePolice), member(RolePolice), exhibitRow("nnnynnnyn", "nnnnnnnnn", "nnnnnnnnn", "nnnnnnnnn")},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin),
		exhibitRow("nnnynnnyn", "nnnnnnnnn", "nnnnnnnnn", "nnnnnnnnn")},
	{string(RoleSystemAdmin), member(RoleSystemAdmin), exhibitRow("nnnynnnyn", "nnnnnnnnn", "nnnnnnnnn", "nnnnnnnnn")},
}

func TestExhibitPermissionMatrix(t *testing.T) {
	for _, row := range exhibitMatrix {
		for _, action := range exhibitActions {
			cell := row.want[action]
			if len(cell) != len(exhibitColumns) {
				t.Fatalf("%s × %s: cell %q, want %d letters", row.who, action, cell, len(exhibitColumns))
			}
			for i, r := range exhibitColumns {
				want := cell[i] == 'y'
				if got := Can(row.user, action, r); got != want {
					t.Errorf("Can(%s, %s, exhibit column %d): got %v, want %v", row.who, action, i, got, want)
				}
			}
		}
	}
}

func TestExhibitMatrixCoversEveryRole(t *testing.T) {
	for _, role := range Roles {
		if !slices.ContainsFunc(exhibitMatrix, func(row matrixRow) bool { return row.user != nil && row.user.Role == role }) {
			t.Errorf("role %s has no row in exhibitMatrix", role)
		}
	}
}
