package enforce_test

import (
	"strings"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

var putian = screen.Rule{Name: "Putian shoes by post", Weight: 30, Source: "bulletin 7", Expires: ipr.NewDate(2026, 12, 31),
	When: screen.Condition{All: []screen.Condition{
		{Field: "origin", Op: screen.OpPrefix, Value: "CN-FJ-Putian"},
		{Field: "hs_code", Op: screen.OpPrefix, Value: "6404"},
	}}}

func TestRuleLifecycle(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer := user(t, s, officerEmail)
		shoes := decl("P-1", "sports shoes, unbranded", "640411", 0)
		shoes.Origin = "CN-FJ-Putian"
		ruleNames := func() string {
			var names []string
			for _, r := range screenOne(t, s, shoes).Rules {
				names = append(names, r.Name)
			}
			return strings.Join(names, ",")
		}
		baseline := ruleNames() // the demo's own Putian rule meets postal shoes too

		v, err := s.CreateRule(ctx, officer, putian, true)
		if err != nil {
			t.Fatal(err)
		}
		if v.ID == 0 || v.Name != putian.Name || !v.Active || v.CreatedBy != officer.ID || v.Expires != putian.Expires ||
			len(v.When.All) != 2 || v.Hits != 0 || !v.Created.Equal(start) {
			t.Errorf("created: got %+v", v)
		}
		if e := lastEvent(t, s); e.Action != "rule.create" || !strings.Contains(e.After, "Putian shoes by post (weight 30, until 2026-12-31)") {
			t.Errorf("audit: got %s %q", e.Action, e.After)
		}
		if got := ruleNames(); got != joinNonEmpty(baseline, putian.Name) {
			t.Errorf("screening after create: got rules %q, want %q", got, joinNonEmpty(baseline, putian.Name))
		}

		changed := putian
		changed.Weight = 70
		if v, err = s.UpdateRule(ctx, officer, v.ID, changed, false); err != nil || v.Weight != 70 || v.Active {
			t.Fatalf("updated: got %+v, %v", v, err)
		}
		if got := ruleNames(); got != baseline {
			t.Errorf("screening after deactivating: got rules %q, want %q", got, baseline)
		}
		if v, err = s.UpdateRule(ctx, officer, v.ID, changed, true); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SubmitDeclarations(ctx, officer, []screen.Declaration{shoes}); err != nil {
			t.Fatal(err)
		}
		list, err := s.Rules(ctx, officer)
		if err != nil {
			t.Fatal(err)
		}
		if last := list[len(list)-1]; last.ID != v.ID || last.Hits != 1 || len(list) != 4 {
			t.Errorf("Rules: got %d rules, last %+v; want the demo's 3 and ours with 1 hit", len(list), last)
		}

		if err := s.DeleteRule(ctx, officer, v.ID); err != nil {
			t.Fatal(err)
		}
		_, err = s.Rule(ctx, officer, v.ID)
		wantError(t, err, ipr.ENOTFOUND, "rule")
		if got := ruleNames(); got != baseline {
			t.Errorf("screening after delete: got rules %q, want %q", got, baseline)
		}
		// The declaration keeps the record of the rule it met.
		d, err := s.Declaration(ctx, officer, "P-1")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(joinRuleNames(d.Result.Rules), putian.Name) {
			t.Errorf("stored declaration: got rules %q, want %q among them", joinRuleNames(d.Result.Rules), putian.Name)
		}
		wantError(t, s.DeleteRule(ctx, officer, v.ID), ipr.ENOTFOUND, "rule")
		_, err = s.UpdateRule(ctx, officer, v.ID, putian, true)
		wantError(t, err, ipr.ENOTFOUND, "rule")
	})
}

func joinNonEmpty(a, b string) string {
	if a == "" {
		return b
	}
	return a + "," + b
}

func joinRuleNames(rules []screen.RuleHit) string {
	var names []string
	for _, r := range rules {
		names = append(names, r.Name)
	}
	return strings.Join(names, ",")
}

func TestRuleValidation(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		officer := user(t, s, officerEmail)
		before := count(t, s)
		for _, tc := range []struct {
			name  string
			rule  screen.Rule
			field string
		}{
			{"no name", screen.Rule{Weight: 10, When: putian.When}, "name"},
			{"weight 0", screen.Rule{Name: "x", When: putian.When}, "weight"},
			{"no condition", screen.Rule{Name: "x", Weight: 10}, "when.field"},
			{"unknown field", screen.Rule{Name: "x", Weight: 10, When: screen.Condition{Field: "colour", Op: "is", Value: "red"}}, "when.field"},
			{"wrong operator", screen.Rule{Name: "x", Weight: 10, When: screen.Condition{All: []screen.Condition{
				{Field: "origin", Op: "prefix", Value: "CN"}, {Field: "unit_value", Op: "contains", Value: "3"}}}}, "when.all[1].op"},
			{"long source", screen.Rule{Name: "x", Weight: 10, When: putian.When, Source: strings.Repeat("s", 501)}, "source"},
		} {
			_, err := s.CreateRule(t.Context(), officer, tc.rule, true)
			if ipr.ErrorCode(err) != ipr.EINVALID || ipr.ErrorFields(err)[tc.field] == "" {
				t.Errorf("%s: got %v, want invalid naming %s", tc.name, err, tc.field)
			}
		}
		if count(t, s) != before {
			t.Error("a refused rule wrote an audit event")
		}
	})
}

func TestRuleAuthorisation(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		for _, tc := range []struct {
			who          string
			actor        *ipr.User
			view, manage string
		}{
			{"public", nil, ipr.EUNAUTHENTICATED, ipr.EUNAUTHENTICATED},
			{"officer", user(t, s, officerEmail), "", ""},
			{"supervisor", user(t, s, supervisorEmail), "", ""},
			{"system admin", user(t, s, adminEmail), ipr.EFORBIDDEN, ipr.EFORBIDDEN},
			{"right holder", user(t, s, holderEmail), ipr.EFORBIDDEN, ipr.EFORBIDDEN},
			{"agent", user(t, s, agentEmail), ipr.EFORBIDDEN, ipr.EFORBIDDEN},
			{"police", user(t, s, policeEmail), ipr.EFORBIDDEN, ipr.EFORBIDDEN},
			{"association", user(t, s, secretaryEmail), ipr.EFORBIDDEN, ipr.EFORBIDDEN},
		} {
			_, err1 := s.Rules(ctx, tc.actor)
			_, err2 := s.Rule(ctx, tc.actor, 1)
			for _, err := range []error{err1, err2} {
				if got := ipr.ErrorCode(err); got != tc.view {
					t.Errorf("%s views rules: got %q (%v), want %q", tc.who, got, err, tc.view)
				}
			}
			v, err := s.CreateRule(ctx, tc.actor, putian, true)
			if got := ipr.ErrorCode(err); got != tc.manage {
				t.Errorf("%s creates: got %q (%v), want %q", tc.who, got, err, tc.manage)
			}
			id := int64(1)
			if v != nil {
				id = v.ID
			}
			_, err1 = s.UpdateRule(ctx, tc.actor, id, putian, false)
			err2 = s.DeleteRule(ctx, tc.actor, id)
			for _, err := range []error{err1, err2} {
				if got := ipr.ErrorCode(err); got != tc.manage {
					t.Errorf("%s changes: got %q (%v), want %q", tc.who, got, err, tc.manage)
				}
			}
		}
	})
}

// The demo's rules are met by the demo's declarations, and counted.
func TestDemoRules(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	rules, err := s.Rules(t.Context(), user(t, s, supervisorEmail))
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 3 {
		t.Fatalf("demo rules: got %d, want 3", len(rules))
	}
	for _, r := range rules {
		if r.Hits == 0 || !r.Active {
			t.Errorf("demo rule %q: got %d hits, active %v; want some, active", r.Name, r.Hits, r.Active)
		}
	}
}
