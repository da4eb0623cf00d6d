package web

import "net/http"

// handleRuleDelete removes a risk rule and returns to the list. Declarations
// that met it keep the record of it.
func (s *Server) handleRuleDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = s.svc.DeleteRule(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/rules?done=deleted", http.StatusSeeOther)
}
