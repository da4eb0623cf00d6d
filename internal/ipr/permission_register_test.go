package ipr

import (
	"strings"
	"testing"
)

// registerColumns are the columns of the register matrix: whose right (own
// organisation, an agent's client, another holder) × its recordation state.
var registerColumns = func() []struct {
	name string
	res  Resource
} {
	var cols []struct {
		name string
		res  Resource
	}
	for _, owner := range []struct {
		name string
		id   int64
	}{{"own", ownOrg}, {"client", clientOrg}, {"other", otherOrg}} {
		for _, state := range []RecordStatus{StatusDraft, StatusSubmitted, StatusApproved} {
			cols = append(cols, struct {
				name string
				res  Resource
			}{owner.name + " " + string(state), Resource{Kind: "right", OrgID: owner.id, State: string(state)}})
		}
	}
	return cols
}()

// registerMatrix is written out by hand: role × action × owner × state.
// Each cell reads "own(draft submitted approved) client(…) other(…)".
var registerMatrix = []matrixRow{
	{"public", nil, registerRow("nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn",
		"nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn",
		"nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn")},
	{"command line", SystemUser(), registerRow("nyy nyy nyy", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn",
		"yyy yyy yyy", "yyy yyy yyy", "yyy yyy yyy", "nnn nnn nnn", "yyy yyy yyy", "nnn nnn nnn", "yyy yyy yyy",
		"nnn nnn nnn", "yyy yyy yyy", "yyy yyy yyy")},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer), registerRow("nyy nyy nyy", "nnn nnn nnn", "nnn nnn nnn",
		"nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "yyy yyy yyy", "yyy yyy yyy", "nnn nnn nnn", "yyy yyy yyy",
		"nnn nnn nnn", "yyy yyy yyy", "nnn nnn nnn", "yyy yyy yyy", "yyy yyy yyy")},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor), registerRow("nyy nyy nyy", "nnn nnn nnn", "nnn nnn nnn",
		"yyy yyy yyy", "nnn nnn nnn", "yyy yyy yyy", "yyy yyy yyy", "yyy yyy yyy", "nnn nnn nnn", "yyy yyy yyy",
		"nnn nnn nnn", "yyy yyy yyy", "nnn nnn nnn", "yyy yyy yyy", "yyy yyy yyy")},
	{string(RoleRightHolder), member(RoleRightHolder), registerRow("yyy nnn nnn", "ynn nnn nnn", "ynn nnn nnn",
		"nnn nnn nnn", "nny nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "yyy nnn nnn", "yyy nnn nnn", "yyy nnn nnn",
		"yyy nnn nnn", "yyy nnn nnn", "yyy nnn nnn", "yyy yyy yyy", "yyy yyy yyy")},
	{string(RoleAgent), member(RoleAgent), registerRow("yyy yyy nnn", "ynn ynn nnn", "ynn ynn nnn",
		"nnn nnn nnn", "nny nny nnn", "nnn nnn nnn", "nnn nnn nnn", "yyy yyy nnn", "yyy yyy nnn", "yyy yyy nnn",
		"yyy yyy nnn", "yyy yyy nnn", "yyy yyy nnn", "yyy yyy yyy", "yyy yyy yyy")},
	{string(RolePolice), member(RolePolice), registerRow("nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn",
		"nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn",
		"nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn")},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin), registerRow("nny nny nny", "nnn nnn nnn", "nnn nnn nnn",
		"nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn",
		"nnn nnn nnn", "nnn nnn nnn", "nnn nnn nnn", "yyy yyy yyy", "yyy yyy yyy")},
	{string(RoleSystemAdmin), member(RoleSystemAdmin), registerRow("nyy nyy nyy", "nnn nnn nnn", "nnn nnn nnn",
		"nnn nnn nnn", "nnn nnn nnn", "yyy yyy yyy", "yyy yyy yyy", "yyy yyy yyy", "nnn nnn nnn", "yyy yyy yyy",
		"nnn nnn nnn", "yyy yyy yyy", "nnn nnn nnn", "yyy yyy yyy", "yyy yyy yyy")},
}

// registerActions is the order of registerRow's arguments.
var registerActions = []Action{
	ActionViewRight, ActionEditRight, ActionSubmitRight, ActionReviewRight, ActionAmendRight,
	ActionImportRights, ActionExportRights, ActionViewCatalogue, ActionEditCatalogue, ActionViewInfringer,
	ActionEditInfringer, ActionViewContact, ActionEditContact, ActionViewWorkingGroup, ActionUploadFile,
}

func registerRow(cells ...string) map[Action]string {
	if len(cells) != len(registerActions) {
		panic("registerRow: one cell per register action")
	}
	row := map[Action]string{}
	for i, c := range cells {
		row[registerActions[i]] = strings.ReplaceAll(c, " ", "")
	}
	return row
}

func TestRegisterPermissionMatrix(t *testing.T) {
	for _, row := range registerMatrix {
		for _, action := range registerActions {
			cell := row.want[action]
			for i, col := range registerColumns {
				want := cell[i] == 'y'
				if got := Can(row.user, action, col.res); got != want {
					t.Errorf("Can(%s, %s, %s right): got %v, want %v", row.who, action, col.name, got, want)
				}
			}
		}
	}
}

// groupMatrix: editing a working group's problems and managing its members.
// Columns: a group of the user's own association with the user's organisation as
// a member; a group of the user's own association without it; a group of
// another association with the user's organisation as a member; neither.
var groupColumns = []Resource{
	{Kind: "group", OrgID: ownOrg, Members: []int64{ownOrg}},
	{Kind: "group", OrgID: ownOrg, Members: []int64{otherOrg}},
	{Kind: "group", OrgID: otherOrg, Members: []int64{ownOrg}},
	{Kind: "group", OrgID: otherOrg, Members: []int64{otherOrg}},
}

var groupMatrix = []matrixRow{
	{"public", nil, map[Action]string{ActionEditWorkingGroup: "nnnn", ActionManageWorkingGroup: "nnnn"}},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer), map[Action]string{ActionEditWorkingGroup: "nnnn", ActionManageWorkingGroup: "nnnn"}},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor), map[Action]string{ActionEditWorkingGroup: "nnnn", ActionManageWorkingGroup: "nnnn"}},
	{string(RoleRightHolder), member(RoleRightHolder), map[Action]string{ActionEditWorkingGroup: "ynyn", ActionManageWorkingGroup: "nnnn"}},
	{string(RoleAgent), member(RoleAgent), map[Action]string{ActionEditWorkingGroup: "nnnn", ActionManageWorkingGroup: "nnnn"}},
	{string(RolePolice), member(RolePolice), map[Action]string{ActionEditWorkingGroup: "nnnn", ActionManageWorkingGroup: "nnnn"}},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin), map[Action]string{ActionEditWorkingGroup: "yynn", ActionManageWorkingGroup: "yynn"}},
	{string(RoleSystemAdmin), member(RoleSystemAdmin), map[Action]string{ActionEditWorkingGroup: "nnnn", ActionManageWorkingGroup: "nnnn"}},
}

func TestWorkingGroupPermissionMatrix(t *testing.T) {
	for _, row := range groupMatrix {
		for action, cell := range row.want {
			for i, res := range groupColumns {
				want := cell[i] == 'y'
				if got := Can(row.user, action, res); got != want {
					t.Errorf("Can(%s, %s, group column %d): got %v, want %v", row.who, action, i, got, want)
				}
			}
		}
	}
}
