package web

import "net/http"

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.svc.Logout(r.Context(), c.Value); err != nil {
			s.renderError(w, r, err)
			return
		}
	}
	clearCookie(w, r, sessionCookie)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
