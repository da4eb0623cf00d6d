package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// partyListData is a right's supply-chain page: its authorised parties and, for the
// holder side, the form to add one.
type partyListData struct {
	*enforce.SupplyChain
	New   ipr.Party // the add form, as the user typed it
	Roles []ipr.PartyRole
}

// RightPath is the right's own page.
func (d partyListData) RightPath() string { return "/rights/" + strconv.FormatInt(d.Right.ID, 10) }

// handlePartyList shows the authorised supply chain of a right.
func (s *Server) handlePartyList(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderParties(w, r, id, ipr.Party{Role: ipr.PartyExporter}, nil)
}

// renderParties shows the supply-chain page; with an input error, the add form is shown
// again with the problems marked and what the user typed kept.
func (s *Server) renderParties(w http.ResponseWriter, r *http.Request, rightID int64, typed ipr.Party, formErr error) {
	if formErr != nil && ipr.ErrorCode(formErr) != ipr.EINVALID {
		s.renderError(w, r, formErr)
		return
	}
	sc, err := s.svc.SupplyChain(r.Context(), userFrom(r), rightID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "party.title", partyListData{SupplyChain: sc, New: typed, Roles: ipr.PartyRoles})
	status := http.StatusOK
	if formErr != nil {
		p.Error, p.Fields, status = ipr.ErrorMessage(formErr), ipr.ErrorFields(formErr), http.StatusBadRequest
	}
	s.render(w, r, status, "parties", p)
}
