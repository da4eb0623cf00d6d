package web

import (
	"net/http"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// contactFormData is the add or edit form of a contact.
type contactFormData struct {
	Contact ipr.Contact // as the user typed it
	Action  string      // where the form posts
	Editing bool
	Holders []*ipr.Org // the holders the user may add contacts for; a choice is shown when there are several
}

// contactFromForm reads the posted fields. A holder that is not a number stays 0 and
// is reported by the service as "choose the right holder".
func contactFromForm(r *http.Request) ipr.Contact {
	holder, _ := strconv.ParseInt(strings.TrimSpace(r.PostFormValue("holder")), 10, 64)
	return ipr.Contact{
		HolderID:   holder,
		Name:       r.PostFormValue("name"),
		Title:      r.PostFormValue("title"),
		Phone:      r.PostFormValue("phone"),
		Email:      r.PostFormValue("email"),
		Languages:  r.PostFormValue("languages"),
		Hours:      r.PostFormValue("hours"),
		Escalation: r.PostFormValue("escalation") == "on",
	}
}

// renderContactForm shows the form; with an input error, it shows it again with the
// problems marked and what the user typed kept. Other errors get the error page.
func (s *Server) renderContactForm(w http.ResponseWriter, r *http.Request, d contactFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	title := "contact.new_title"
	if d.Editing {
		title = "contact.edit_title"
	}
	p := s.newPage(r, title, d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = ipr.ErrorMessage(err), ipr.ErrorFields(err), ipr.HTTPStatus(err)
	}
	s.render(w, r, status, "contact_form", p)
}
