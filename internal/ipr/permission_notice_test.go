package ipr

import "testing"

// noticeMatrix: role × notice.read over the columns of matrixResources
// (anything, own org, client org, other org).
var noticeMatrix = []matrixRow{
	{"public", nil, noticeRow("nnnn")},
	{"disabled customs_officer", &User{ID: 2, Role: RoleCustomsOfficer, OrgID: ownOrg, Disabled: true}, noticeRow("nnnn")},
	{"command line", SystemUser(), noticeRow("nnnn")},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer), noticeRow("nynn")},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor), noticeRow("nynn")},
	{string(RoleRightHolder), member(RoleRightHolder), noticeRow("nynn")},
	{string(RoleAgent), member(RoleAgent), noticeRow("nyyn")},
	{string(RolePolice), member(RolePolice), noticeRow("nynn")},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin), noticeRow("nnnn")},
	{string(RoleSystemAdmin), member(RoleSystemAdmin), noticeRow("nnnn")},
}

func noticeRow(cells string) map[Action]string { return map[Action]string{ActionReadNotices: cells} }

func init() { matrices["notices"] = noticeMatrix }

func TestNoticePermissionMatrix(t *testing.T) {
	for _, row := range noticeMatrix {
		cell := row.want[ActionReadNotices]
		for i, r := range matrixResources {
			want := cell[i] == 'y'
			if got := Can(row.user, ActionReadNotices, r.res); got != want {
				t.Errorf("Can(%s, %s, %s): got %v, want %v", row.who, ActionReadNotices, r.name, got, want)
			}
		}
	}
}

// A new role must get a row in the matrix.
func TestNoticeMatrixCoversEveryRole(t *testing.T) {
	for _, role := range Roles {
		found := false
		for _, row := range noticeMatrix {
			found = found || row.who == string(role)
		}
		if !found {
			t.Errorf("role %s has no row in the notice matrix", role)
		}
	}
}
