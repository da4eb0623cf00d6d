package web

import (
	"net/http"

	"bordermark/internal/ipr"
)

// handleCaseBond posts the bond of a CN case, drawn on the holder's general
// guarantee (source=guarantee) or paid in cash, which sends the event posting
// completes (apply or post_bond).
func (s *Server) handleCaseBond(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f := &caseForm{event: "bond"}
	version, err := formVersion(r)
	if err == nil {
		_, err = s.svc.PostBond(r.Context(), userFrom(r), id, version, formValue(r, "source") == "guarantee")
	}
	if ipr.ErrorCode(err) == ipr.EINVALID && ipr.ErrorFields(err)["amount"] != "" {
		err = renameField(err, "amount", "guarantee")
	}
	s.afterCaseForm(w, r, id, f, err, "bond")
}
