package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/ipr"
)

// handleContactNew shows the form to add a contact to the directory.
func (s *Server) handleContactNew(w http.ResponseWriter, r *http.Request) {
	holders, err := s.svc.HolderChoices(r.Context(), userFrom(r), ipr.ActionEditContact)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := contactFormData{Action: "/contacts", Holders: holders, Contact: ipr.Contact{}}
	d.Contact.HolderID, _ = strconv.ParseInt(r.URL.Query().Get("holder"), 10, 64)
	s.renderContactForm(w, r, d, nil)
}

// handleContactCreate adds a contact and returns to the list.
func (s *Server) handleContactCreate(w http.ResponseWriter, r *http.Request) {
	if err := parseHolderForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	user := userFrom(r)
	in := contactFromForm(r)
	c, err := s.svc.AddContact(r.Context(), user, in)
	if err != nil {
		holders, _ := s.svc.HolderChoices(r.Context(), user, ipr.ActionEditContact)
		s.renderContactForm(w, r, contactFormData{Action: "/contacts", Holders: holders, Contact: in}, err)
		return
	}
	http.Redirect(w, r, "/contacts?holder="+strconv.FormatInt(c.HolderID, 10), http.StatusSeeOther)
}
