package web

import (
	"net/http"
	"net/url"
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

// safeNext keeps redirects after sign-in on this site. Control characters and
// backslashes are refused too: browsers drop tabs and newlines and read a backslash as "/",
// so "/\t/evil.example" would lead to //evil.example.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(next, "/") ||
		strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		return "/"
	}
	return next
}
