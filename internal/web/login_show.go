package web

import (
	"net/http"
	"strings"
)

type loginData struct {
	Email string
	Next  string
}

func (s *Server) handleLoginShow(w http.ResponseWriter, r *http.Request) {
	if userFrom(r) != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login", s.newPage(r, "login.title", loginData{Next: r.URL.Query().Get("next")}))
}

// safeNext keeps redirects after sign-in on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
