package web

import (
	"net/http"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// handleCaseRecompute counts the case's running deadlines again with the
// calendars in use now (after a new year's calendar is imported, say).
func (s *Server) handleCaseRecompute(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	version, err := formVersion(r)
	if err == nil {
		_, err = s.svc.RecomputeDeadlines(r.Context(), userFrom(r), id, version)
	}
	s.afterCaseForm(w, r, id, &caseForm{}, err, "recompute")
}

// hasRunning reports whether a deadline is still running.
func hasRunning(list []enforce.DeadlineView) bool {
	for _, d := range list {
		if d.State == ipr.DeadlineRunning {
			return true
		}
	}
	return false
}
