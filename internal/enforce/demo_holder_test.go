package enforce_test

import (
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// holderDemoEvents is how many objects (and audit events) the holder-side demo data adds:
// 24 contacts, 7 known infringers, 13 memberships, 5 groups' problems and 10 authorised parties.
const holderDemoEvents = 24 + 7 + 13 + 5 + 10

func TestDemoHolderData(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s := enforce.New(db, ipr.NewFixedClock(start), nil)
		type world struct {
			contacts, escalations, infringers, members, problems, parties, events int64
		}
		measure := func() world {
			var w world
			err := db.View(ctx, func(tx *store.Tx) error {
				contacts, n, err := tx.ListContacts(ctx, store.HolderFilter{Limit: 1000})
				if err != nil {
					return err
				}
				w.contacts = n
				for _, c := range contacts {
					if c.Escalation {
						w.escalations++
					}
				}
				if _, w.infringers, err = tx.ListInfringers(ctx, store.HolderFilter{}); err != nil {
					return err
				}
				groups, err := tx.ListWorkingGroups(ctx, 0)
				if err != nil {
					return err
				}
				for _, g := range groups {
					full, err := tx.WorkingGroupByID(ctx, g.ID)
					if err != nil {
						return err
					}
					w.members += int64(len(full.Members))
					if full.Problems != "" {
						w.problems++
					}
				}
				for _, ref := range []string{"DEMO-NORTHWIND", "DEMO-AURELIA", "DEMO-VOLTIS", "DEMO-LUMINA", "DEMO-ORBIS"} {
					r, err := tx.RightByRef(ctx, ref)
					if err != nil {
						return err
					}
					parties, err := tx.Parties(ctx, r.ID)
					if err != nil {
						return err
					}
					w.parties += int64(len(parties))
				}
				w.events, err = tx.CountAudit(ctx, ipr.AuditFilter{})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return w
		}
		var events int64
		for run := 1; run <= 2; run++ {
			report, err := s.LoadDemo(ctx)
			if err != nil {
				t.Fatalf("run %d: %v", run, err)
			}
			got := measure()
			if run == 1 {
				events = got.events
				if report.Created < holderDemoEvents {
					t.Errorf("run 1: got %d objects created, want at least the %d of the holder data", report.Created, holderDemoEvents)
				}
			} else if report.Created != 0 || got.events != events {
				t.Errorf("run 2: got %d created and %d events, want nothing new (%d events)", report.Created, got.events, events)
			}
			want := world{contacts: 24, escalations: 12, infringers: 7, members: 13, problems: 5, parties: 10, events: events}
			if got != want {
				t.Errorf("run %d: got %+v, want %+v", run, got, want)
			}
		}
		var holderEvents int64
		err := db.View(ctx, func(tx *store.Tx) (err error) {
			for _, prefix := range []string{"contact.", "infringer.", "working_group.member_add", "working_group.problems", "party."} {
				n, err := tx.CountAudit(ctx, ipr.AuditFilter{Action: prefix})
				if err != nil {
					return err
				}
				holderEvents += n
			}
			return nil
		})
		if err != nil || holderEvents != holderDemoEvents {
			t.Errorf("audit: got %d holder-data events, %v; want one per object, %d", holderEvents, err, holderDemoEvents)
		}
		if n, err := s.VerifyAudit(ctx, ipr.SystemUser()); err != nil || n != events {
			t.Errorf("VerifyAudit: got %d, %v; want %d, nil", n, err, events)
		}
	})
}
