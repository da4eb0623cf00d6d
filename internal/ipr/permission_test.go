package ipr

import (
	"fmt"
	"slices"
	"testing"
)

// The organisations of the matrix: every signed-in user belongs to ownOrg and
// claims to act for clientOrg, which only an agent may do.
const (
	ownOrg    = 10
	clientOrg = 20
	otherOrg  = 30
)

// matrixResources are the columns of each cell, in order.
var matrixResources = []struct {
	name string
	res  Resource
}{
	{"anything", Anything},
	{"own org", OrgResource("org", ownOrg)},
	{"client org", OrgResource("org", clientOrg)},
	{"other org", OrgResource("org", otherOrg)},
}

func member(role Role) *User {
	return &User{ID: 1, Email: string(role) + "@example.org", Role: role, OrgID: ownOrg, ActsFor: []int64{clientOrg}}
}

type matrixRow struct {
	who  string
	user *User
	want map[Action]string
}

// permissionMatrix is written out by hand, not derived from the rules: a change of
// the rules must change this table too. Each cell has one letter per
// matrixResources column: y allows, n denies.
var permissionMatrix = []matrixRow{
	{"public", nil, map[Action]string{
		ActionViewPublic: "yyyy", ActionViewDashboard: "nnnn", ActionViewAudit: "nnnn", ActionVerifyAudit: "nnnn",
		ActionViewOrg: "nnnn", ActionManageOrgs: "nnnn", ActionManageUsers: "nnnn", ActionManageTokens: "nnnn",
	}},
	{"disabled system_admin", &User{ID: 2, Role: RoleSystemAdmin, OrgID: ownOrg, Disabled: true}, map[Action]string{
		ActionViewPublic: "yyyy", ActionViewDashboard: "nnnn", ActionViewAudit: "nnnn", ActionVerifyAudit: "nnnn",
		ActionViewOrg: "nnnn", ActionManageOrgs: "nnnn", ActionManageUsers: "nnnn", ActionManageTokens: "nnnn",
	}},
	{"command line", SystemUser(), map[Action]string{
		ActionViewPublic: "yyyy", ActionViewDashboard: "yyyy", ActionViewAudit: "yyyy", ActionVerifyAudit: "yyyy",
		ActionViewOrg: "yyyy", ActionManageOrgs: "yyyy", ActionManageUsers: "yyyy", ActionManageTokens: "yyyy",
	}},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer), map[Action]string{
		ActionViewPublic: "yyyy", ActionViewDashboard: "yyyy", ActionViewAudit: "nnnn", ActionVerifyAudit: "nnnn",
		ActionViewOrg: "yyyy", ActionManageOrgs: "nnnn", ActionManageUsers: "nnnn", ActionManageTokens: "nnnn",
	}},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor), map[Action]string{
		ActionViewPublic: "yyyy", ActionViewDashboard: "yyyy", ActionViewAudit: "yyyy", ActionVerifyAudit: "yyyy",
		ActionViewOrg: "yyyy", ActionManageOrgs: "nnnn", ActionManageUsers: "nnnn", ActionManageTokens: "nnnn",
	}},
	{string(RoleRightHolder), member(RoleRightHolder), map[Action]string{
		ActionViewPublic: "yyyy", ActionViewDashboard: "yyyy", ActionViewAudit: "nynn", ActionVerifyAudit: "nnnn",
		ActionViewOrg: "nynn", ActionManageOrgs: "nnnn", ActionManageUsers: "nnnn", ActionManageTokens: "nnnn",
	}},
	{string(RoleAgent), member(RoleAgent), map[Action]string{
		ActionViewPublic: "yyyy", ActionViewDashboard: "yyyy", ActionViewAudit: "nnnn", ActionVerifyAudit: "nnnn",
		ActionViewOrg: "nyyn", ActionManageOrgs: "nnnn", ActionManageUsers: "nnnn", ActionManageTokens: "nnnn",
	}},
	{string(RolePolice), member(RolePolice), map[Action]string{
		ActionViewPublic: "yyyy", ActionViewDashboard: "yyyy", ActionViewAudit: "nnnn", ActionVerifyAudit: "nnnn",
		ActionViewOrg: "nynn", ActionManageOrgs: "nnnn", ActionManageUsers: "nnnn", ActionManageTokens: "nnnn",
	}},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin), map[Action]string{
		ActionViewPublic: "yyyy", ActionViewDashboard: "yyyy", ActionViewAudit: "nynn", ActionVerifyAudit: "nnnn",
		ActionViewOrg: "yyyy", ActionManageOrgs: "nnnn", ActionManageUsers: "nnnn", ActionManageTokens: "nnnn",
	}},
	{string(RoleSystemAdmin), member(RoleSystemAdmin), map[Action]string{
		ActionViewPublic: "yyyy", ActionViewDashboard: "yyyy", ActionViewAudit: "yyyy", ActionVerifyAudit: "yyyy",
		ActionViewOrg: "yyyy", ActionManageOrgs: "yyyy", ActionManageUsers: "yyyy", ActionManageTokens: "yyyy",
	}},
}

func TestPermissionMatrix(t *testing.T) {
	for _, row := range permissionMatrix {
		for action := range permissionMatrix[0].want {
			cell, ok := row.want[action]
			if !ok || len(cell) != len(matrixResources) {
				t.Errorf("%s × %s: the matrix has no (complete) cell; add one", row.who, action)
				continue
			}
			for i, r := range matrixResources {
				want := cell[i] == 'y'
				if got := Can(row.user, action, r.res); got != want {
					t.Errorf("Can(%s, %s, %s): got %v, want %v", row.who, action, r.name, got, want)
				}
			}
		}
	}
}

// matrices are the permission matrices by area; a new area's test file adds
// its own in an init function.
var matrices = map[string][]matrixRow{}

func init() {
	matrices["foundation"], matrices["register"], matrices["groups"] = permissionMatrix, registerMatrix, groupMatrix
	matrices["screening"], matrices["cases"] = screeningMatrix, caseMatrix
	matrices["exhibits"] = exhibitMatrix
}

// Every action must be tested in exactly one matrix.
func TestEveryActionIsInAMatrix(t *testing.T) {
	for _, a := range Actions {
		n := 0
		for _, m := range matrices {
			_, in := m[0].want[a]
			n += btoi(in)
		}
		if n != 1 {
			t.Errorf("action %s is in %d permission matrices, want exactly 1", a, n)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A new role must get a row in the matrix.
func TestPermissionMatrixCoversEveryRole(t *testing.T) {
	for _, role := range Roles {
		covered := slices.ContainsFunc(permissionMatrix, func(row matrixRow) bool {
			return row.user != nil && row.user.Role == role && !row.user.Disabled && row.user.ID != 0
		})
		if !covered {
			t.Errorf("role %s has no row in the permission matrix", role)
		}
	}
}

// An action without a rule would silently deny everyone; an action missing from
// Actions would escape the matrix.
func TestEveryActionHasARule(t *testing.T) {
	for _, a := range Actions {
		if rules[a] == nil {
			t.Errorf("action %s has no rule", a)
		}
	}
	for a := range rules {
		if !slices.Contains(Actions, a) {
			t.Errorf("rule for %s, but ipr.Actions does not list it", a)
		}
	}
	if got, want := len(Actions), len(rules); got != want {
		t.Errorf("got %d actions, want %d (one per rule)", got, want)
	}
}

func TestCanUnknownAction(t *testing.T) {
	if Can(member(RoleSystemAdmin), Action("nuke.everything"), Anything) {
		t.Error("got allowed for an action without a rule, want denied")
	}
}

func TestAuthorize(t *testing.T) {
	tests := []struct {
		user   *User
		action Action
		want   string // error code, "" for allowed
	}{
		{nil, ActionViewPublic, ""},
		{nil, ActionViewDashboard, EUNAUTHENTICATED},
		{member(RolePolice), ActionManageUsers, EFORBIDDEN},
		{&User{ID: 3, Role: RoleSystemAdmin, OrgID: ownOrg, Disabled: true}, ActionViewDashboard, EFORBIDDEN},
		{member(RoleSystemAdmin), ActionManageUsers, ""},
	}
	for _, tt := range tests {
		name := "public"
		if tt.user != nil {
			name = fmt.Sprintf("%s disabled=%v", tt.user.Role, tt.user.Disabled)
		}
		if got := ErrorCode(Authorize(tt.user, tt.action, Anything)); got != tt.want {
			t.Errorf("Authorize(%s, %s): got code %q, want %q", name, tt.action, got, tt.want)
		}
	}
}
