package web

import (
	"net/http"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

type questionListData struct {
	Questions []*enforce.QuestionView
	Total     int64
	Query     string
	Answered  string
	Pager     pager
	Customs   bool // customs filter by answered and unanswered
	CanAsk    bool
}

// AnsweredChoices are the choices of customs' filter; "" is both.
func (d *questionListData) AnsweredChoices() []string { return []string{"", "unanswered", "answered"} }

func questionPath(id int64) string { return "/questions/" + strconv.FormatInt(id, 10) }

// mayAsk reports whether user may ask customs a question for some right holder.
func mayAsk(user *ipr.User) bool {
	if user == nil {
		return false
	}
	for _, id := range append([]int64{user.OrgID}, user.ActsFor...) {
		if ipr.Can(user, ipr.ActionAskQuestion, ipr.OrgResource("question", id)) {
			return true
		}
	}
	return false
}

// handleQuestionList lists the questions the user may see, newest first:
// customs all of them, members their own and the shared ones.
func (s *Server) handleQuestionList(w http.ResponseWriter, r *http.Request) {
	user, q := userFrom(r), r.URL.Query()
	p := ipr.Problems{}
	pageNo := pageNumber(q, p)
	d := &questionListData{Query: strings.TrimSpace(q.Get("q")), Answered: strings.TrimSpace(q.Get("answered")),
		Customs: ipr.Can(user, ipr.ActionAnswerQuestion, ipr.Anything), CanAsk: mayAsk(user)}
	err := p.Err("the filter is not valid")
	var page *enforce.QuestionPage
	if err == nil {
		page, err = s.svc.Questions(r.Context(), user, ipr.QuestionFilter{Query: d.Query, Answered: d.Answered,
			Limit: publicityPageSize, Offset: (pageNo - 1) * publicityPageSize})
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d.Questions, d.Total = page.Questions, page.Total
	d.Pager = newPager("/questions", q, []string{"q", "answered"}, pageNo, page.Total)
	s.render(w, r, http.StatusOK, "questions", s.newPage(r, "question.list.title", d))
}
