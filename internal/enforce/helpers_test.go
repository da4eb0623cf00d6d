package enforce_test

import (
	"os"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/enforce/enforcetest"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// start is the fixed clock's first instant in every service test.
var start = time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)

// Demo accounts used by the tests.
const (
	adminEmail      = "admin@bordermark.example"
	officerEmail    = "officer@yiwu.customs.example"
	supervisorEmail = "supervisor@hangzhou.customs.example"
	holderEmail     = "brand@northwind.example"
	agentEmail      = "counsel@linpartners.example"
	policeEmail     = "investigator@zhejiang.police.example"
	secretaryEmail  = "secretariat@association.example"
)

// How many audit events loading the demo world records, in all and about some
// organisations. A change of the demo data changes these; the failing test says by how much.
const (
	demoEvents        = 316 + demoExhibitEvents + demoPublicityEvents          // 176 before screening: + 3 rules, 1 batch of declarations, 7 decisions; + 41 for the cases; + 88 for the transfers
	northwindEvents   = 85 + northwindExhibitEvents + northwindPublicityEvents // 24 before the cases: + its guarantee and 20 steps of its 5 cases; + 40 of its 4 transfer cases
	aureliaEvents     = 23                                                     // 21 before the cases: + one case opened and dismissed
	associationEvents = 37 + associationPublicityEvents
	recentDemoEvents  = 190 + demoExhibitEvents + recentPublicityEvents // of demoEvents, those of the last 24 hours: the demo cases' history is older; + 1 resubmission
)

// The demo's detention cases (demo_cases.go) and the in-app notices they leave.
const (
	demoCaseCount    = 19     // 10 and the 9 of the demo transfers
	northwindCases   = 9      // 5 and 4 transfer cases
	northwindNotices = 22 + 1 // Northwind's own cases: suspicion, detention and determination notices, identification requests; + an answer to its question
	agentCaseNotices = 11 + 1 // the agent's clients' cases (Lumina, Orbis); + an answer to a question it asked
)

// The demo's transfers to the police (demo_transfers.go), each of a case of its own.
const demoTransferCount = 9

// demo returns a service on db with the demo world and its clock at start. A db
// from eachDemo holds a copy of the demo; any other gets it loaded here.
func demo(t *testing.T, db *store.DB) (*enforce.Service, *ipr.FixedClock) {
	t.Helper()
	clock := ipr.NewFixedClock(start)
	s := enforce.New(db, clock, nil)
	enforcetest.Load(t, s)
	return s, clock
}

// eachDemo is storetest.Each on copies of the demo world loaded at start.
func eachDemo(t *testing.T, fn func(t *testing.T, db *store.DB)) { enforcetest.Each(t, start, fn) }

func TestMain(m *testing.M) { os.Exit(enforcetest.Main(m)) }

// user loads a user the way a session would, without the cost of a password check.
func user(t *testing.T, s *enforce.Service, email string) *ipr.User {
	t.Helper()
	var u *ipr.User
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		u, _, err = tx.UserByEmail(t.Context(), email)
		return err
	})
	if err != nil {
		t.Fatalf("user %s: %v", email, err)
	}
	return u
}

// totals counts users and audit events, to show that a refused change wrote nothing.
type totals struct{ users, events int64 }

func count(t *testing.T, s *enforce.Service) totals {
	t.Helper()
	var c totals
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		if c.users, err = tx.CountUsers(t.Context(), 0); err != nil {
			return err
		}
		c.events, err = tx.CountAudit(t.Context(), ipr.AuditFilter{})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// lastEvent returns the newest audit event.
func lastEvent(t *testing.T, s *enforce.Service) *ipr.AuditEvent {
	t.Helper()
	var list []*ipr.AuditEvent
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		list, _, err = tx.ListAudit(t.Context(), ipr.AuditFilter{Limit: 1})
		return err
	})
	if err != nil || len(list) == 0 {
		t.Fatalf("last audit event: got %d, %v", len(list), err)
	}
	return list[0]
}

// wantError checks err's code and, when field is not "", that it names field.
func wantError(t *testing.T, err error, code, field string) {
	t.Helper()
	if got := ipr.ErrorCode(err); got != code {
		t.Fatalf("got code %q (%v), want %q", got, err, code)
	}
	if field != "" && ipr.ErrorFields(err)[field] == "" {
		t.Errorf("got fields %v, want a problem for %q", ipr.ErrorFields(err), field)
	}
}
