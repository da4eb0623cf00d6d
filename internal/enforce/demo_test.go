package enforce_test

import (
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestLoadDemo(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s := enforce.New(db, ipr.NewFixedClock(start), nil)
		s.Files = store.NewBlobs(t.TempDir()) // the demo catalogue's photos
		world := func() map[string]int64 {
			got := map[string]int64{}
			err := db.View(ctx, func(tx *store.Tx) error {
				for _, k := range []ipr.OrgKind{ipr.OrgCustomsOffice, ipr.OrgRightHolder, ipr.OrgAgent, ipr.OrgPoliceUnit, ipr.OrgAssociation} {
					n, err := tx.CountOrgs(ctx, k)
					if err != nil {
						return err
					}
					got[string(k)] = n
				}
				var err error
				if got["working groups"], err = tx.CountWorkingGroups(ctx, 0); err != nil {
					return err
				}
				if got["users"], err = tx.CountUsers(ctx, 0); err != nil {
					return err
				}
				got["audit events"], err = tx.CountAudit(ctx, ipr.AuditFilter{})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		want := map[string]int64{"customs_office": 4, "right_holder": 12, "agent": 1, "police_unit": 1, "association": 1,
			"working groups": 17, "users": 19, "audit events": demoEvents}

		for run := 1; run <= 2; run++ {
			report, err := s.LoadDemo(ctx)
			if err != nil {
				t.Fatalf("run %d: %v", run, err)
			}
			wantCreated := demoEvents // every object created is one audit event
			if run == 2 {
				wantCreated = 0
			}
			if report.Created != wantCreated || len(report.Logins) != 19 {
				t.Errorf("run %d: got %d created and %d logins, want %d and 19", run, report.Created, len(report.Logins), wantCreated)
			}
			got := world()
			for k, w := range want {
				if got[k] != w {
					t.Errorf("run %d: got %d %s, want %d", run, got[k], k, w)
				}
			}
			if n, err := s.VerifyAudit(ctx, ipr.SystemUser()); n != demoEvents || err != nil {
				t.Errorf("run %d: VerifyAudit: got %d, %v; want %d, nil", run, n, err, demoEvents)
			}
		}

		// The links survive: the agent acts for its three clients.
		counsel := user(t, s, agentEmail)
		if counsel.Role != ipr.RoleAgent || len(counsel.ActsFor) != 3 {
			t.Errorf("agent: got role %s acting for %v, want agent acting for 3 right holders", counsel.Role, counsel.ActsFor)
		}
		if got := user(t, s, adminEmail); got.Role != ipr.RoleSystemAdmin || got.OrgName != "Hangzhou Customs" {
			t.Errorf("admin: got %s of %s, want system_admin of Hangzhou Customs", got.Role, got.OrgName)
		}
	})
}
