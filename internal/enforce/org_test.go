package enforce_test

import (
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

func TestAddOrg(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		admin := user(t, s, adminEmail)
		org, err := s.AddOrg(ctx, admin, enforce.NewOrg{Name: " Ningbo Customs ", NameZH: "宁波海关", Kind: " Customs_Office", Parent: "杭州海关"})
		if err != nil {
			t.Fatalf("AddOrg: %v", err)
		}
		if org.ID == 0 || org.Name != "Ningbo Customs" || org.Kind != ipr.OrgCustomsOffice || org.ParentID == 0 {
			t.Errorf("AddOrg: got %+v, want Ningbo Customs under Hangzhou Customs", org)
		}
		if e := lastEvent(t, s); e.Action != "org.create" || e.ObjectOrg != org.ID {
			t.Errorf("audit: got %s about org %d, want org.create about org %d", e.Action, e.ObjectOrg, org.ID)
		}

		bad := []struct {
			name        string
			actor       *ipr.User
			in          enforce.NewOrg
			code, field string
		}{
			{"duplicate name", admin, enforce.NewOrg{Name: "Yiwu Customs", Kind: "customs_office"}, ipr.ECONFLICT, "name"},
			{"unknown parent", admin, enforce.NewOrg{Name: "X", Kind: "customs_office", Parent: "Atlantis"}, ipr.ENOTFOUND, "parent"},
			{"parent not a customs office", admin, enforce.NewOrg{Name: "X", Kind: "customs_office", Parent: "Northwind Apparel"}, ipr.EINVALID, "parent"},
			{"unknown kind", admin, enforce.NewOrg{Name: "X", Kind: "bank"}, ipr.EINVALID, "kind"},
			{"supervisor", user(t, s, supervisorEmail), enforce.NewOrg{Name: "X", Kind: "customs_office"}, ipr.EFORBIDDEN, ""},
			{"public", nil, enforce.NewOrg{Name: "X", Kind: "customs_office"}, ipr.EUNAUTHENTICATED, ""},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, s)
				_, err := s.AddOrg(ctx, tt.actor, tt.in)
				wantError(t, err, tt.code, tt.field)
				if after := count(t, s); after != before {
					t.Errorf("got %+v after a refused change, want %+v", after, before)
				}
			})
		}
	})
}

func TestLinkAgent(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		admin := user(t, s, adminEmail)
		const agent = "Lin & Partners IP Law Firm"
		if err := s.LinkAgent(ctx, admin, agent, "Northwind Apparel"); err != nil {
			t.Fatalf("LinkAgent: %v", err)
		}
		if got := user(t, s, agentEmail).ActsFor; len(got) != 4 {
			t.Errorf("got the agent acting for %v, want 4 right holders", got)
		}
		bad := []struct {
			name          string
			actor         *ipr.User
			agent, holder string
			code, field   string
		}{
			{"unknown agent", admin, "Nobody LLP", "Northwind Apparel", ipr.ENOTFOUND, "agent"},
			{"unknown holder", admin, agent, "Nobody Ltd", ipr.ENOTFOUND, "holder"},
			{"holder is a customs office", admin, agent, "Yiwu Customs", ipr.EINVALID, "holder"},
			{"agent is a right holder", admin, "Medora Pharma", "Northwind Apparel", ipr.EINVALID, "agent"},
			{"right holder", user(t, s, holderEmail), agent, "Northwind Apparel", ipr.EFORBIDDEN, ""},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, s)
				wantError(t, s.LinkAgent(ctx, tt.actor, tt.agent, tt.holder), tt.code, tt.field)
				if after := count(t, s); after != before {
					t.Errorf("got %+v after a refused change, want %+v", after, before)
				}
			})
		}
	})
}

// Each role sees the organisations ipr.Can lets it see, and no others.
func TestListOrgs(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		tests := []struct {
			name  string
			actor *ipr.User
			want  int
		}{
			{"customs officer", user(t, s, officerEmail), 19},
			{"association", user(t, s, secretaryEmail), 19},
			{"right holder: its own", user(t, s, holderEmail), 1},
			{"agent: its own and its 3 clients", user(t, s, agentEmail), 4},
			{"police: its own", user(t, s, policeEmail), 1},
		}
		for _, tt := range tests {
			list, err := s.ListOrgs(t.Context(), tt.actor)
			if err != nil || len(list) != tt.want {
				t.Errorf("ListOrgs as %s: got %d, %v; want %d", tt.name, len(list), err, tt.want)
			}
		}
		_, err := s.ListOrgs(t.Context(), nil)
		wantError(t, err, ipr.EUNAUTHENTICATED, "")
	})
}
