package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/ipr"
)

// handleInfringerNew shows the form to record a known infringer.
func (s *Server) handleInfringerNew(w http.ResponseWriter, r *http.Request) {
	holders, err := s.svc.HolderChoices(r.Context(), userFrom(r), ipr.ActionEditInfringer)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := infringerFormData{Action: "/infringers", Holders: holders, Infringer: ipr.Infringer{Kind: ipr.InfringerManufacturer}}
	d.Infringer.HolderID, _ = strconv.ParseInt(r.URL.Query().Get("holder"), 10, 64)
	s.renderInfringerForm(w, r, d, nil)
}

// handleInfringerCreate records a known infringer and returns to the list.
func (s *Server) handleInfringerCreate(w http.ResponseWriter, r *http.Request) {
	if err := parseHolderForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	user := userFrom(r)
	in := infringerFromForm(r)
	i, err := s.svc.AddInfringer(r.Context(), user, in)
	if err != nil {
		holders, _ := s.svc.HolderChoices(r.Context(), user, ipr.ActionEditInfringer)
		s.renderInfringerForm(w, r, infringerFormData{Action: "/infringers", Holders: holders, Infringer: in}, err)
		return
	}
	http.Redirect(w, r, "/infringers?holder="+strconv.FormatInt(i.HolderID, 10), http.StatusSeeOther)
}
