package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

type publicTipStatusData struct {
	Receipt string
	Status  *enforce.PublicTipStatus
	Errs    publicTipErrors
}

// handlePublicTipStatusForm asks for a receipt and its secret. It is a POST form
// so that the secret never lands in an address bar, a log or a Referer.
func (s *Server) handlePublicTipStatusForm(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "publictip.status_title", nil)
	p.Data = &publicTipStatusData{Errs: s.newPublicTipErrors(p.L.Lang)}
	s.render(w, r, http.StatusOK, "publictip_status", p)
}

// handlePublicTipStatus shows a tip's status to whoever has its receipt and
// secret: the status and dates only, nothing the reporter wrote.
func (s *Server) handlePublicTipStatus(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "publictip.status_title", nil)
	data := &publicTipStatusData{Errs: s.newPublicTipErrors(p.L.Lang)}
	p.Data = data
	if !s.reports.checks.allow(clientAddr(r)) {
		w.Header().Set("Retry-After", strconv.Itoa(int(publicTipWindow/time.Second)))
		p.Error = p.L.T("publictip.error.too_many")
		s.render(w, r, http.StatusTooManyRequests, "publictip_status", p)
		return
	}
	if err := readForm(w, r); err != nil {
		p.Error = p.L.T("publictip.error.unreadable")
		s.render(w, r, http.StatusBadRequest, "publictip_status", p)
		return
	}
	data.Receipt = strings.ToUpper(formValue(r, "receipt"))
	status, err := s.svc.PublicTipStatusOf(r.Context(), data.Receipt, strings.ToUpper(formValue(r, "secret")))
	if err != nil {
		if ipr.ErrorCode(err) == ipr.EINTERNAL {
			s.renderError(w, r, err)
			return
		}
		p.Error = p.L.T("publictip.error.no_match")
		p.Fields = map[string]string{"receipt": "publictip.problem.no_match", "secret": "publictip.problem.no_match"}
		data.Errs.Fields = p.Fields
		s.render(w, r, ipr.HTTPStatus(err), "publictip_status", p)
		return
	}
	data.Status = status
	s.render(w, r, http.StatusOK, "publictip_status", p)
}

// publicTipErrors shows the tip line's field problems in the page's language, naming
// the field, with the English words after the Chinese so that both can be read.
type publicTipErrors struct {
	L, Alt *Catalog // the page's language and the other one
	Fields map[string]string
}

// newPublicTipErrors shows problems in lang first.
func (s *Server) newPublicTipErrors(lang string) publicTipErrors {
	alt := "zh"
	if lang == "zh" {
		alt = "en"
	}
	return publicTipErrors{L: s.catalogs[lang], Alt: s.catalogs[alt]}
}

// publicTipProblemKeys translate the domain's English problems.
var publicTipProblemKeys = map[string]string{
	ipr.ProblemRequired: "publictip.problem.required",
	ipr.ProblemTooLong:  "publictip.problem.too_long",
	ipr.ProblemText:     "publictip.problem.text",
	ipr.ProblemUnknown:  "publictip.problem.unknown",
}

// For is the problem of field name, "" when none: "What you saw: is required".
func (e publicTipErrors) For(name string) string { return e.in(e.L, name) }

func (e publicTipErrors) in(l *Catalog, name string) string {
	msg := e.Fields[name]
	if msg == "" || l == nil {
		return msg
	}
	label := l.T("publictip.field." + name)
	if key, ok := publicTipProblemKeys[msg]; ok {
		return label + ": " + l.T(key)
	}
	if strings.HasPrefix(msg, "publictip.") {
		return label + ": " + l.T(msg)
	}
	return label + ": " + msg // a photo's own problem, from the upload checks (in English)
}

// Has reports whether field name has a problem, for aria-invalid.
func (e publicTipErrors) Has(name string) bool { return e.Fields[name] != "" }

// List is every problem, in the form's order.
func (e publicTipErrors) List() []string {
	var out []string
	for _, f := range []string{"what", "where", "seller", "shipment", "photos", "proof", "receipt", "secret"} {
		if m := e.For(f); m != "" {
			if alt := e.in(e.Alt, f); alt != m && alt != "" {
				m += " · " + alt
			}
			out = append(out, m)
		}
	}
	return out
}
