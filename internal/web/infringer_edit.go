package web

import (
	"net/http"
	"strconv"
)

// handleInfringerEdit shows the edit form of a known infringer.
func (s *Server) handleInfringerEdit(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	i, err := s.svc.InfringerToEdit(r.Context(), userFrom(r), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderInfringerForm(w, r, infringerFormData{Action: infringerPath(id) + "/edit", Editing: true, Infringer: *i}, nil)
}

// handleInfringerUpdate saves the edit form and returns to the list.
func (s *Server) handleInfringerUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err == nil {
		err = parseHolderForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	in := infringerFromForm(r)
	i, err := s.svc.UpdateInfringer(r.Context(), userFrom(r), id, in)
	if err != nil {
		in.ID = id
		s.renderInfringerForm(w, r, infringerFormData{Action: infringerPath(id) + "/edit", Editing: true, Infringer: in}, err)
		return
	}
	http.Redirect(w, r, "/infringers?holder="+strconv.FormatInt(i.HolderID, 10), http.StatusSeeOther)
}

func infringerPath(id int64) string { return "/infringers/" + strconv.FormatInt(id, 10) }
