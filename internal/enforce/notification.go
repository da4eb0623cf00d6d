package enforce

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// notificationLimit is how many notifications the list shows: the newest.
const notificationLimit = 100

// SendRenewalReminders reminds right holders that a recordation ends soon: 6 months,
// 1 month and 1 week before its end (ipr.RenewalReminders). A recordation gets the
// reminder of the tightest window it is in, so a server started late does not send
// three at once; each reminder is stored once (per holder, kind, right and end date),
// so running this again, or every hour, creates nothing new. It returns how many it created.
func (s *Service) SendRenewalReminders(ctx context.Context) (int, error) {
	now := s.Clock.Now()
	today := ipr.DateOf(now, time.UTC)
	created := 0
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		widest := today
		for _, rem := range ipr.RenewalReminders {
			widest = maxDate(widest, today.AddDate(0, rem.Months, rem.Days))
		}
		rights, err := tx.RightsEnding(ctx, today, widest)
		if err != nil {
			return err
		}
		for _, r := range rights {
			kind, ok := reminderFor(r.RecordTo, today)
			if !ok {
				continue
			}
			n := renewalNotice(r, kind, now)
			added, err := tx.CreateNotification(ctx, n)
			if err != nil {
				return err
			}
			if added {
				created++
			}
		}
		if created == 0 {
			return nil
		}
		return s.audit(ctx, tx, ipr.SystemUser(), change{Action: "notification.renewal", ObjectType: "notification",
			After: fmt.Sprintf("%d renewal reminders created", created)})
	})
	if err != nil {
		return 0, err
	}
	return created, nil
}

// reminderFor is the kind of the tightest reminder window that end falls in, seen from today.
func reminderFor(end, today ipr.Date) (string, bool) {
	kind, found := "", false
	var tightest ipr.Date
	for _, rem := range ipr.RenewalReminders {
		limit := today.AddDate(0, rem.Months, rem.Days)
		if end.After(limit) || end.Before(today) {
			continue
		}
		if !found || limit.Before(tightest) {
			kind, tightest, found = rem.Kind, limit, true
		}
	}
	return kind, found
}

func maxDate(a, b ipr.Date) ipr.Date {
	if a.After(b) {
		return a
	}
	return b
}

// renewalNotice is the reminder to r's holder. Args carry the values of the translated text.
func renewalNotice(r *ipr.Right, kind string, now time.Time) *ipr.Notification {
	return &ipr.Notification{
		OrgID: r.HolderID, Kind: kind, ObjectType: "right", ObjectID: r.ID,
		Text: fmt.Sprintf("The recordation of %s (%s) ends on %s: you may file a renewal now.",
			r.Mark, r.Ref, r.RecordTo),
		Args:  strings.Join([]string{r.Mark, r.Ref, r.RecordTo.String()}, "|"),
		DueOn: r.RecordTo, CreatedAt: now,
	}
}

// noticeOrgs are the organisations whose notifications actor reads: its own
// (a right holder's, a customs office's, a police unit's), an agent its
// clients'; each one passes ipr.Can.
func noticeOrgs(actor *ipr.User) ([]int64, error) {
	if actor == nil {
		return nil, ipr.Authorize(nil, ipr.ActionReadNotices, ipr.Anything)
	}
	candidates := []int64{actor.OrgID}
	if actor.Role == ipr.RoleAgent {
		candidates = actor.ActsFor
	}
	var orgs []int64
	for _, id := range candidates {
		if ipr.Can(actor, ipr.ActionReadNotices, ipr.OrgResource("notification", id)) {
			orgs = append(orgs, id)
		}
	}
	if len(orgs) == 0 && actor.Role != ipr.RoleAgent { // an agent without clients: nothing yet
		return nil, ipr.Errorf(ipr.EFORBIDDEN, "you get no notifications")
	}
	return orgs, nil
}

// Notifications returns the newest notifications of actor's organisation (an agent: its clients').
func (s *Service) Notifications(ctx context.Context, actor *ipr.User) ([]*ipr.Notification, error) {
	orgs, err := noticeOrgs(actor)
	if err != nil {
		return nil, err
	}
	var list []*ipr.Notification
	err = s.DB.View(ctx, func(tx *store.Tx) (err error) {
		list, err = tx.Notifications(ctx, orgs, notificationLimit)
		return err
	})
	return list, err
}

// UnreadNotifications counts actor's unread notifications, for the page header; 0 for
// those who get none.
func (s *Service) UnreadNotifications(ctx context.Context, actor *ipr.User) (int64, error) {
	orgs, err := noticeOrgs(actor)
	if err != nil {
		return 0, nil
	}
	var n int64
	err = s.DB.View(ctx, func(tx *store.Tx) (err error) {
		n, err = tx.CountUnread(ctx, orgs)
		return err
	})
	return n, err
}

// MarkNotificationRead marks a notification read. Those who may read their
// organisation's notices may mark it; to anyone else it does not exist.
func (s *Service) MarkNotificationRead(ctx context.Context, actor *ipr.User, id int64) (*ipr.Notification, error) {
	if _, err := noticeOrgs(actor); err != nil {
		return nil, err
	}
	var out *ipr.Notification
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		n, err := tx.NotificationByID(ctx, id)
		if err != nil {
			return err
		}
		if !ipr.Can(actor, ipr.ActionReadNotices, ipr.OrgResource("notification", n.OrgID)) {
			return &ipr.Error{Code: ipr.ENOTFOUND, Message: "notification not found",
				Fields: map[string]string{"notification": "no notification with id " + strconv.FormatInt(id, 10)}}
		}
		if n.ReadAt.IsZero() {
			n.ReadAt = s.Clock.Now()
			if err := tx.MarkNotificationRead(ctx, id, n.ReadAt); err != nil {
				return err
			}
		}
		out = n
		return nil
	})
	return out, err
}
