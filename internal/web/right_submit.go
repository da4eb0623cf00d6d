package web

import (
	"net/http"
	"strconv"
)

// handleRightSubmit sends a draft or rejected recordation to customs for review.
func (s *Server) handleRightSubmit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if _, err := s.svc.SubmitRight(r.Context(), userFrom(r), id); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, rightURL(id, "submitted"), http.StatusSeeOther)
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
