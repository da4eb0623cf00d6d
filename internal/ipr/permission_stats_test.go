package ipr

import (
	"slices"
	"testing"
)

// statsColumns are the resources of each cell of statsMatrix, in order: every
// holder's figures (OrgID 0); the user's own organisation's; the agent's
// client's; another holder's.
var statsColumns = []Resource{
	{Kind: "stats"},
	{Kind: "stats", OrgID: ownOrg},
	{Kind: "stats", OrgID: clientOrg},
	{Kind: "stats", OrgID: otherOrg},
}

// statsMatrix is written out by hand: role × statistics action over statsColumns.
var statsMatrix = []matrixRow{
	{"public", nil, map[Action]string{ActionViewStats: "nnnn"}},
	{"disabled customs_officer", &User{ID: 2, Role: RoleCustomsOfficer, OrgID: ownOrg, Disabled: true},
		map[Action]string{ActionViewStats: "nnnn"}},
	{"command line", SystemUser(), map[Action]string{ActionViewStats: "nnnn"}},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer), map[Action]string{ActionViewStats: "yyyy"}},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor), map[Action]string{ActionViewStats: "yyyy"}},
	{string(RoleRightHolder), member(RoleRightHolder), map[Action]string{ActionViewStats: "nynn"}},
	{string(RoleAgent), member(RoleAgent), map[Action]string{ActionViewStats: "nyyn"}},
	{string(RolePolice), member(RolePolice), map[Action]string{ActionViewStats: "nnnn"}},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin), map[Action]string{ActionViewStats: "yyyy"}},
	{string(RoleSystemAdmin), member(RoleSystemAdmin), map[Action]string{ActionViewStats: "nnnn"}},
}

func init() { matrices["stats"] = statsMatrix }

func TestStatsPermissionMatrix(t *testing.T) {
	for _, row := range statsMatrix {
		for action, cell := range row.want {
			for i, r := range statsColumns {
				want := cell[i] == 'y'
				if got := Can(row.user, action, r); got != want {
					t.Errorf("Can(%s, %s, stats column %d): got %v, want %v", row.who, action, i, got, want)
				}
			}
		}
	}
}

func TestStatsMatrixCoversEveryRole(t *testing.T) {
	for _, role := range Roles {
		if !slices.ContainsFunc(statsMatrix, func(row matrixRow) bool { return row.user != nil && row.user.Role == role }) {
			t.Errorf("role %s has no row in statsMatrix", role)
		}
	}
}

func TestOriginRegion(t *testing.T) {
	for _, c := range []struct{ in, province, city string }{
		{"CN-ZJ-Yiwu", "CN-ZJ", "CN-ZJ-Yiwu"}, {"cn-fj-Putian", "CN-FJ", "CN-FJ-Putian"},
		{"VN", "VN", "VN"}, {"", "", ""}, {"CN-GD", "CN-GD", "CN-GD"},
	} {
		if p, c2 := OriginRegion(c.in); p != c.province || c2 != c.city {
			t.Errorf("OriginRegion(%q): got %q, %q, want %q, %q", c.in, p, c2, c.province, c.city)
		}
	}
	if en, zh := RegionLabel("CN-ZJ-Yiwu"); en != "Yiwu, Zhejiang" || zh != "浙江义乌" {
		t.Errorf("RegionLabel(CN-ZJ-Yiwu): got %q, %q", en, zh)
	}
	if got := HSChapter("6403.99"); got != "64" {
		t.Errorf("HSChapter(6403.99): got %q, want 64", got)
	}
}
