package web

import "net/http"

// handleInfringerDelete removes a known infringer and returns to the list.
func (s *Server) handleInfringerDelete(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err == nil {
		err = s.svc.DeleteInfringer(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/infringers", http.StatusSeeOther)
}
