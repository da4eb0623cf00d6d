package enforce_test

import (
	"slices"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// groupByName returns the demo working group named name.
func groupByName(t *testing.T, s *enforce.Service, name string) *ipr.WorkingGroup {
	t.Helper()
	groups, err := s.ListWorkingGroups(t.Context(), user(t, s, officerEmail))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if g.Name == name {
			return g
		}
	}
	t.Fatalf("no working group %q", name)
	return nil
}

func TestWorkingGroupPages(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		groups, err := s.ListWorkingGroups(ctx, user(t, s, holderEmail))
		if err != nil || len(groups) != 17 {
			t.Fatalf("ListWorkingGroups: got %d, %v; want 17", len(groups), err)
		}
		members := 0
		for _, g := range groups {
			members += len(g.Members)
		}
		if members != 13 {
			t.Errorf("ListWorkingGroups: got %d memberships, want the demo's 13", members)
		}
		if _, err := s.ListWorkingGroups(ctx, user(t, s, policeEmail)); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
			t.Errorf("ListWorkingGroups as police: got %v, want forbidden", err)
		}
		if _, err := s.ListWorkingGroups(ctx, nil); ipr.ErrorCode(err) != ipr.EUNAUTHENTICATED {
			t.Errorf("ListWorkingGroups as the public: got %v, want unauthenticated", err)
		}

		for _, tt := range []struct {
			group, actor      string
			members           []string
			brands            []string // of the first member
			canEdit, canAdmin bool
		}{
			{"Watches & Jewellery", officerEmail, []string{"Aurelia Maison", "Orbis Horlogerie"}, []string{"AURELIA"}, false, false},
			{"Watches & Jewellery", ownerAureliaEmail, []string{"Aurelia Maison", "Orbis Horlogerie"}, []string{"AURELIA"}, true, false},
			{"Apparel & Footwear", holderEmail, []string{"Northwind Apparel"}, []string{"NORTHWIND"}, true, false},
			{"Apparel & Footwear", ownerAureliaEmail, []string{"Northwind Apparel"}, []string{"NORTHWIND"}, false, false},
			{"Apparel & Footwear", agentEmail, []string{"Northwind Apparel"}, []string{"NORTHWIND"}, false, false},
			{"Pharmaceuticals", secretaryEmail, []string{"Medora Pharma"}, nil, true, true}, // Medora's recordation was rejected
			{"Tobacco", secretaryEmail, nil, nil, true, true},
		} {
			g := groupByName(t, s, tt.group)
			d, err := s.WorkingGroup(ctx, user(t, s, tt.actor), g.ID)
			if err != nil {
				t.Errorf("%s as %s: %v", tt.group, tt.actor, err)
				continue
			}
			var names []string
			for _, m := range d.Members {
				names = append(names, m.Org.Name)
			}
			if !slices.Equal(names, tt.members) || (len(d.Members) > 0 && !slices.Equal(d.Members[0].Brands, tt.brands)) {
				t.Errorf("%s as %s: got members %v with brands %v, want %v with %v", tt.group, tt.actor, names, d.Members, tt.members, tt.brands)
			}
			if d.CanEdit != tt.canEdit || d.CanManage != tt.canAdmin || (len(d.Candidates) > 0) != tt.canAdmin {
				t.Errorf("%s as %s: got edit %v, manage %v, %d candidates; want %v, %v", tt.group, tt.actor, d.CanEdit, d.CanManage, len(d.Candidates), tt.canEdit, tt.canAdmin)
			}
		}
		if _, err := s.WorkingGroup(ctx, user(t, s, policeEmail), groupByName(t, s, "Tobacco").ID); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
			t.Errorf("WorkingGroup as police: got %v, want forbidden", err)
		}
		if _, err := s.WorkingGroup(ctx, user(t, s, holderEmail), 99999); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("WorkingGroup 99999: got %v, want not found", err)
		}
	})
}

// The common problems: the group's member right holders and the secretariat edit them; nobody else.
func TestSetGroupProblems(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		apparel := groupByName(t, s, "Apparel & Footwear")
		for _, tt := range []struct {
			actor, code string
		}{
			{holderEmail, ""},
			{secretaryEmail, ""},
			{ownerAureliaEmail, ipr.EFORBIDDEN}, // a right holder, but not a member
			{agentEmail, ipr.EFORBIDDEN},
			{officerEmail, ipr.EFORBIDDEN},
			{adminEmail, ipr.EFORBIDDEN},
			{policeEmail, ipr.EFORBIDDEN},
		} {
			text := "Problems as seen by " + tt.actor + "\r\nSecond line"
			before := count(t, s)
			err := s.SetGroupProblems(ctx, user(t, s, tt.actor), apparel.ID, text)
			if ipr.ErrorCode(err) != tt.code {
				t.Errorf("SetGroupProblems as %s: got %v, want %q", tt.actor, err, tt.code)
				continue
			}
			d, _ := s.WorkingGroup(ctx, user(t, s, holderEmail), apparel.ID)
			if tt.code != "" {
				if after := count(t, s); after != before || strings.Contains(d.Problems, tt.actor) {
					t.Errorf("SetGroupProblems as %s: refused, but got %+v → %+v and problems %q", tt.actor, before, after, d.Problems)
				}
				continue
			}
			if want := "Problems as seen by " + tt.actor + "\nSecond line"; d.Problems != want {
				t.Errorf("SetGroupProblems as %s: got %q, want %q", tt.actor, d.Problems, want)
			}
			if e := lastEvent(t, s); e.Action != "working_group.problems" || e.ActorEmail != tt.actor || e.ObjectOrg != apparel.OrgID {
				t.Errorf("audit: got %s by %s about org %d", e.Action, e.ActorEmail, e.ObjectOrg)
			}
		}
		before := count(t, s)
		err := s.SetGroupProblems(ctx, user(t, s, holderEmail), apparel.ID, strings.Repeat("问", enforce.MaxProblemsLength+1))
		wantError(t, err, ipr.EINVALID, "problems")
		// Saving the same text again is no change and no audit event.
		d, _ := s.WorkingGroup(ctx, user(t, s, holderEmail), apparel.ID)
		if err := s.SetGroupProblems(ctx, user(t, s, holderEmail), apparel.ID, d.Problems); err != nil {
			t.Errorf("saving the same text: %v", err)
		}
		if after := count(t, s); after != before {
			t.Errorf("got %+v after a refused and an empty change, want %+v", after, before)
		}
		wantError(t, s.SetGroupProblems(ctx, user(t, s, secretaryEmail), 99999, "x"), ipr.ENOTFOUND, "")
	})
}

// Membership is the secretariat's to manage.
func TestGroupMembers(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		secretary := user(t, s, secretaryEmail)
		apparel := groupByName(t, s, "Apparel & Footwear")
		voltis := holderOrgID(t, s, "Voltis Electronics")
		if err := s.AddGroupMember(ctx, secretary, apparel.ID, voltis); err != nil {
			t.Fatalf("AddGroupMember: %v", err)
		}
		if e := lastEvent(t, s); e.Action != "working_group.member_add" || e.After != "Voltis Electronics in Apparel & Footwear" {
			t.Errorf("audit: got %s %q", e.Action, e.After)
		}
		if g := groupByName(t, s, "Apparel & Footwear"); !slices.Contains(g.Members, voltis) {
			t.Errorf("after AddGroupMember: got members %v, want Voltis among them", g.Members)
		}
		// A new member may now edit the group's problems.
		if err := s.SetGroupProblems(ctx, user(t, s, "brand@voltis.example"), apparel.ID, "Batteries in jackets"); err != nil {
			t.Errorf("SetGroupProblems by the new member: %v", err)
		}

		for _, tt := range []struct {
			name          string
			actor         *ipr.User
			group, holder int64
			remove        bool
			code, field   string
		}{
			{"already a member", secretary, apparel.ID, voltis, false, ipr.ECONFLICT, "holder"},
			{"not a right holder", secretary, apparel.ID, holderOrgID(t, s, "Yiwu Customs"), false, ipr.EINVALID, "holder"},
			{"no holder chosen", secretary, apparel.ID, 0, false, ipr.EINVALID, "holder"},
			{"no such holder", secretary, apparel.ID, 99999, false, ipr.EINVALID, "holder"},
			{"no such group", secretary, 99999, voltis, false, ipr.ENOTFOUND, ""},
			{"a member holder", user(t, s, holderEmail), apparel.ID, voltis, false, ipr.EFORBIDDEN, ""},
			{"a member holder removing", user(t, s, holderEmail), apparel.ID, voltis, true, ipr.EFORBIDDEN, ""},
			{"customs", user(t, s, supervisorEmail), apparel.ID, voltis, true, ipr.EFORBIDDEN, ""},
			{"the public", nil, apparel.ID, voltis, false, ipr.EUNAUTHENTICATED, ""},
			{"removing a non-member", secretary, apparel.ID, holderOrgID(t, s, "Medora Pharma"), true, ipr.ENOTFOUND, "holder"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, s)
				var err error
				if tt.remove {
					err = s.RemoveGroupMember(ctx, tt.actor, tt.group, tt.holder)
				} else {
					err = s.AddGroupMember(ctx, tt.actor, tt.group, tt.holder)
				}
				wantError(t, err, tt.code, tt.field)
				if after := count(t, s); after != before {
					t.Errorf("got %+v after a refused change, want %+v", after, before)
				}
			})
		}
		if err := s.RemoveGroupMember(ctx, secretary, apparel.ID, voltis); err != nil {
			t.Fatalf("RemoveGroupMember: %v", err)
		}
		if e := lastEvent(t, s); e.Action != "working_group.member_remove" || e.Before != "Voltis Electronics in Apparel & Footwear" {
			t.Errorf("audit: got %s %q", e.Action, e.Before)
		}
		if g := groupByName(t, s, "Apparel & Footwear"); slices.Contains(g.Members, voltis) {
			t.Errorf("after RemoveGroupMember: got members %v, want Voltis gone", g.Members)
		}
	})
}
