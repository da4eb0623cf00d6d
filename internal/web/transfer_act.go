package web

import (
	"net/http"
	"net/url"

	"bordermark/internal/ipr"
)

// handleTransferAct sends one event to a transfer at the version the page
// showed; a refused form comes back with what was typed.
func (s *Server) handleTransferAct(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f := &transferFailure{event: formValue(r, "event"), reason: formValue(r, "reason")}
	version, err := formVersion(r)
	if err == nil {
		_, err = s.svc.ActOnTransfer(r.Context(), userFrom(r), id, version, f.event, f.reason)
	}
	s.afterTransferForm(w, r, id, f, err, url.QueryEscape(f.event))
}

// handleTransferOutcome records a step of the criminal case of an accepted transfer.
func (s *Server) handleTransferOutcome(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f := &transferFailure{event: "outcome", reason: formValue(r, "note")}
	_, err = s.svc.RecordOutcome(r.Context(), userFrom(r), id,
		ipr.TransferOutcome{Kind: ipr.OutcomeKind(formValue(r, "kind")), Note: f.reason})
	s.afterTransferForm(w, r, id, f, err, "outcome")
}

// afterTransferForm returns to the transfer page: with ?done= when err is nil,
// else the page again with the refused form.
func (s *Server) afterTransferForm(w http.ResponseWriter, r *http.Request, id int64, f *transferFailure, err error, done string) {
	switch ipr.ErrorCode(err) {
	case "":
		http.Redirect(w, r, transferPath(id)+"?done="+done, http.StatusSeeOther)
	case ipr.EINVALID, ipr.ECONFLICT:
		f.err = err
		s.showTransfer(w, r, ipr.HTTPStatus(err), f)
	default:
		s.renderError(w, r, err)
	}
}
