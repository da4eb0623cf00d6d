package enforce_test

import (
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

func TestListAudit(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		holder, aurelia := user(t, s, holderEmail), user(t, s, "brand@aurelia.example")
		if _, _, err := s.Login(ctx, holderEmail, "wrong password"); ipr.ErrorCode(err) != ipr.EUNAUTHENTICATED {
			t.Fatalf("wrong password: got %v", err)
		}

		scoped := []struct {
			name      string
			actor     *ipr.User
			filter    ipr.AuditFilter
			wantTotal int64
		}{
			// Northwind in the demo world: the organisation, its user, its recordation, two contacts,
			// three infringers, two authorised parties, and its product with photos and guide.
			{"right holder", holder, ipr.AuditFilter{Limit: 500}, northwindEvents},
			// Asking for another organisation still shows only its own.
			{"right holder asking for another", holder, ipr.AuditFilter{OrgID: aurelia.OrgID, Limit: 500}, northwindEvents},
			{"right holder with an agent", aurelia, ipr.AuditFilter{Limit: 500}, aureliaEvents},
			// The association, its 17 working groups, its user, 13 memberships and 5 problem texts.
			{"association", user(t, s, secretaryEmail), ipr.AuditFilter{Limit: 500}, associationEvents},
			{"supervisor sees everything", user(t, s, supervisorEmail), ipr.AuditFilter{Limit: 500}, demoEvents},
			{"supervisor filters", user(t, s, supervisorEmail), ipr.AuditFilter{OrgID: holder.OrgID, Limit: 500}, northwindEvents},
		}
		for _, tt := range scoped {
			page, err := s.ListAudit(ctx, tt.actor, tt.filter)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if page.Total != tt.wantTotal || int64(len(page.Events)) != tt.wantTotal {
				t.Errorf("%s: got %d events of %d, want %d", tt.name, len(page.Events), page.Total, tt.wantTotal)
			}
			if tt.actor.Role != ipr.RoleRightHolder {
				continue
			}
			for _, e := range page.Events {
				if e.OrgID != tt.actor.OrgID && e.ObjectOrg != tt.actor.OrgID {
					t.Errorf("%s: got event %d (%s by org %d about org %d), want only org %d's",
						tt.name, e.Seq, e.Action, e.OrgID, e.ObjectOrg, tt.actor.OrgID)
				}
			}
		}

		refused := []struct {
			name  string
			actor *ipr.User
			code  string
		}{
			{"customs officer", user(t, s, officerEmail), ipr.EFORBIDDEN},
			{"agent", user(t, s, agentEmail), ipr.EFORBIDDEN},
			{"police", user(t, s, policeEmail), ipr.EFORBIDDEN},
			{"public", nil, ipr.EUNAUTHENTICATED},
		}
		for _, tt := range refused {
			_, err := s.ListAudit(ctx, tt.actor, ipr.AuditFilter{})
			if got := ipr.ErrorCode(err); got != tt.code {
				t.Errorf("ListAudit as %s: got %q, want %q", tt.name, got, tt.code)
			}
		}
	})
}

func TestVerifyAudit(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		tests := []struct {
			name  string
			actor *ipr.User
			want  int64
			code  string
		}{
			{"command line", ipr.SystemUser(), demoEvents, ""},
			{"supervisor", user(t, s, supervisorEmail), demoEvents, ""},
			{"right holder", user(t, s, holderEmail), 0, ipr.EFORBIDDEN},
			{"public", nil, 0, ipr.EUNAUTHENTICATED},
		}
		for _, tt := range tests {
			n, err := s.VerifyAudit(ctx, tt.actor)
			if n != tt.want || ipr.ErrorCode(err) != tt.code {
				t.Errorf("VerifyAudit as %s: got %d, %v; want %d, code %q", tt.name, n, err, tt.want, tt.code)
			}
		}
	})
}
