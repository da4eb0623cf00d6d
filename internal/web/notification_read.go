package web

import (
	"net/http"
)

// handleNotificationRead marks a notification read and opens what it is about
// (or the list again, with next=list).
func (s *Server) handleNotificationRead(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if err := readForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	n, err := s.svc.MarkNotificationRead(r.Context(), userFrom(r), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	next := notificationLink(n)
	if next == "" || r.PostFormValue("next") == "list" {
		next = "/notifications"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}
