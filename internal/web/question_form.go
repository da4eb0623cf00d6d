package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/ipr"
)

// questionFormData is the form a member fills to ask customs, kept as typed.
type questionFormData struct {
	Holder  string // the client an agent asks for
	Holders []tipHolder
	Case    string
	Cases   []questionCase
	Title   string
	Body    string
	Errs    fieldErrors
}

// questionCase is one of the cases the question may be about.
type questionCase struct {
	ID  int64
	Ref string
}

// handleQuestionNew shows the form to ask customs a question.
func (s *Server) handleQuestionNew(w http.ResponseWriter, r *http.Request) {
	if user := userFrom(r); !mayAsk(user) {
		s.renderError(w, r, ipr.Authorize(user, ipr.ActionAskQuestion, ipr.OrgResource("question", user.OrgIDOrZero())))
		return
	}
	s.renderQuestionForm(w, r, &questionFormData{Case: r.URL.Query().Get("case")}, nil)
}

// handleQuestionCreate stores the question and shows it.
func (s *Server) handleQuestionCreate(w http.ResponseWriter, r *http.Request) {
	if err := readForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &questionFormData{Holder: formValue(r, "holder"), Case: formValue(r, "case"), Title: r.PostFormValue("title"),
		Body: r.PostFormValue("body")}
	p := ipr.Problems{}
	in := ipr.Question{Title: d.Title, Body: d.Body}
	for _, f := range []struct {
		name, value string
		to          *int64
	}{{"holder", d.Holder, &in.OrgID}, {"case", d.Case, &in.CaseID}} {
		if f.value == "" {
			continue
		}
		n, err := strconv.ParseInt(f.value, 10, 64)
		if err != nil || n <= 0 {
			p.Add(f.name, "choose one from the list")
		}
		*f.to = n
	}
	err := p.Err("the question is not valid")
	if err == nil {
		v, serr := s.svc.AskQuestion(r.Context(), userFrom(r), in)
		if serr == nil {
			http.Redirect(w, r, questionPath(v.ID)+"?done=asked", http.StatusSeeOther)
			return
		}
		err = serr
	}
	s.renderQuestionForm(w, r, d, err)
}

func (s *Server) renderQuestionForm(w http.ResponseWriter, r *http.Request, d *questionFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	user := userFrom(r)
	if user.Role == ipr.RoleAgent && len(user.ActsFor) > 1 {
		names := s.holderNames(r, user)
		for _, id := range user.ActsFor {
			d.Holders = append(d.Holders, tipHolder{ID: id, Name: holderName(names, id)})
		}
	}
	// The cases the asker may link: a failure only leaves the list out.
	if cases, _, cerr := s.svc.Cases(r.Context(), user, ipr.CaseFilter{Limit: 200}); cerr == nil {
		for _, c := range cases {
			d.Cases = append(d.Cases, questionCase{ID: c.ID, Ref: c.Ref})
		}
	}
	p := s.newPage(r, "question.new.title", d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("question.form.invalid"), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "question_form", p)
}
