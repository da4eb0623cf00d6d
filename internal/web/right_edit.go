package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/ipr"
)

// handleRightEdit shows a draft or rejected recordation in the form, with its
// version, so that a change made meanwhile by someone else is not overwritten.
func (s *Server) handleRightEdit(w http.ResponseWriter, r *http.Request) {
	data, err := s.editRightForm(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderRightForm(w, r, data, nil)
}

// handleRightUpdate saves the edited recordation.
func (s *Server) handleRightUpdate(w http.ResponseWriter, r *http.Request) {
	data, err := s.editRightForm(r)
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.In = readRightInput(r)
	version, err := strconv.Atoi(formValue(r, "version"))
	if err != nil || version < 1 {
		s.renderRightForm(w, r, data, &ipr.Error{Code: ipr.EINVALID, Message: "the form is incomplete",
			Fields: map[string]string{"version": "is missing; reload the form"}})
		return
	}
	data.Version = version // the version the user edited, kept if the save is refused
	in, err := data.In.right()
	if err == nil {
		_, err = s.svc.UpdateRight(r.Context(), userFrom(r), data.ID, version, in)
	}
	if err != nil {
		s.renderRightForm(w, r, data, err)
		return
	}
	http.Redirect(w, r, rightURL(data.ID, "updated"), http.StatusSeeOther)
}

// editRightForm loads the right into the form, if the user may edit it now.
func (s *Server) editRightForm(r *http.Request) (*rightFormData, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	user := userFrom(r)
	d, err := s.svc.Right(r.Context(), user, id)
	if err != nil {
		return nil, err
	}
	res := ipr.Resource{Kind: "right", OrgID: d.HolderID, State: string(d.Status)}
	if !d.Editable() {
		if !ipr.Can(user, ipr.ActionEditRight, ipr.Resource{Kind: "right", OrgID: d.HolderID}) {
			return nil, ipr.Authorize(user, ipr.ActionEditRight, res)
		}
		return nil, ipr.Errorf(ipr.ECONFLICT, "only a draft or rejected recordation can be edited; this one is %s; file an amendment instead", d.Status)
	}
	if err := ipr.Authorize(user, ipr.ActionEditRight, res); err != nil {
		return nil, err
	}
	return &rightFormData{ID: d.ID, Version: d.Version, HolderName: d.HolderName, In: inputOf(d.Right)}, nil
}
