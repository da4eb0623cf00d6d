package web

import (
	"net/http"

	"bordermark/internal/enforce"
)

// handleHome is the public front page for visitors and the dashboard for signed-in users.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if user == nil {
		s.render(w, r, http.StatusOK, "home", s.newPage(r, "home.title", nil))
		return
	}
	counts, err := s.svc.Dashboard(r.Context(), user)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "dashboard", s.newPage(r, "dashboard.title", dashboardData{Counts: counts}))
}

type dashboardData struct {
	Counts []enforce.Count
}
