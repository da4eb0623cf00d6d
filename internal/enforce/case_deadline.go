package enforce

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"bordermark/internal/calendar"
	"bordermark/internal/ipr"
	"bordermark/internal/notify"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// Reminder names of case deadlines.
const (
	ReminderDeadlineHalf   = "case.deadline.half"   // half the period has passed
	ReminderDeadlineSoon   = "case.deadline.soon"   // one working day before the due date
	ReminderDeadlineExpiry = "case.deadline.expiry" // the deadline has run out
)

// due computes the end of period counted from from in the case's calendar.
func (s *Service) due(ctx context.Context, c *ipr.Case, from time.Time, p workflow.Period) (*ipr.Deadline, error) {
	loc := c.Profile.Location()
	if p.Unit == workflow.Hours {
		at := from.Add(time.Duration(p.N) * time.Hour)
		return &ipr.Deadline{DueDate: ipr.DateOf(at, loc), DueAt: at.UTC(), CalendarVersion: "hours"}, nil
	}
	set, err := s.Calendars(ctx)
	if err != nil {
		return nil, err
	}
	start := ipr.DateOf(from, loc)
	var d calendar.Deadline
	if p.Unit == workflow.CalendarDays {
		d, err = set.AddCalendarDays(c.Profile.Jurisdiction(), start, p.N)
	} else {
		d, err = set.AddWorkingDays(c.Profile.Jurisdiction(), start, p.N)
	}
	if err != nil {
		return nil, err
	}
	return &ipr.Deadline{DueDate: d.Date, DueAt: d.End(loc).UTC(), Provisional: d.Provisional,
		CalendarVersion: strings.Join(d.Calendars, " ")}, nil
}

// startClock stores a running deadline for the clock and schedules its reminders.
func (s *Service) startClock(ctx context.Context, tx *store.Tx, c *ipr.Case, x workflow.StartClock) error {
	d, err := s.due(ctx, c, x.From, x.Period)
	if err != nil {
		return err
	}
	d.CaseID, d.Name, d.StartedAt, d.State = c.ID, x.Name, x.From.UTC(), ipr.DeadlineRunning
	if err := tx.PutDeadline(ctx, d); err != nil {
		return err
	}
	return s.scheduleReminders(ctx, tx, c, d)
}

// extendClock moves a running deadline on by the extension, counted from its due date.
func (s *Service) extendClock(ctx context.Context, tx *store.Tx, c *ipr.Case, x workflow.ExtendClock) error {
	d, err := deadlineNamed(ctx, tx, c.ID, x.Name)
	if err != nil || d == nil {
		return err
	}
	ext, err := s.due(ctx, c, d.DueAt.Add(-time.Nanosecond), x.By)
	if err != nil {
		return err
	}
	d.DueDate, d.DueAt, d.Provisional = ext.DueDate, ext.DueAt, d.Provisional || ext.Provisional
	d.CalendarVersion = strings.TrimSpace(d.CalendarVersion + " " + ext.CalendarVersion)
	d.RemindedSoon, d.RemindedOverdue = false, false
	if err := tx.PutDeadline(ctx, d); err != nil {
		return err
	}
	return s.scheduleReminders(ctx, tx, c, d)
}

// setDeadlineState moves the named clock of a case to state; a clock never
// started is left alone.
func (s *Service) setDeadlineState(ctx context.Context, tx *store.Tx, caseID int64, name string, state ipr.DeadlineState) error {
	d, err := deadlineNamed(ctx, tx, caseID, name)
	if err != nil || d == nil {
		return err
	}
	d.State = state
	return tx.PutDeadline(ctx, d)
}

func deadlineNamed(ctx context.Context, tx *store.Tx, caseID int64, name string) (*ipr.Deadline, error) {
	list, err := tx.Deadlines(ctx, caseID)
	if err != nil {
		return nil, err
	}
	for _, d := range list {
		if d.Name == name {
			return d, nil
		}
	}
	return nil, nil
}

// scheduleReminders asks the job queue for the deadline's reminders: at half
// the period, one working day before the due date, and at expiry.
func (s *Service) scheduleReminders(ctx context.Context, tx *store.Tx, c *ipr.Case, d *ipr.Deadline) error {
	if s.Jobs == nil {
		return nil
	}
	at := map[string]time.Time{
		ReminderDeadlineHalf:   d.StartedAt.Add(d.DueAt.Sub(d.StartedAt) / 2),
		ReminderDeadlineExpiry: d.DueAt,
	}
	if soon, err := s.workingDayBefore(ctx, c, d.DueDate); err != nil {
		return err
	} else if soon.After(d.StartedAt) {
		at[ReminderDeadlineSoon] = soon
	}
	for _, name := range []string{ReminderDeadlineHalf, ReminderDeadlineSoon, ReminderDeadlineExpiry} {
		when, ok := at[name]
		if !ok {
			continue
		}
		r := notify.Reminder{Name: name, OrgID: c.HolderOrgID, ObjectType: "case", ObjectID: c.ID, DueAt: d.DueAt,
			Data: map[string]string{"clock": d.Name}}
		if _, err := s.Jobs.Schedule(ctx, tx, r, runAt(when)); err != nil {
			return err
		}
	}
	return nil
}

// runAt is when the queue should run a job due at when: at once (zero) when
// that time has passed by the wall clock the queue runs on, because River
// holds back any job given a time until its scheduler's next pass, seconds away.
func runAt(when time.Time) time.Time {
	if when.After(time.Now()) {
		return when
	}
	return time.Time{}
}

// workingDayBefore is the start, in the office's time zone, of the last working day before due.
func (s *Service) workingDayBefore(ctx context.Context, c *ipr.Case, due ipr.Date) (time.Time, error) {
	set, err := s.Calendars(ctx)
	if err != nil {
		return time.Time{}, err
	}
	d := due.AddDate(0, 0, -1)
	for i := 0; i < 60; i++ {
		ok, err := set.IsWorkingDay(c.Profile.Jurisdiction(), d)
		if err != nil {
			return time.Time{}, err
		}
		if ok {
			break
		}
		d = d.AddDate(0, 0, -1)
	}
	y, m, day := d.Time().Date()
	return time.Date(y, m, day, 0, 0, 0, 0, c.Profile.Location()).UTC(), nil
}

// deadlineViews adds the working days left to each deadline (negative when overdue).
func (s *Service) deadlineViews(ctx context.Context, c *ipr.Case, list []*ipr.Deadline) ([]DeadlineView, error) {
	out := make([]DeadlineView, 0, len(list))
	for _, d := range list {
		n, err := s.WorkingDaysLeft(ctx, c.Profile, d.DueDate)
		if err != nil {
			return nil, err
		}
		out = append(out, DeadlineView{Deadline: *d, WorkingDaysLeft: n})
	}
	return out, nil
}

// WorkingDaysLeft counts the working days from today, in the profile's
// offices, to a deadline's last day: negative once it has passed.
func (s *Service) WorkingDaysLeft(ctx context.Context, p ipr.Profile, last ipr.Date) (int, error) {
	set, err := s.Calendars(ctx)
	if err != nil {
		return 0, err
	}
	from, to, sign := ipr.DateOf(s.Clock.Now(), p.Location()), last, 1
	if to.Before(from) {
		from, to, sign = to, from, -1
	}
	n, err := set.WorkingDaysBetween(p.Jurisdiction(), from, to)
	return sign * n, err
}

// HandleReminder does the work of a case deadline reminder. It is safe to run
// twice and ignores reminders of a deadline since met, stopped or recomputed:
// a due reminder leaves one in-app notice for the case's holder; at expiry the
// system sends deadline_expired, so the case awaits a supervisor's confirmation
// of the legal default (or records the clock overdue when there is none).
func (s *Service) HandleReminder(ctx context.Context, r notify.Reminder) error {
	if r.ObjectType == "transfer" {
		return s.handleTransferReminder(ctx, r)
	}
	if r.ObjectType != "case" || !strings.HasPrefix(r.Name, "case.deadline.") {
		return nil // not ours
	}
	sys := ipr.SystemUser()
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		c, err := loadCase(ctx, tx, sys, r.ObjectID)
		if ipr.ErrorCode(err) == ipr.ENOTFOUND {
			return nil
		}
		if err != nil {
			return err
		}
		d, err := deadlineNamed(ctx, tx, c.ID, r.Data["clock"])
		if err != nil {
			return err
		}
		if d == nil || d.State != ipr.DeadlineRunning || !d.DueAt.Equal(r.DueAt.UTC()) {
			return nil // met, expired already or recomputed: a later reminder stands for it
		}
		if r.Name != ReminderDeadlineExpiry {
			return s.remindHolder(ctx, tx, c, d, r.Name)
		}
		if s.Clock.Now().Before(d.DueAt) {
			return errors.New("deadline " + d.Name + " of case " + c.Ref + " is not yet due") // retried later
		}
		_, err = s.act(ctx, tx, sys, c, c.Version, workflow.Event{Kind: workflow.EvDeadlineExpired, Clock: d.Name}, "")
		return err
	})
}

// remindHolder leaves the holder an in-app notice that a deadline comes due.
func (s *Service) remindHolder(ctx context.Context, tx *store.Tx, c *ipr.Case, d *ipr.Deadline, name string) error {
	n := &ipr.Notification{OrgID: c.HolderOrgID, Kind: name + "." + d.Name, ObjectType: "case", ObjectID: c.ID,
		Text: fmt.Sprintf("Case %s: %s is due on %s.", c.Ref, strings.ReplaceAll(d.Name, "_", " "), d.DueDate),
		Args: strings.Join([]string{c.Ref, d.Name, d.DueDate.String()}, "|"), DueOn: d.DueDate, CreatedAt: s.Clock.Now()}
	added, err := tx.CreateNotification(ctx, n)
	if err != nil || !added {
		return err
	}
	if name == ReminderDeadlineSoon {
		d.RemindedSoon = true
		if err := tx.PutDeadline(ctx, d); err != nil {
			return err
		}
	}
	return s.audit(ctx, tx, ipr.SystemUser(), change{Action: "notification.deadline", ObjectType: "case",
		ObjectID: c.ID, ObjectOrg: c.HolderOrgID, After: n.Text})
}
