package enforce

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/notify"
	"bordermark/internal/store"
)

// Reminder names of transfer clocks.
const (
	ReminderTransferHalf   = "transfer.clock.half"   // half of a 3-day clock has passed
	ReminderTransferExpiry = "transfer.clock.expiry" // the clock has run out: the supervisors are told
)

// transferClock is the clock a transfer's state runs, if any.
type transferClock struct {
	name       string // approval, sending, police_decision
	started    time.Time
	due        time.Time
	actorOrgID int64 // filled by whoActs
}

// runningTransferClock is the clock t's state starts: the head of office's
// approval, the sending, or the police's decision (restarted on resubmission).
func runningTransferClock(t *ipr.Transfer) (transferClock, bool) {
	var c transferClock
	switch t.State {
	case ipr.TransferProposed:
		c = transferClock{name: "approval", started: t.ProposedAt, due: t.ApprovalDue}
	case ipr.TransferApproved:
		c = transferClock{name: "sending", started: t.DecidedAt, due: t.SendDue}
	case ipr.TransferSent:
		c = transferClock{name: "police_decision", started: t.SentAt, due: t.PoliceDue}
	}
	return c, c.name != "" && !c.started.IsZero() && !c.due.IsZero()
}

// scheduleTransferReminders asks the job queue for the reminders of the clock
// t's new state starts: half way for the 3-day clocks, and at expiry.
func (s *Service) scheduleTransferReminders(ctx context.Context, tx *store.Tx, t *ipr.Transfer) error {
	c, ok := runningTransferClock(t)
	if s.Jobs == nil || !ok {
		return nil
	}
	at := map[string]time.Time{ReminderTransferExpiry: c.due}
	if c.due.Sub(c.started) > 24*time.Hour {
		at[ReminderTransferHalf] = c.started.Add(c.due.Sub(c.started) / 2)
	}
	for _, name := range []string{ReminderTransferHalf, ReminderTransferExpiry} {
		when, ok := at[name]
		if !ok {
			continue
		}
		r := notify.Reminder{Name: name, OrgID: t.HolderOrgID, ObjectType: "transfer", ObjectID: t.ID, DueAt: c.due.UTC(),
			Data: map[string]string{"clock": c.name}}
		if _, err := s.Jobs.Schedule(ctx, tx, r, runAt(when)); err != nil {
			return err
		}
	}
	return nil
}

// handleTransferReminder does the work of a transfer clock's reminder. It is
// safe to run twice and ignores a reminder of a clock since met or restarted:
// it leaves one in-app notice for whoever must act and, at expiry, escalates
// to the supervisors of the office by notice and e-mail.
func (s *Service) handleTransferReminder(ctx context.Context, r notify.Reminder) error {
	if !strings.HasPrefix(r.Name, "transfer.clock.") {
		return nil // not ours
	}
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		t, err := tx.TransferByID(ctx, r.ObjectID)
		if ipr.ErrorCode(err) == ipr.ENOTFOUND {
			return nil
		}
		if err != nil {
			return err
		}
		c, ok := runningTransferClock(t)
		if !ok || c.name != r.Data["clock"] || !sameInstant(c.due, r.DueAt) {
			return nil // met, or restarted: a later reminder stands for it
		}
		expiry := r.Name == ReminderTransferExpiry
		if expiry && s.Clock.Now().Before(c.due) {
			return errors.New("clock " + c.name + " of transfer " + t.CaseRef + " is not yet due") // retried later
		}
		if c.actorOrgID, err = s.whoActs(ctx, tx, t, c.name); err != nil {
			return err
		}
		added, err := s.transferNotice(ctx, tx, t, c, c.actorOrgID, r.Name)
		if err != nil || !added || !expiry {
			return err
		}
		return s.escalateTransfer(ctx, tx, t, c)
	})
}

// sameInstant compares due times to the second: the database may store less precision.
func sameInstant(a, b time.Time) bool {
	d := a.Sub(b)
	return d < time.Second && d > -time.Second
}

// whoActs is the organisation that must act on clock: the office's
// supervisors approve, the office sends, the police unit decides. 0 when the
// office is not an organisation.
func (s *Service) whoActs(ctx context.Context, tx *store.Tx, t *ipr.Transfer, clock string) (int64, error) {
	switch clock {
	case "police_decision":
		return t.PoliceOrgID, nil
	case "approval":
		org, _, err := s.transferSupervisors(ctx, tx, t)
		return org, err
	}
	org, err := tx.OrgByName(ctx, t.Office)
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return org.ID, nil
}

// transferSupervisors are the organisation of the supervisors of the transfer's
// office (the office or the nearest district above it with any) and their addresses.
func (s *Service) transferSupervisors(ctx context.Context, tx *store.Tx, t *ipr.Transfer) (int64, []string, error) {
	org, err := tx.OrgByName(ctx, t.Office)
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		s.Log.WarnContext(ctx, "no supervisor for a transfer: the office is not an organisation", "case", t.CaseRef, "office", t.Office)
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, err
	}
	first := org.ID
	for range 10 { // districts are shallow; a cycle must not loop forever
		to, err := orgRecipients(ctx, tx, org.ID, ipr.RoleCustomsSupervisor)
		if err != nil || len(to) > 0 {
			return org.ID, to, err
		}
		if org.ParentID == 0 {
			break
		}
		if org, err = tx.OrgByID(ctx, org.ParentID); err != nil {
			return 0, nil, err
		}
	}
	return first, nil, nil
}

// transferNotice leaves orgID an in-app notice about clock c of t, once; it
// reports whether it left one.
func (s *Service) transferNotice(ctx context.Context, tx *store.Tx, t *ipr.Transfer, c transferClock, orgID int64, kind string) (bool, error) {
	if orgID == 0 {
		return false, nil
	}
	due := ipr.DateOf(c.due, ipr.ProfileCN.Location())
	clock := strings.ReplaceAll(c.name, "_", " ")
	text := fmt.Sprintf("Transfer of case %s: the %s is due on %s.", t.CaseRef, clock, due)
	if kind != ReminderTransferHalf {
		text = fmt.Sprintf("Transfer of case %s: the %s deadline ran out on %s.", t.CaseRef, clock, due)
	}
	n := &ipr.Notification{OrgID: orgID, Kind: kind + "." + c.name, ObjectType: "transfer", ObjectID: t.ID, Text: text,
		Args: strings.Join([]string{t.CaseRef, c.name, due.String()}, "|"), DueOn: due, CreatedAt: s.Clock.Now()}
	added, err := tx.CreateNotification(ctx, n)
	if err != nil || !added {
		return false, err
	}
	return true, s.audit(ctx, tx, ipr.SystemUser(), change{Action: "notification.transfer", ObjectType: "transfer",
		ObjectID: t.ID, ObjectOrg: t.HolderOrgID, After: n.Text})
}

// escalateTransfer tells the office's supervisors that clock c of t ran out:
// a notice (unless they are the ones who must act, and have one) and an e-mail.
func (s *Service) escalateTransfer(ctx context.Context, tx *store.Tx, t *ipr.Transfer, c transferClock) error {
	org, to, err := s.transferSupervisors(ctx, tx, t)
	if err != nil {
		return err
	}
	if org != c.actorOrgID {
		if _, err := s.transferNotice(ctx, tx, t, c, org, "transfer.clock.escalation"); err != nil {
			return err
		}
	}
	if s.Jobs == nil || !s.Notify.Email {
		return nil
	}
	return s.email(ctx, tx, to, transferEscalationMail(t, c))
}

// transferClockNames are the transfer clocks in both languages, and who is late.
var transferClockNames = map[string]struct{ clock, who bilingual }{
	"approval":        {bilingual{"approval", "审批"}, bilingual{"the head of office has not decided", "海关负责人尚未作出决定"}},
	"sending":         {bilingual{"sending", "移送"}, bilingual{"the dossier has not been sent", "案卷尚未移送"}},
	"police_decision": {bilingual{"police decision", "公安机关决定"}, bilingual{"the police unit has not decided", "公安机关尚未作出决定"}},
}

// transferEscalationMail tells the supervisors which transfer clock ran out.
func transferEscalationMail(t *ipr.Transfer, c transferClock) notify.Email {
	names := transferClockNames[c.name]
	due := ipr.DateOf(c.due, ipr.ProfileCN.Location()).String()
	subject := bilingual{fmt.Sprintf("Transfer of case %s: the %s deadline ran out", t.CaseRef, names.clock.en),
		fmt.Sprintf("案件 %s 移送：%s期限已届满", t.CaseRef, names.clock.zh)}
	en := []string{fmt.Sprintf("Transfer of case %s (%s) to the police: the %s deadline ran out on %s; %s.",
		t.CaseRef, t.Office, names.clock.en, due, names.who.en), "See the transfer and follow it up."}
	zh := []string{fmt.Sprintf("案件 %s（%s）移送公安机关：%s期限已于 %s 届满，%s。",
		t.CaseRef, t.Office, names.clock.zh, due, names.who.zh), "请查看并跟进。"}
	return mailOf(subject, en, zh)
}
