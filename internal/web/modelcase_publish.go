package web

import (
	"net/http"
	"slices"
	"strconv"

	"bordermark/internal/ipr"
)

// modelCaseFormData is the form a customs supervisor fills in to publish a closed
// case as a model case, with the preview of what the public would see.
type modelCaseFormData struct {
	CaseID   int64
	In       ipr.ModelCaseInput
	Fields   []ipr.ModelCaseField
	Preview  *modelCaseView
	Existing *ipr.ModelCase // published before
	Errs     fieldErrors
}

// Reveals reports whether the form has field f ticked.
func (d *modelCaseFormData) Reveals(f ipr.ModelCaseField) bool {
	return slices.Contains(d.In.Reveal, f)
}

// defaultReveal are the facts ticked when the form opens: nothing that names anyone.
var defaultReveal = []ipr.ModelCaseField{ipr.MCOffice, ipr.MCMonth, ipr.MCChannel, ipr.MCTransport, ipr.MCOrigin,
	ipr.MCGoods, ipr.MCValueBand, ipr.MCDetermination}

// handleModelCaseForm shows the form to publish case {id} as a model case.
func (s *Server) handleModelCaseForm(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = ipr.Authorize(userFrom(r), ipr.ActionPublishModelCase, ipr.Anything)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &modelCaseFormData{CaseID: id, In: ipr.ModelCaseInput{Reveal: defaultReveal}}
	if m, err := s.svc.ModelCaseOf(r.Context(), userFrom(r), id); err == nil {
		d.Existing = m
		d.In.Title, d.In.Summary, d.In.Lessons = m.Snapshot.Title, m.Snapshot.Summary, m.Snapshot.Lessons
	}
	s.renderModelCaseForm(w, r, d, nil)
}

// handleModelCasePublish previews (action=preview) or publishes the model case.
func (s *Server) handleModelCasePublish(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &modelCaseFormData{CaseID: id, In: ipr.ModelCaseInput{Title: formValue(r, "title"),
		Summary: formValue(r, "summary"), Lessons: formValue(r, "lessons")}}
	for _, f := range r.PostForm["reveal"] {
		d.In.Reveal = append(d.In.Reveal, ipr.ModelCaseField(f))
	}
	user := userFrom(r)
	if formValue(r, "action") == "preview" {
		snap, err := s.svc.PreviewModelCase(r.Context(), user, id, d.In)
		if err == nil {
			d.Preview = &modelCaseView{ModelCase: &ipr.ModelCase{Snapshot: *snap},
				SummaryHTML: renderMarkdown(snap.Summary), LessonsHTML: renderMarkdown(snap.Lessons)}
		}
		s.renderModelCaseForm(w, r, d, err)
		return
	}
	m, err := s.svc.PublishModelCase(r.Context(), user, id, d.In)
	if err != nil {
		s.renderModelCaseForm(w, r, d, err)
		return
	}
	http.Redirect(w, r, "/model-cases/"+strconv.FormatInt(m.ID, 10), http.StatusSeeOther)
}

func (s *Server) renderModelCaseForm(w http.ResponseWriter, r *http.Request, d *modelCaseFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	d.Fields = ipr.ModelCaseFields
	p := s.newPage(r, "modelcase.publish", d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = ipr.ErrorMessage(err), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "modelcase_form", p)
}

// handleModelCaseWithdraw takes a model case off the public pages.
func (s *Server) handleModelCaseWithdraw(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err == nil {
		err = s.svc.WithdrawModelCase(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/model-cases", http.StatusSeeOther)
}
