package web

import (
	"net/http"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// handlePartyAdd adds an authorised party to a right's supply chain.
func (s *Server) handlePartyAdd(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err == nil {
		err = parseHolderForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	in := ipr.Party{
		Role:    ipr.PartyRole(strings.TrimSpace(r.PostFormValue("role"))),
		Name:    r.PostFormValue("name"),
		Address: r.PostFormValue("address"),
		RegCode: r.PostFormValue("reg_code"),
	}
	if _, err := s.svc.AddParty(r.Context(), userFrom(r), id, in); err != nil {
		s.renderParties(w, r, id, in, err)
		return
	}
	http.Redirect(w, r, "/rights/"+strconv.FormatInt(id, 10)+"/parties", http.StatusSeeOther)
}
