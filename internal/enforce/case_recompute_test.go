package enforce_test

import (
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// cn2027 is a test calendar for 2027 (the official one appears in November 2026).
const cn2027 = "jurisdiction CN\nyear 2027\nsource test calendar\noff 2027-01-01 New Year's Day\n"

// A reply deadline counted into 2027 before its calendar is loaded is
// provisional; it keeps its date when the calendar arrives, until an officer
// recomputes it, which notes the change, moves the version on and is audited.
func TestRecomputeDeadlines(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		// Wednesday 30 December 2026, 09:00 in Yiwu: three working days, weekends only in 2027.
		c := caseAt(t, s, clock, time.Date(2026, 12, 30, 1, 0, 0, 0, time.UTC))
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "notify_holder"})
		d := deadline(t, detail(t, s, officerEmail, c.ID), "holder_reply")
		if d.DueDate.String() != "2027-01-04" || !d.Provisional {
			t.Fatalf("before the 2027 calendar: got %s provisional %v, want 2027-01-04 provisional", d.DueDate, d.Provisional)
		}

		if _, err := s.ImportCalendar(ctx, user(t, s, supervisorEmail), []byte(cn2027)); err != nil {
			t.Fatal(err)
		}
		if d := deadline(t, detail(t, s, officerEmail, c.ID), "holder_reply"); d.DueDate.String() != "2027-01-04" {
			t.Errorf("after the import: got %s, want the date given, 2027-01-04, kept", d.DueDate)
		}

		_, err := s.RecomputeDeadlines(ctx, user(t, s, holderEmail), c.ID, c.Version)
		wantError(t, err, ipr.EFORBIDDEN, "")
		_, err = s.RecomputeDeadlines(ctx, user(t, s, officerEmail), c.ID, c.Version-1)
		wantError(t, err, ipr.ECONFLICT, "version")
		var next *ipr.Case
		oneAudit(t, s, "case.recompute", func() {
			if next, err = s.RecomputeDeadlines(ctx, user(t, s, officerEmail), c.ID, c.Version); err != nil {
				t.Fatal(err)
			}
		})
		if next.Version != c.Version+1 {
			t.Errorf("got version %d, want %d", next.Version, c.Version+1)
		}
		got := detail(t, s, officerEmail, c.ID)
		d = deadline(t, got, "holder_reply")
		if d.DueDate.String() != "2027-01-05" || d.Provisional || !strings.Contains(d.CalendarVersion, "CN-2027@") {
			t.Errorf("recomputed: got %s provisional %v with %q, want 2027-01-05 counted with CN-2027", d.DueDate,
				d.Provisional, d.CalendarVersion)
		}
		last := got.Events[len(got.Events)-1]
		if last.Kind != "recompute" || !strings.Contains(last.Note, "holder_reply: 2027-01-04 provisional → 2027-01-05") {
			t.Errorf("got timeline entry %q %q, want the change noted", last.Kind, last.Note)
		}
	})
}
