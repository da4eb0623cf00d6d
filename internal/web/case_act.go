package web

import (
	"net/http"
	"net/url"
	"strconv"

	"bordermark/internal/ipr"
	"bordermark/internal/workflow"
)

// handleCaseAct sends one workflow event to a case, at the version the page
// showed. A refused form comes back with what was typed; a case someone else
// changed meanwhile comes back as it is now, saying so.
func (s *Server) handleCaseAct(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f := &caseForm{event: formValue(r, "event"), reason: r.PostFormValue("reason"),
		amount: formValue(r, "amount"), determination: formValue(r, "determination")}
	ev := workflow.Event{Kind: f.event, Reason: f.reason, Determination: f.determination}
	version, err := formVersion(r)
	if err == nil && f.amount != "" {
		if ev.Amount, err = ipr.ParseMoney(f.amount); err != nil {
			err = &ipr.Error{Code: ipr.EINVALID, Message: "the amount is not valid", Fields: map[string]string{"amount": err.Error()}}
		}
	}
	if err == nil {
		_, err = s.svc.ActOnCase(r.Context(), userFrom(r), id, version, ev)
	}
	s.afterCaseForm(w, r, id, f, renameField(err, "fine", "amount"), url.QueryEscape(f.event))
}

// afterCaseForm returns to the case page: with ?done= when err is nil, else the
// page again with the refused form.
func (s *Server) afterCaseForm(w http.ResponseWriter, r *http.Request, id int64, f *caseForm, err error, done string) {
	switch ipr.ErrorCode(err) {
	case "":
		http.Redirect(w, r, casePath(id)+"?done="+done, http.StatusSeeOther)
	case ipr.EINVALID, ipr.ECONFLICT:
		f.err = err
		s.showCase(w, r, ipr.HTTPStatus(err), f)
	default:
		s.renderError(w, r, err)
	}
}

// formVersion reads the case version the form was shown at.
func formVersion(r *http.Request) (int, error) {
	v, err := strconv.Atoi(formValue(r, "version"))
	if err != nil || v < 1 {
		return 0, &ipr.Error{Code: ipr.EINVALID, Message: "the form is not valid",
			Fields: map[string]string{"version": "is missing: reload the case"}}
	}
	return v, nil
}
