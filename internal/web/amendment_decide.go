package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/ipr"
)

// handleAmendmentDecide approves or rejects (with a reason) an amendment: a customs
// supervisor's decision, taken on the right's page.
func (s *Server) handleAmendmentDecide(w http.ResponseWriter, r *http.Request) {
	rightID, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	id, err := pathID(r, "amendment")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if err := readForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	approve, err := decision(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	reason := formValue(r, "reason")
	a, err := s.svc.DecideAmendment(r.Context(), userFrom(r), id, approve, reason)
	if err != nil {
		if ipr.ErrorCode(err) != ipr.EINVALID {
			s.renderError(w, r, err)
			return
		}
		form := &rightForm{name: "amendment-" + strconv.FormatInt(id, 10), reason: reason, err: err}
		s.showRight(w, r, rightID, http.StatusBadRequest, form)
		return
	}
	done := "amendment_rejected"
	if approve {
		done = "amendment_approved"
	}
	http.Redirect(w, r, rightURL(a.RightID, done)+"#amendment-"+strconv.FormatInt(a.ID, 10), http.StatusSeeOther)
}

// decision reads the decision field: approve or reject.
func decision(r *http.Request) (bool, error) {
	switch formValue(r, "decision") {
	case "approve":
		return true, nil
	case "reject":
		return false, nil
	}
	return false, &ipr.Error{Code: ipr.EINVALID, Message: "choose approve or reject",
		Fields: map[string]string{"decision": "must be approve or reject"}}
}
