package ipr_test

import (
	"encoding/json"
	"testing"

	"bordermark/internal/ipr"
)

func TestParseRole(t *testing.T) {
	tests := []struct {
		in      string
		want    ipr.Role
		wantErr bool
	}{
		{"customs_officer", ipr.RoleCustomsOfficer, false},
		{"  Customs_Supervisor\n", ipr.RoleCustomsSupervisor, false},
		{"RIGHT_HOLDER", ipr.RoleRightHolder, false},
		{"agent", ipr.RoleAgent, false},
		{"police", ipr.RolePolice, false},
		{"association_admin", ipr.RoleAssociationAdmin, false},
		{"system_admin", ipr.RoleSystemAdmin, false},
		{"", "", true},
		{"admin", "", true},
		{"customs officer", "", true},
	}
	for _, tt := range tests {
		got, err := ipr.ParseRole(tt.in)
		if got != tt.want {
			t.Errorf("ParseRole(%q): got %q, want %q", tt.in, got, tt.want)
		}
		if !tt.wantErr {
			if err != nil {
				t.Errorf("ParseRole(%q): got error %v, want none", tt.in, err)
			}
			continue
		}
		if code := ipr.ErrorCode(err); code != ipr.EINVALID {
			t.Errorf("ParseRole(%q): got code %q, want %q", tt.in, code, ipr.EINVALID)
		}
		if _, ok := ipr.ErrorFields(err)["role"]; !ok {
			t.Errorf("ParseRole(%q): got fields %v, want one named role", tt.in, ipr.ErrorFields(err))
		}
	}
}

// Every role in Roles parses back to itself, so the list and the parser agree.
func TestRolesRoundTrip(t *testing.T) {
	for _, r := range ipr.Roles {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("marshal %s: %v", r, err)
		}
		var got ipr.Role
		if err := json.Unmarshal(b, &got); err != nil || got != r {
			t.Errorf("round trip of %s: got %q, %v; want %q, nil", r, got, err, r)
		}
	}
	var r ipr.Role
	if err := json.Unmarshal([]byte(`"pirate"`), &r); ipr.ErrorCode(err) != ipr.EINVALID {
		t.Errorf("unmarshal unknown role: got %v, want an %s error", err, ipr.EINVALID)
	}
}

func TestRoleOrgKind(t *testing.T) {
	tests := []struct {
		role    ipr.Role
		want    ipr.OrgKind
		customs bool
	}{
		{ipr.RoleCustomsOfficer, ipr.OrgCustomsOffice, true},
		{ipr.RoleCustomsSupervisor, ipr.OrgCustomsOffice, true},
		{ipr.RoleRightHolder, ipr.OrgRightHolder, false},
		{ipr.RoleAgent, ipr.OrgAgent, false},
		{ipr.RolePolice, ipr.OrgPoliceUnit, false},
		{ipr.RoleAssociationAdmin, ipr.OrgAssociation, false},
		{ipr.RoleSystemAdmin, "", false}, // any organisation
	}
	if len(tests) != len(ipr.Roles) {
		t.Errorf("got %d roles in the table, want %d", len(tests), len(ipr.Roles))
	}
	for _, tt := range tests {
		if got := tt.role.OrgKind(); got != tt.want {
			t.Errorf("%s.OrgKind(): got %q, want %q", tt.role, got, tt.want)
		}
		if got := tt.role.IsCustoms(); got != tt.customs {
			t.Errorf("%s.IsCustoms(): got %v, want %v", tt.role, got, tt.customs)
		}
	}
}
