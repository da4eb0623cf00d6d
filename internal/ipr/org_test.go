package ipr_test

import (
	"strings"
	"testing"

	"bordermark/internal/ipr"
)

func TestParseOrgKind(t *testing.T) {
	tests := []struct {
		in      string
		want    ipr.OrgKind
		wantErr bool
	}{
		{"customs_office", ipr.OrgCustomsOffice, false},
		{" Right_Holder ", ipr.OrgRightHolder, false},
		{"AGENT", ipr.OrgAgent, false},
		{"police_unit", ipr.OrgPoliceUnit, false},
		{"association", ipr.OrgAssociation, false},
		{"", "", true},
		{"customs", "", true},
		{"police", "", true},
	}
	for _, tt := range tests {
		got, err := ipr.ParseOrgKind(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseOrgKind(%q): got %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if tt.wantErr {
			if ipr.ErrorCode(err) != ipr.EINVALID || ipr.ErrorFields(err)["kind"] == "" {
				t.Errorf("ParseOrgKind(%q): got %v, want %s naming field kind", tt.in, err, ipr.EINVALID)
			}
		}
	}
}

func TestOrgValidate(t *testing.T) {
	tests := []struct {
		name string
		org  ipr.Org
		want []string // fields named in the error
	}{
		{"customs office with parent", ipr.Org{Name: " Yiwu Customs ", Kind: ipr.OrgCustomsOffice, ParentID: 1}, nil},
		{"right holder", ipr.Org{Name: "Northwind", NameZH: "北风", Kind: ipr.OrgRightHolder}, nil},
		{"no name", ipr.Org{Name: "  ", Kind: ipr.OrgAgent}, []string{"name"}},
		{"long name", ipr.Org{Name: strings.Repeat("x", 201), Kind: ipr.OrgAgent}, []string{"name"}},
		{"unknown kind", ipr.Org{Name: "X", Kind: "bank"}, []string{"kind"}},
		{"parent of a right holder", ipr.Org{Name: "X", Kind: ipr.OrgRightHolder, ParentID: 1}, []string{"parent"}},
		{"everything wrong", ipr.Org{Kind: "bank", ParentID: 1}, []string{"kind", "name", "parent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.org
			err := o.Validate()
			checkFields(t, err, tt.want)
			if o.Name != strings.TrimSpace(tt.org.Name) {
				t.Errorf("got name %q, want it trimmed", o.Name)
			}
		})
	}
}

// checkFields checks that err is EINVALID naming exactly want (or nil when want is empty).
func checkFields(t *testing.T, err error, want []string) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Fatalf("got error %v, want none", err)
		}
		return
	}
	if code := ipr.ErrorCode(err); code != ipr.EINVALID {
		t.Fatalf("got code %q (%v), want %q", code, err, ipr.EINVALID)
	}
	fields := ipr.ErrorFields(err)
	for _, f := range want {
		if fields[f] == "" {
			t.Errorf("got fields %v, want a problem for %q", fields, f)
		}
	}
	if len(fields) != len(want) {
		t.Errorf("got fields %v, want exactly %v", fields, want)
	}
}
