package web

import (
	"net/http"
	"strconv"
)

// handlePartyDelete removes an authorised party and returns to its right's supply chain.
func (s *Server) handlePartyDelete(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	var rightID int64
	if err == nil {
		rightID, err = s.svc.DeleteParty(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/rights/"+strconv.FormatInt(rightID, 10)+"/parties", http.StatusSeeOther)
}
