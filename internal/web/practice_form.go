package web

import (
	"net/http"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// practiceFormData is the note form, kept as typed.
type practiceFormData struct {
	ID    int64
	Title string
	Body  string
	Tags  string
	Errs  fieldErrors
}

// Action is where the form posts.
func (d *practiceFormData) Action() string {
	if d.ID != 0 {
		return practicePath(d.ID) + "/edit"
	}
	return "/practice/new"
}

func (d *practiceFormData) note() ipr.PracticeNote {
	return ipr.PracticeNote{Title: d.Title, Body: d.Body, Tags: splitTags(d.Tags)}
}

// handlePracticeNew shows the form for a new note.
func (s *Server) handlePracticeNew(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if err := ipr.Authorize(user, ipr.ActionWritePractice, ipr.OrgResource("practice", user.OrgIDOrZero())); err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderPracticeForm(w, r, &practiceFormData{}, nil)
}

// handlePracticeCreate publishes a new note to the members.
func (s *Server) handlePracticeCreate(w http.ResponseWriter, r *http.Request) {
	if err := readForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	d := practiceFormFrom(r)
	v, err := s.svc.WritePracticeNote(r.Context(), userFrom(r), d.note())
	if err != nil {
		s.renderPracticeForm(w, r, d, err)
		return
	}
	http.Redirect(w, r, practicePath(v.ID)+"?done=saved", http.StatusSeeOther)
}

// handlePracticeEdit shows the form of a note of the user's organisation.
func (s *Server) handlePracticeEdit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	var v *enforce.PracticeView
	if err == nil {
		v, err = s.svc.PracticeNote(r.Context(), userFrom(r), id)
	}
	if err == nil && !v.CanEdit {
		err = ipr.Authorize(userFrom(r), ipr.ActionWritePractice, ipr.OrgResource("practice", v.OrgID))
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderPracticeForm(w, r, &practiceFormData{ID: v.ID, Title: v.Title, Body: v.Body, Tags: strings.Join(v.Tags, ", ")}, nil)
}

// handlePracticeUpdate saves a changed note.
func (s *Server) handlePracticeUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := practiceFormFrom(r)
	d.ID = id
	if _, err := s.svc.UpdatePracticeNote(r.Context(), userFrom(r), id, d.note()); err != nil {
		s.renderPracticeForm(w, r, d, err)
		return
	}
	http.Redirect(w, r, practicePath(id)+"?done=saved", http.StatusSeeOther)
}

func practiceFormFrom(r *http.Request) *practiceFormData {
	return &practiceFormData{Title: r.PostFormValue("title"), Body: r.PostFormValue("body"), Tags: r.PostFormValue("tags")}
}

func (s *Server) renderPracticeForm(w http.ResponseWriter, r *http.Request, d *practiceFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	title := "practice.new.title"
	if d.ID != 0 {
		title = "practice.edit.title"
	}
	p := s.newPage(r, title, d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("practice.form.invalid"), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "practice_form", p)
}
