package web

import (
	"net/http"
	"slices"
	"strconv"

	"bordermark/internal/ipr"
)

// mayWriteTips reports whether user may send customs a tip for some right holder.
func mayWriteTips(user *ipr.User) bool {
	if user == nil {
		return false
	}
	if user.Role == ipr.RoleAgent {
		return slices.ContainsFunc(user.ActsFor, func(id int64) bool {
			return ipr.Can(user, ipr.ActionSubmitTip, ipr.OrgResource("tip", id))
		})
	}
	return ipr.Can(user, ipr.ActionSubmitTip, ipr.OrgResource("tip", user.OrgID))
}

// tipRefusal is why user may not send a tip: not signed in, or not on a holder's side.
func tipRefusal(user *ipr.User) error {
	if user == nil {
		return ipr.Authorize(nil, ipr.ActionSubmitTip, ipr.Anything)
	}
	return &ipr.Error{Code: ipr.EFORBIDDEN, Message: "only a right holder or its agent may send customs a tip"}
}

// handleTipNew shows the form to send customs a tip.
func (s *Server) handleTipNew(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if !mayWriteTips(user) {
		s.renderError(w, r, tipRefusal(user))
		return
	}
	s.renderTipForm(w, r, newTipForm(s.today()), nil)
}

// handleTipCreate stores the tip and shows it; a refused form comes back with
// its problems marked and nothing stored.
func (s *Server) handleTipCreate(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if !mayWriteTips(user) { // before reading the files: those who may not send a tip do not get to upload
		s.renderError(w, r, tipRefusal(user))
		return
	}
	if err := readTipForm(w, r); err != nil {
		s.renderTipForm(w, r, tipFormFrom(r), err) // too large: the form again, the problem at its files
		return
	}
	uploads, closeAll, err := formUploads(r, tipFilesField)
	defer closeAll()
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := tipFormFrom(r)
	in, err := d.tip(user, s.today())
	if err == nil {
		tip, serr := s.svc.SubmitTip(r.Context(), user, in, uploads...)
		if serr == nil {
			http.Redirect(w, r, tipPath(tip.ID)+"?done=submitted", http.StatusSeeOther)
			return
		}
		err = serr
	}
	s.renderTipForm(w, r, d, err)
}

// renderTipForm shows the form; with an error, again with the problems marked.
// Errors that are not about the input get the error page.
func (s *Server) renderTipForm(w http.ResponseWriter, r *http.Request, d tipFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	user := userFrom(r)
	if user.Role == ipr.RoleAgent && len(user.ActsFor) > 1 {
		names := s.holderNames(r, user)
		for _, id := range user.ActsFor {
			d.Holders = append(d.Holders, tipHolder{ID: id, Name: holderName(names, id)})
		}
	}
	p := s.newPage(r, "tip.new.title", &d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("tip.form.invalid"), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = tipErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "tip_form", p)
}

func tipPath(id int64) string { return "/tips/" + strconv.FormatInt(id, 10) }
