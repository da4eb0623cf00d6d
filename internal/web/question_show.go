package web

import (
	"html/template"
	"net/http"
	"slices"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// questionDone are the confirmations the question page shows after an action.
var questionDone = []string{"asked", "answered", "shared", "unshared"}

type questionShowData struct {
	*enforce.QuestionView
	BodyHTML   template.HTML
	AnswerHTML template.HTML
	Draft      string // the answer as typed, when refused
	Done       string
	Errs       fieldErrors
}

// handleQuestionShow shows a question and its answer to those who may see it.
func (s *Server) handleQuestionShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	var v *enforce.QuestionView
	if err == nil {
		v, err = s.svc.Question(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &questionShowData{QuestionView: v, Draft: v.Answer}
	if done := r.URL.Query().Get("done"); slices.Contains(questionDone, done) {
		d.Done = "question.done." + done
	}
	s.renderQuestion(w, r, d, nil)
}

func (s *Server) renderQuestion(w http.ResponseWriter, r *http.Request, d *questionShowData, err error) {
	d.BodyHTML, d.AnswerHTML = renderMarkdown(d.Body), renderMarkdown(d.Answer)
	p := s.newPage(r, "question.show.title", d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("question.answer.invalid"), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "question", p)
}

// handleQuestionAnswer records customs' answer; the asker is told in the application.
func (s *Server) handleQuestionAnswer(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	user, answer := userFrom(r), r.PostFormValue("answer")
	if _, err := s.svc.AnswerQuestion(r.Context(), user, id, answer); err != nil {
		if ipr.ErrorCode(err) != ipr.EINVALID {
			s.renderError(w, r, err)
			return
		}
		v, verr := s.svc.Question(r.Context(), user, id)
		if verr != nil {
			s.renderError(w, r, verr)
			return
		}
		s.renderQuestion(w, r, &questionShowData{QuestionView: v, Draft: answer}, err)
		return
	}
	http.Redirect(w, r, questionPath(id)+"?done=answered", http.StatusSeeOther)
}

// handleQuestionShare shows a question to all members (shared=1), or only to its asker again.
func (s *Server) handleQuestionShare(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	shared := r.PostFormValue("shared") == "1"
	if err == nil {
		_, err = s.svc.ShareQuestion(r.Context(), userFrom(r), id, shared)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	done := "shared"
	if !shared {
		done = "unshared"
	}
	http.Redirect(w, r, questionPath(id)+"?done="+done, http.StatusSeeOther)
}
