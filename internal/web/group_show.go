package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// groupShowData is a working group's page; Problems is the text in the edit form.
type groupShowData struct {
	*enforce.GroupDetail
	Problems string
	Holder   string // the holder chosen in the add-member form
}

// Path is the group's page.
func (d groupShowData) Path() string { return "/groups/" + strconv.FormatInt(d.ID, 10) }

// handleGroupShow is a working group's page: its member right holders with their brands,
// and the common problems the group reports.
func (s *Server) handleGroupShow(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderGroup(w, r, id, nil, nil)
}

// renderGroup shows the group's page. After a refused form, formErr is shown with the
// status it maps to, and typed keeps what the user typed in the problems form.
func (s *Server) renderGroup(w http.ResponseWriter, r *http.Request, id int64, typed *string, formErr error) {
	if code := ipr.ErrorCode(formErr); formErr != nil && code != ipr.EINVALID && code != ipr.ECONFLICT {
		s.renderError(w, r, formErr)
		return
	}
	g, err := s.svc.WorkingGroup(r.Context(), userFrom(r), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data := groupShowData{GroupDetail: g, Problems: g.WorkingGroup.Problems}
	if typed != nil {
		data.Problems = *typed
	}
	if formErr != nil && r.PostFormValue("holder") != "" {
		data.Holder = r.PostFormValue("holder")
	}
	p := s.newPage(r, "group.title", data)
	status := http.StatusOK
	if formErr != nil {
		p.Error, p.Fields, status = ipr.ErrorMessage(formErr), ipr.ErrorFields(formErr), ipr.HTTPStatus(formErr)
	}
	s.render(w, r, status, "group", p)
}
