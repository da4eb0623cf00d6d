package web

import (
	"net/http"
	"strconv"
)

// handleContactEdit shows the edit form of a contact.
func (s *Server) handleContactEdit(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	c, err := s.svc.ContactToEdit(r.Context(), userFrom(r), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderContactForm(w, r, contactFormData{Action: contactPath(id) + "/edit", Editing: true, Contact: *c}, nil)
}

// handleContactUpdate saves the edit form and returns to the list.
func (s *Server) handleContactUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err == nil {
		err = parseHolderForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	in := contactFromForm(r)
	c, err := s.svc.UpdateContact(r.Context(), userFrom(r), id, in)
	if err != nil {
		in.ID = id
		s.renderContactForm(w, r, contactFormData{Action: contactPath(id) + "/edit", Editing: true, Contact: in}, err)
		return
	}
	http.Redirect(w, r, "/contacts?holder="+strconv.FormatInt(c.HolderID, 10), http.StatusSeeOther)
}

func contactPath(id int64) string { return "/contacts/" + strconv.FormatInt(id, 10) }
