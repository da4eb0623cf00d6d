package web

import "net/http"

// handleContactDelete removes a contact and returns to the list.
func (s *Server) handleContactDelete(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err == nil {
		err = s.svc.DeleteContact(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/contacts", http.StatusSeeOther)
}
