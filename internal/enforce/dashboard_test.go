package enforce_test

import (
	"slices"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

func TestDashboard(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		type c = enforce.Count
		tests := []struct {
			name  string
			actor *ipr.User
			want  []enforce.Count
		}{
			// Hangzhou Customs has the supervisor and the administrator.
			{"system admin", user(t, s, adminEmail), []c{{"count.org_users", 2}, {"count.customs_offices", 4}, {"count.right_holders", 12}, {"count.audit_24h", recentDemoEvents}}},
			{"command line", ipr.SystemUser(), []c{{"count.org_users", 19}, {"count.customs_offices", 4}, {"count.right_holders", 12}, {"count.audit_24h", recentDemoEvents}}},
			{"customs supervisor", user(t, s, supervisorEmail), []c{{"count.org_users", 2}, {"count.customs_offices", 4}, {"count.right_holders", 12}, {"count.rights_review", 2}, {"count.audit_24h", recentDemoEvents}}},
			{"customs officer", user(t, s, officerEmail), []c{{"count.org_users", 1}, {"count.customs_offices", 4}, {"count.right_holders", 12}}},
			{"right holder", user(t, s, holderEmail), []c{{"count.org_users", 1}, {"count.rights_drafts", 0}, {"count.rights_renewals", 0}}},
			{"agent", user(t, s, agentEmail), []c{{"count.org_users", 1}, {"count.clients", 3}, {"count.rights_drafts", 0}, {"count.rights_renewals", 1}}},
			{"police", user(t, s, policeEmail), []c{{"count.org_users", 1}}},
			{"association", user(t, s, secretaryEmail), []c{{"count.org_users", 1}, {"count.working_groups", 17}}},
		}
		for _, tt := range tests {
			got, err := s.Dashboard(ctx, tt.actor)
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("Dashboard as %s: got %v, %v; want %v", tt.name, got, err, tt.want)
			}
		}
		_, err := s.Dashboard(ctx, nil)
		wantError(t, err, ipr.EUNAUTHENTICATED, "")

		// The audit figure counts the last 24 hours only.
		clock.Advance(24*time.Hour + time.Second)
		got, err := s.Dashboard(ctx, ipr.SystemUser())
		if err != nil || got[len(got)-1] != (enforce.Count{Key: "count.audit_24h", Value: 0}) {
			t.Errorf("a day later: got %v, %v; want count.audit_24h 0", got, err)
		}
	})
}
