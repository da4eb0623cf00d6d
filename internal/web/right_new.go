package web

import (
	"net/http"

	"bordermark/internal/ipr"
)

// handleRightNew shows an empty recordation form to a right holder or an agent.
func (s *Server) handleRightNew(w http.ResponseWriter, r *http.Request) {
	data, err := s.newRightForm(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.In.Kind = string(ipr.Trademark)
	s.renderRightForm(w, r, data, nil)
}

// handleRightCreate files the recordation as a draft and opens it.
func (s *Server) handleRightCreate(w http.ResponseWriter, r *http.Request) {
	data, err := s.newRightForm(r)
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.In = readRightInput(r)
	in, err := data.In.right()
	if err == nil {
		in, err = s.svc.FileRight(r.Context(), userFrom(r), in)
	}
	if err != nil {
		s.renderRightForm(w, r, data, err)
		return
	}
	http.Redirect(w, r, rightURL(in.ID, "filed"), http.StatusSeeOther)
}

// newRightForm is the form for filing: only the holder side files recordations.
func (s *Server) newRightForm(r *http.Request) (*rightFormData, error) {
	user := userFrom(r)
	if !holderSide(user) {
		return nil, ipr.Authorize(user, ipr.ActionEditRight, ipr.Anything)
	}
	data := &rightFormData{HolderName: user.OrgName}
	holders, err := s.clientHolders(r, user)
	if err != nil {
		return nil, err
	}
	data.Holders = holders
	return data, nil
}
