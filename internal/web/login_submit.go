package web

import (
	"net/http"

	"bordermark/internal/ipr"
)

func (s *Server) handleLoginSubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		s.renderError(w, r, ipr.Errorf(ipr.EINVALID, "the form could not be read"))
		return
	}
	data := loginData{Email: r.PostFormValue("email"), Next: r.PostFormValue("next")}
	if !s.logins.allow(clientAddr(r)) {
		s.loginFailed(w, r, data, ipr.Errorf(ipr.ETOOMANY, "too many sign-in attempts from your address; wait a minute and try again"))
		return
	}
	secret, _, err := s.svc.Login(r.Context(), data.Email, r.PostFormValue("password"))
	if err != nil {
		s.loginFailed(w, r, data, err)
		return
	}
	setCookie(w, r, sessionCookie, secret, ipr.SessionLifetime)
	http.Redirect(w, r, safeNext(data.Next), http.StatusSeeOther)
}

func (s *Server) loginFailed(w http.ResponseWriter, r *http.Request, data loginData, err error) {
	if ipr.ErrorCode(err) == ipr.EINTERNAL {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "login.title", data)
	p.Error = ipr.ErrorMessage(err)
	p.Fields = ipr.ErrorFields(err)
	s.render(w, r, ipr.HTTPStatus(err), "login", p)
}
