package api

import (
	"net/http"

	"bordermark/internal/ipr"
)

// partyListJSON is a right's authorised supply chain (schema PartyList).
type partyListJSON struct {
	Parties []partyJSON `json:"parties"`
	CanEdit bool        `json:"can_edit"`
}

func newPartyJSON(p *ipr.Party) partyJSON {
	return partyJSON{ID: p.ID, Role: p.Role, Name: p.Name, Address: p.Address, RegCode: p.RegCode}
}

// partyInput is the body of POST /rights/{id}/parties (schema PartyInput).
type partyInput struct {
	Role    string `json:"role"`
	Name    string `json:"name"`
	Address string `json:"address"`
	RegCode string `json:"reg_code"`
}

// handlePartyList is the authorised supply chain of a right, by role and name.
func (a *API) handlePartyList(w http.ResponseWriter, r *http.Request) {
	rightID, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	sc, err := a.svc.SupplyChain(r.Context(), userFrom(r), rightID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := partyListJSON{Parties: make([]partyJSON, len(sc.Parties)), CanEdit: sc.CanEdit}
	for i, p := range sc.Parties {
		out.Parties[i] = newPartyJSON(p)
	}
	writeJSON(w, http.StatusOK, out)
}

// handlePartyCreate adds a company to a right's authorised supply chain.
func (a *API) handlePartyCreate(w http.ResponseWriter, r *http.Request) {
	rightID, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in partyInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	p, err := a.svc.AddParty(r.Context(), userFrom(r), rightID,
		ipr.Party{Role: ipr.PartyRole(in.Role), Name: in.Name, Address: in.Address, RegCode: in.RegCode})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, newPartyJSON(p))
}

// handlePartyDelete removes a company from the supply chain it belongs to.
func (a *API) handlePartyDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	_, err = a.svc.DeleteParty(r.Context(), userFrom(r), id)
	a.deleted(w, r, err)
}
