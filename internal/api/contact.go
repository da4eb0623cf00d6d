package api

import (
	"net/http"
	"strconv"

	"bordermark/internal/ipr"
)

// contactJSON is someone customs call to identify goods (schema Contact).
type contactJSON struct {
	ID         int64  `json:"id"`
	HolderID   int64  `json:"holder_id"`
	Name       string `json:"name"`
	Title      string `json:"title"`
	Phone      string `json:"phone"`
	Email      string `json:"email"`
	Languages  string `json:"languages"`
	Hours      string `json:"hours"`
	Escalation bool   `json:"escalation"`
}

func newContactJSON(c *ipr.Contact) contactJSON {
	return contactJSON{ID: c.ID, HolderID: c.HolderID, Name: c.Name, Title: c.Title, Phone: c.Phone,
		Email: c.Email, Languages: c.Languages, Hours: c.Hours, Escalation: c.Escalation}
}

// contactListJSON is a page of the contacts directory (schema ContactList).
type contactListJSON struct {
	Contacts []contactJSON `json:"contacts"`
	Total    int64         `json:"total"`
	Holders  []orgJSON     `json:"holders"`
}

// contactInput is the body of POST /contacts and PUT /contacts/{id} (schema
// ContactInput): every field, omitted ones become empty; holder_id on POST only.
type contactInput struct {
	HolderID   int64  `json:"holder_id"`
	Name       string `json:"name"`
	Title      string `json:"title"`
	Phone      string `json:"phone"`
	Email      string `json:"email"`
	Languages  string `json:"languages"`
	Hours      string `json:"hours"`
	Escalation bool   `json:"escalation"`
}

func (in contactInput) contact() ipr.Contact {
	return ipr.Contact{HolderID: in.HolderID, Name: in.Name, Title: in.Title, Phone: in.Phone, Email: in.Email,
		Languages: in.Languages, Hours: in.Hours, Escalation: in.Escalation}
}

// handleContactList is the directory: customs see every holder's contacts, a right
// holder its own, an agent its clients'.
func (a *API) handleContactList(w http.ResponseWriter, r *http.Request) {
	q, err := holderQuery(r.URL.Query())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	page, err := a.svc.ListContacts(r.Context(), userFrom(r), q)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := contactListJSON{Contacts: make([]contactJSON, len(page.Contacts)), Total: page.Total,
		Holders: newOrgListJSON(page.Holders)}
	for i, c := range page.Contacts {
		out.Contacts[i] = newContactJSON(c)
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) handleContactShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	c, err := a.svc.Contact(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newContactJSON(c))
}

// handleContactCreate adds a contact: a right holder its own, an agent a client's (holder_id).
func (a *API) handleContactCreate(w http.ResponseWriter, r *http.Request) {
	var in contactInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	c, err := a.svc.AddContact(r.Context(), userFrom(r), in.contact())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/contacts/"+strconv.FormatInt(c.ID, 10))
	writeJSON(w, http.StatusCreated, newContactJSON(c))
}

// handleContactUpdate replaces a contact's details; its holder stays.
func (a *API) handleContactUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in contactInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	if in.HolderID != 0 {
		a.fail(w, r, invalidBody("holder_id", "cannot be changed"))
		return
	}
	c, err := a.svc.UpdateContact(r.Context(), userFrom(r), id, in.contact())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newContactJSON(c))
}

func (a *API) handleContactDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.deleted(w, r, a.svc.DeleteContact(r.Context(), userFrom(r), id))
}
