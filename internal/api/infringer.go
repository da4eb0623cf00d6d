package api

import (
	"net/http"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// infringerJSON is a known infringer of a right holder (schema Infringer).
type infringerJSON struct {
	ID        int64             `json:"id"`
	HolderID  int64             `json:"holder_id"`
	Kind      ipr.InfringerKind `json:"kind"`
	Name      string            `json:"name"`
	Address   string            `json:"address"`
	Route     string            `json:"route"`
	Evidence  string            `json:"evidence"`
	CreatedAt time.Time         `json:"created_at"`
	UpdatedAt time.Time         `json:"updated_at"`
}

func newInfringerJSON(i *ipr.Infringer) infringerJSON {
	return infringerJSON{ID: i.ID, HolderID: i.HolderID, Kind: i.Kind, Name: i.Name, Address: i.Address,
		Route: i.Route, Evidence: i.Evidence, CreatedAt: i.CreatedAt, UpdatedAt: i.UpdatedAt}
}

// infringerListJSON is a page of known infringers (schema InfringerList).
type infringerListJSON struct {
	Infringers []infringerJSON `json:"infringers"`
	Total      int64           `json:"total"`
	Holders    []orgJSON       `json:"holders"`
}

// infringerInput is the body of POST /infringers and PUT /infringers/{id} (schema
// InfringerInput): every field, omitted ones become empty; holder_id on POST only.
type infringerInput struct {
	HolderID int64  `json:"holder_id"`
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	Address  string `json:"address"`
	Route    string `json:"route"`
	Evidence string `json:"evidence"`
}

func (in infringerInput) infringer() ipr.Infringer {
	return ipr.Infringer{HolderID: in.HolderID, Kind: ipr.InfringerKind(in.Kind), Name: in.Name,
		Address: in.Address, Route: in.Route, Evidence: in.Evidence}
}

// handleInfringerList lists known infringers: customs see every holder's, a right
// holder its own, an agent its clients'.
func (a *API) handleInfringerList(w http.ResponseWriter, r *http.Request) {
	q, err := holderQuery(r.URL.Query())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	page, err := a.svc.ListInfringers(r.Context(), userFrom(r), q)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := infringerListJSON{Infringers: make([]infringerJSON, len(page.Infringers)), Total: page.Total,
		Holders: newOrgListJSON(page.Holders)}
	for i, inf := range page.Infringers {
		out.Infringers[i] = newInfringerJSON(inf)
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) handleInfringerShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	i, err := a.svc.Infringer(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newInfringerJSON(i))
}

// handleInfringerCreate records a known infringer: a right holder its own, an agent a client's (holder_id).
func (a *API) handleInfringerCreate(w http.ResponseWriter, r *http.Request) {
	var in infringerInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	i, err := a.svc.AddInfringer(r.Context(), userFrom(r), in.infringer())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/infringers/"+strconv.FormatInt(i.ID, 10))
	writeJSON(w, http.StatusCreated, newInfringerJSON(i))
}

// handleInfringerUpdate replaces a known infringer's details; its holder stays.
func (a *API) handleInfringerUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in infringerInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	if in.HolderID != 0 {
		a.fail(w, r, invalidBody("holder_id", "cannot be changed"))
		return
	}
	i, err := a.svc.UpdateInfringer(r.Context(), userFrom(r), id, in.infringer())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newInfringerJSON(i))
}

func (a *API) handleInfringerDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.deleted(w, r, a.svc.DeleteInfringer(r.Context(), userFrom(r), id))
}
