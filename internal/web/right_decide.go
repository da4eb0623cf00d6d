package web

import (
	"net/http"

	"bordermark/internal/ipr"
)

// handleRightDecide approves a submitted recordation, or rejects it with a reason:
// a customs supervisor's decision.
func (s *Server) handleRightDecide(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
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
	user, reason := userFrom(r), formValue(r, "reason")
	done := "approved"
	if approve {
		_, err = s.svc.ApproveRight(r.Context(), user, id)
	} else {
		_, err = s.svc.RejectRight(r.Context(), user, id, reason)
		done = "rejected"
	}
	if err != nil {
		if ipr.ErrorCode(err) != ipr.EINVALID {
			s.renderError(w, r, err)
			return
		}
		s.showRight(w, r, id, http.StatusBadRequest, &rightForm{name: "decide", reason: reason, err: err})
		return
	}
	http.Redirect(w, r, rightURL(id, done), http.StatusSeeOther)
}
