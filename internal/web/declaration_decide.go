package web

import (
	"errors"
	"net/http"

	"bordermark/internal/ipr"
)

// handleDeclarationDismiss records that a flag was unfounded, with the officer's reason.
func (s *Server) handleDeclarationDismiss(w http.ResponseWriter, r *http.Request) {
	s.decideDeclaration(w, r, "dismiss", "dismissed")
}

// handleDeclarationInspect sends the declaration's goods to inspection, with an optional note.
func (s *Server) handleDeclarationInspect(w http.ResponseWriter, r *http.Request) {
	s.decideDeclaration(w, r, "inspect", "inspection")
}

// decideDeclaration posts a decision form (dismiss, whose text is "reason", or
// inspect, whose text is "note") and returns to the declaration's page. A refused
// form comes back with what was typed; a declaration someone else decided
// meanwhile comes back showing that decision.
func (s *Server) decideDeclaration(w http.ResponseWriter, r *http.Request, form, done string) {
	if err := readForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	user, id := userFrom(r), r.PathValue("id")
	field := "reason"
	if form == "inspect" {
		field = "note"
	}
	text := r.PostFormValue(field)
	var err error
	if form == "dismiss" {
		_, err = s.svc.DismissDeclaration(r.Context(), user, id, text)
	} else {
		_, err = s.svc.MarkForInspection(r.Context(), user, id, text)
	}
	switch ipr.ErrorCode(err) {
	case "":
		http.Redirect(w, r, declarationPath(id)+"?done="+done, http.StatusSeeOther)
	case ipr.EINVALID, ipr.ECONFLICT:
		s.showDeclaration(w, r, ipr.HTTPStatus(err), &decisionForm{name: form, text: text, err: renameField(err, "reason", field)})
	default:
		s.renderError(w, r, err)
	}
}

// renameField is err with the problem of field from reported under to: the
// service names a decision's text "reason", which the inspection form calls "note".
func renameField(err error, from, to string) error {
	var e *ipr.Error
	if !errors.As(err, &e) || from == to || e.Fields[from] == "" {
		return err
	}
	out := *e
	out.Fields = map[string]string{}
	for k, v := range e.Fields {
		if k == from {
			k = to
		}
		out.Fields[k] = v
	}
	return &out
}
