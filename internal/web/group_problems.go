package web

import "net/http"

// handleGroupProblems saves a group's common-problems text: its members and the secretariat may.
func (s *Server) handleGroupProblems(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err == nil {
		err = parseHolderForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	text := r.PostFormValue("problems")
	if err := s.svc.SetGroupProblems(r.Context(), userFrom(r), id, text); err != nil {
		s.renderGroup(w, r, id, &text, err)
		return
	}
	http.Redirect(w, r, groupPath(id), http.StatusSeeOther)
}
