package enforce_test

import (
	"slices"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

const aureliaEmail = "brand@aurelia.example"

// The demo's DEMO-AURELIA recordation ends 4 months after the clock's start
// (2025-07-03): the reminders come 6 months, 1 month and 1 week before, once each.
func TestSendRenewalReminders(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		aurelia := user(t, s, aureliaEmail)
		steps := []struct {
			name    string
			advance time.Duration
			want    int
			kinds   []string // the holder's reminders afterwards, newest first
		}{
			{"4 months before: the 6-month reminder", 0, 1, []string{"renewal.6m"}},
			{"again at once: nothing new", 0, 0, []string{"renewal.6m"}},
			{"an hour later: nothing new", time.Hour, 0, []string{"renewal.6m"}},
			{"28 days before: the 1-month reminder", days(2025, 6, 5) - days(2025, 3, 3) - time.Hour, 1, []string{"renewal.1m", "renewal.6m"}},
			{"5 days before: the 1-week reminder", 23 * 24 * time.Hour, 1, []string{"renewal.1w", "renewal.1m", "renewal.6m"}},
			{"the day it ends: nothing new", 5 * 24 * time.Hour, 0, []string{"renewal.1w", "renewal.1m", "renewal.6m"}},
			{"after it ended: nothing", 24 * time.Hour, 0, []string{"renewal.1w", "renewal.1m", "renewal.6m"}},
		}
		for _, st := range steps {
			clock.Advance(st.advance)
			before := count(t, s).events
			got, err := s.SendRenewalReminders(ctx)
			if err != nil || got != st.want {
				t.Fatalf("%s (%s): got %d, %v; want %d", st.name, clock.Now().Format(time.DateOnly), got, err, st.want)
			}
			wantEvents := before
			if st.want > 0 {
				wantEvents++
				if e := lastEvent(t, s); e.Action != "notification.renewal" || e.ActorEmail != "system" {
					t.Errorf("%s: got last audit event %s by %s, want notification.renewal by system", st.name, e.Action, e.ActorEmail)
				}
			}
			if after := count(t, s).events; after != wantEvents {
				t.Errorf("%s: got %d audit events, want %d (one per run that created reminders)", st.name, after, wantEvents)
			}
			list, err := s.Notifications(ctx, aurelia)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, n := range list {
				kinds = append(kinds, n.Kind)
			}
			if !slices.Equal(kinds, st.kinds) {
				t.Errorf("%s: got reminders %v, want %v", st.name, kinds, st.kinds)
			}
		}
	})
}

func days(y int, m time.Month, d int) time.Duration {
	return time.Duration(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()) * time.Second
}

// Who sees a reminder, and who may mark it read.
func TestNotificationsScope(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		if _, err := s.SendRenewalReminders(ctx); err != nil {
			t.Fatal(err)
		}
		aurelia := user(t, s, aureliaEmail)
		list, err := s.Notifications(ctx, aurelia)
		if err != nil || len(list) != 1 {
			t.Fatalf("Notifications as Aurelia: got %d, %v; want 1", len(list), err)
		}
		n := list[0]
		if n.ObjectType != "right" || n.Args != "AURELIA|DEMO-AURELIA|2025-07-03" || n.DueOn.String() != "2025-07-03" || !n.ReadAt.IsZero() {
			t.Errorf("reminder: got %+v, want an unread reminder of DEMO-AURELIA ending 2025-07-03", n)
		}

		for _, tc := range []struct {
			name   string
			actor  *ipr.User
			want   int
			unread int64
			code   string
		}{
			{"the holder", aurelia, 1, 1, ""},
			{"its agent", user(t, s, agentEmail), 1 + agentCaseNotices, 1 + agentCaseNotices, ""}, // and its clients' demo cases
			{"another holder", user(t, s, holderEmail), northwindNotices, northwindNotices, ""},   // its own cases' only
			{"a customs officer", user(t, s, officerEmail), 0, 0, ""},                             // its office's: none in the demo
			{"the secretariat", user(t, s, secretaryEmail), 0, 0, ipr.EFORBIDDEN},
			{"the public", nil, 0, 0, ipr.EUNAUTHENTICATED},
		} {
			list, err := s.Notifications(ctx, tc.actor)
			if ipr.ErrorCode(err) != tc.code || len(list) != tc.want {
				t.Errorf("Notifications as %s: got %d, %v; want %d, code %q", tc.name, len(list), err, tc.want, tc.code)
			}
			if unread, err := s.UnreadNotifications(ctx, tc.actor); err != nil || unread != tc.unread {
				t.Errorf("UnreadNotifications as %s: got %d, %v; want %d", tc.name, unread, err, tc.unread)
			}
		}

		// An agent without clients sees nothing, not everyone's.
		lonely := &ipr.User{ID: 999, Role: ipr.RoleAgent, OrgID: aurelia.OrgID + 1000}
		if list, err := s.Notifications(ctx, lonely); err != nil || len(list) != 0 {
			t.Errorf("Notifications as an agent without clients: got %d, %v; want none", len(list), err)
		}

		_, err = s.MarkNotificationRead(ctx, user(t, s, holderEmail), n.ID)
		wantError(t, err, ipr.ENOTFOUND, "")
		_, err = s.MarkNotificationRead(ctx, user(t, s, officerEmail), n.ID)
		wantError(t, err, ipr.ENOTFOUND, "")
		for range 2 { // marking twice keeps the first reading
			read, err := s.MarkNotificationRead(ctx, aurelia, n.ID)
			if err != nil || read.ReadAt.IsZero() {
				t.Fatalf("MarkNotificationRead as the holder: got %+v, %v; want it read", read, err)
			}
		}
		if unread, _ := s.UnreadNotifications(ctx, aurelia); unread != 0 {
			t.Errorf("after reading: got %d unread, want 0", unread)
		}
		_, err = s.MarkNotificationRead(ctx, aurelia, n.ID+100)
		wantError(t, err, ipr.ENOTFOUND, "")
	})
}

// A renewed recordation ends later, so its reminders come again for the new end.
func TestRenewalRemindsAgainForTheNewEnd(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		aurelia := user(t, s, aureliaEmail)
		if _, err := s.SendRenewalReminders(ctx); err != nil {
			t.Fatal(err)
		}
		page, err := s.ListRights(ctx, aurelia, ipr.RightFilter{Text: "DEMO-AURELIA"})
		if err != nil || len(page.Rights) != 1 {
			t.Fatalf("find DEMO-AURELIA: got %v, %v", page, err)
		}
		id := page.Rights[0].ID
		a, err := s.FileAmendment(ctx, aurelia, id, &ipr.Amendment{Kind: ipr.AmendRenewal})
		if err != nil {
			t.Fatalf("file renewal: %v", err)
		}
		if _, err := s.DecideAmendment(ctx, user(t, s, supervisorEmail), a.ID, true, ""); err != nil {
			t.Fatalf("approve renewal: %v", err)
		}
		d, err := s.Right(ctx, aurelia, id)
		if err != nil {
			t.Fatal(err)
		}
		// Renewed to the right's own expiry, 2036-05-13: the next reminder is due 6 months before.
		if got := d.RecordTo.String(); got != "2035-07-03" {
			t.Fatalf("renewed recordation: got end %s, want 2035-07-03", got)
		}
		if n, err := s.SendRenewalReminders(ctx); err != nil || n != 0 {
			t.Errorf("right after renewal: got %d, %v; want no reminder", n, err)
		}
		clock.Advance(days(2035, 1, 10) - days(2025, 3, 3))
		if n, err := s.SendRenewalReminders(ctx); err != nil || n != 1 {
			t.Errorf("6 months before the new end: got %d, %v; want 1", n, err)
		}
		list, _ := s.Notifications(ctx, aurelia)
		if len(list) != 2 || list[0].DueOn.String() != "2035-07-03" {
			t.Errorf("reminders: got %d, newest due %v; want 2, the newest for 2035-07-03", len(list), list[0].DueOn)
		}
	})
}
