package ipr_test

import (
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
)

// chain returns n sealed events, as AppendAudit would store them.
func chain(n int) []*ipr.AuditEvent {
	start := time.Date(2025, 3, 3, 9, 0, 0, 123456789, time.FixedZone("CST", 8*3600))
	var events []*ipr.AuditEvent
	var prev *ipr.AuditEvent
	for i := range n {
		e := &ipr.AuditEvent{
			Time: start.Add(time.Duration(i) * time.Minute), ActorID: 7, ActorEmail: "officer@yiwu.example",
			OrgID: 3, Action: "user.create", ObjectType: "user", ObjectID: "42", ObjectOrg: 5,
			After: "user " + string(rune('a'+i)), RequestID: "req-1",
		}
		e.Seal(prev)
		events = append(events, e)
		prev = e
	}
	return events
}

// verify runs a fresh ChainVerifier over events and returns the first error.
func verify(events []*ipr.AuditEvent) (int64, error) {
	var v ipr.ChainVerifier
	for _, e := range events {
		if err := v.Next(e); err != nil {
			return v.Checked, err
		}
	}
	return v.Checked, nil
}

func TestSeal(t *testing.T) {
	events := chain(3)
	for i, e := range events {
		if got, want := e.Seq, int64(i+1); got != want {
			t.Errorf("event %d: got seq %d, want %d", i, got, want)
		}
		if e.Time.Location() != time.UTC || e.Time.Nanosecond()%1000 != 0 {
			t.Errorf("event %d: got time %v, want UTC truncated to microseconds", i, e.Time)
		}
		if got := e.ComputeHash(); got != e.Hash || len(got) != 64 {
			t.Errorf("event %d: got hash %q, want %q (64 hex digits)", i, e.Hash, got)
		}
	}
	if events[0].PrevHash != "" {
		t.Errorf("first event: got prev hash %q, want empty", events[0].PrevHash)
	}
	if got, want := events[2].PrevHash, events[1].Hash; got != want {
		t.Errorf("third event: got prev hash %q, want %q", got, want)
	}
}

// The hash covers the instant, not its time zone, so a database returning the
// same instant in another zone still verifies.
func TestHashIgnoresTimeZone(t *testing.T) {
	e := chain(1)[0]
	moved := *e
	moved.Time = e.Time.In(time.FixedZone("CET", 3600))
	if got, want := moved.ComputeHash(), e.Hash; got != want {
		t.Errorf("got hash %s after changing zone, want %s", got, want)
	}
}

func TestChainVerifier(t *testing.T) {
	tests := []struct {
		name    string
		tamper  func([]*ipr.AuditEvent) []*ipr.AuditEvent
		wantErr string // "" for a chain that verifies; else the start of the error
		checked int64
	}{
		{"intact", func(es []*ipr.AuditEvent) []*ipr.AuditEvent { return es }, "", 5},
		{"field altered", func(es []*ipr.AuditEvent) []*ipr.AuditEvent {
			es[2].After = "user z"
			return es
		}, "audit event 3:", 2},
		{"actor altered", func(es []*ipr.AuditEvent) []*ipr.AuditEvent {
			es[3].ActorEmail = "someone@else.example"
			return es
		}, "audit event 4:", 3},
		{"time altered", func(es []*ipr.AuditEvent) []*ipr.AuditEvent {
			es[1].Time = es[1].Time.Add(time.Microsecond)
			return es
		}, "audit event 2:", 1},
		{"event removed", func(es []*ipr.AuditEvent) []*ipr.AuditEvent {
			return append(es[:2:2], es[3:]...)
		}, "audit event 4:", 2},
		{"first event removed", func(es []*ipr.AuditEvent) []*ipr.AuditEvent { return es[1:] }, "audit event 2:", 0},
		{"two events reordered", func(es []*ipr.AuditEvent) []*ipr.AuditEvent {
			es[1], es[2] = es[2], es[1]
			return es
		}, "audit event 3:", 1},
		{"prev hash changed", func(es []*ipr.AuditEvent) []*ipr.AuditEvent {
			es[3].PrevHash = es[1].Hash
			return es
		}, "audit event 4:", 3},
		// Re-hashing an edited event does not help: the next event still points at the old hash.
		{"altered and re-hashed", func(es []*ipr.AuditEvent) []*ipr.AuditEvent {
			es[2].After = "user z"
			es[2].Hash = es[2].ComputeHash()
			return es
		}, "audit event 4:", 3},
		{"renumbered", func(es []*ipr.AuditEvent) []*ipr.AuditEvent {
			es[4].Seq = 9
			return es
		}, "audit event 9:", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checked, err := verify(tt.tamper(chain(5)))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("got error %v, want none", err)
			case tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr)):
				t.Fatalf("got error %v, want one starting %q", err, tt.wantErr)
			}
			if checked != tt.checked {
				t.Errorf("got %d events checked, want %d", checked, tt.checked)
			}
		})
	}
}
