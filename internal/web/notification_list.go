package web

import (
	"net/http"
	"strings"

	"bordermark/internal/ipr"
)

// notificationView is a notification in the page language.
type notificationView struct {
	*ipr.Notification
	Message string
	Link    string
}

// Unread reports whether the notification has not been read yet.
func (n notificationView) Unread() bool { return n.ReadAt.IsZero() }

// handleNotificationList shows a right holder's (or an agent's) notifications, newest first.
func (s *Server) handleNotificationList(w http.ResponseWriter, r *http.Request) {
	list, err := s.svc.Notifications(r.Context(), userFrom(r))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "notification.title", nil)
	views := make([]notificationView, len(list))
	for i, n := range list {
		views[i] = notificationView{Notification: n, Message: notificationText(p.L, n), Link: notificationLink(n)}
	}
	p.Data = views
	s.render(w, r, http.StatusOK, "notifications", p)
}

// notificationText translates a notification by its kind, with its arguments; the
// stored English text when the catalogue does not know the kind.
func notificationText(l *Catalog, n *ipr.Notification) string {
	key := "notification." + n.Kind
	msg := l.T(key)
	if msg == key {
		return n.Text
	}
	var args []any
	for _, a := range strings.Split(n.Args, "|") {
		args = append(args, a)
	}
	if strings.Count(msg, "%s") != len(args) {
		return n.Text
	}
	return l.T(key, args...)
}

// notificationLink is the page a notification is about, "" when none.
func notificationLink(n *ipr.Notification) string {
	if n.ObjectID <= 0 {
		return ""
	}
	switch n.ObjectType {
	case "right":
		return "/rights/" + itoa64(n.ObjectID)
	case "case":
		return casePath(n.ObjectID)
	case "identification":
		return identificationPath(n.ObjectID)
	case "transfer":
		return transferPath(n.ObjectID)
	case "question":
		return questionPath(n.ObjectID)
	}
	return ""
}

// countNotifications puts the number of unread notifications next to their link.
// A failure only loses the figure, not the page.
func (s *Server) countNotifications(r *http.Request, nav []navItem) {
	for i := range nav {
		if nav[i].Path != "/notifications" {
			continue
		}
		n, err := s.svc.UnreadNotifications(r.Context(), userFrom(r))
		if err != nil {
			s.log.Warn("count notifications", "err", err)
		}
		nav[i].Count = n
	}
}
