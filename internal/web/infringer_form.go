package web

import (
	"net/http"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// infringerFormData is the add or edit form of a known infringer.
type infringerFormData struct {
	Infringer ipr.Infringer // as the user typed it
	Action    string        // where the form posts
	Editing   bool
	Holders   []*ipr.Org // the holders the user may file for; a choice is shown when there are several
	Kinds     []ipr.InfringerKind
}

// infringerFromForm reads the posted fields. A holder that is not a number stays 0 and
// is reported by the service as "choose the right holder".
func infringerFromForm(r *http.Request) ipr.Infringer {
	holder, _ := strconv.ParseInt(strings.TrimSpace(r.PostFormValue("holder")), 10, 64)
	return ipr.Infringer{
		HolderID: holder,
		Kind:     ipr.InfringerKind(strings.TrimSpace(r.PostFormValue("kind"))),
		Name:     r.PostFormValue("name"),
		Address:  r.PostFormValue("address"),
		Route:    r.PostFormValue("route"),
		Evidence: strings.ReplaceAll(r.PostFormValue("evidence"), "\r\n", "\n"),
	}
}

// renderInfringerForm shows the form; with an error, it shows it again with the problems
// marked and what the user typed kept. Errors that are not about the input get the error page.
func (s *Server) renderInfringerForm(w http.ResponseWriter, r *http.Request, d infringerFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	d.Kinds = ipr.InfringerKinds
	title := "infringer.new_title"
	if d.Editing {
		title = "infringer.edit_title"
	}
	p := s.newPage(r, title, d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = ipr.ErrorMessage(err), ipr.ErrorFields(err), ipr.HTTPStatus(err)
	}
	s.render(w, r, status, "infringer_form", p)
}
