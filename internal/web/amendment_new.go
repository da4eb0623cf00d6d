package web

import (
	"net/http"
	"net/url"
	"strings"

	"bordermark/internal/ipr"
)

// amendmentInput is the amendment form as typed, to show it again when it fails.
type amendmentInput struct {
	Kind      ipr.AmendmentKind
	Owner     string
	Contacts  string
	Licensees string // one a line
	ValidTo   string
	Note      string
}

// amendment reads the input; a date that cannot be read is a field problem.
func (in amendmentInput) amendment() (*ipr.Amendment, error) {
	a := &ipr.Amendment{Kind: in.Kind, Owner: in.Owner, Contacts: in.Contacts, Note: in.Note,
		Licensees: strings.Split(in.Licensees, "\n")}
	validTo, err := ipr.ParseDate(in.ValidTo)
	if err != nil {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the amendment is not valid",
			Fields: map[string]string{"valid_to": err.Error()}}
	}
	a.ValidTo = validTo
	return a, nil
}

// handleAmendmentNew files a change of owner, contacts or licensees, or a renewal,
// of an approved recordation; customs review it before it changes the recordation.
func (s *Server) handleAmendmentNew(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if err := readForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	in := amendmentInput{Kind: ipr.AmendmentKind(formValue(r, "kind")), Owner: formValue(r, "owner"),
		Contacts: formValue(r, "contacts"), Licensees: formValue(r, "licensees"),
		ValidTo: formValue(r, "valid_to"), Note: formValue(r, "note")}
	a, err := in.amendment()
	if err == nil {
		_, err = s.svc.FileAmendment(r.Context(), userFrom(r), id, a)
	}
	if err != nil {
		if ipr.ErrorCode(err) != ipr.EINVALID {
			s.renderError(w, r, err)
			return
		}
		s.showRight(w, r, id, http.StatusBadRequest, &rightForm{name: "amend", amend: in, err: err})
		return
	}
	http.Redirect(w, r, rightURL(id, "amendment_filed"), http.StatusSeeOther)
}

// rightURL is a right's page, confirming what was done.
func rightURL(id int64, done string) string {
	u := "/rights/" + url.PathEscape(itoa64(id))
	if done != "" {
		u += "?done=" + url.QueryEscape(done)
	}
	return u
}
