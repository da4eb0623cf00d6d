package ipr

import (
	"strings"
	"time"
)

// Question is a member's question to customs, about procedures or about one of
// its own cases, and customs' answer. Only the asking organisation and customs
// see it, unless customs share it with all members.
type Question struct {
	ID      int64
	OrgID   int64 // the right holder (or agent) it is asked for
	OrgName string
	CaseID  int64 // the case it is about, or 0
	CaseRef string
	Title   string
	Body    string // Markdown
	Shared  bool   // visible to all members

	AskedBy    int64
	AskedAt    time.Time
	Answer     string // Markdown; "" until answered
	AnsweredBy int64
	AnsweredAt time.Time
}

// Answered reports whether customs have answered.
func (q *Question) Answered() bool { return q.Answer != "" }

// QuestionShared is the resource state of a question shared with all members.
const QuestionShared = "shared"

// Resource is the question as permissions see it.
func (q *Question) Resource() Resource {
	r := Resource{Kind: "question", OrgID: q.OrgID}
	if q.Shared {
		r.State = QuestionShared
	}
	return r
}

// QuestionFilter selects a page of questions, newest first. VisibleTo limits
// the list to the questions of those organisations and the shared ones; nil
// means all (customs). Answered is "answered", "unanswered" or "" for both.
type QuestionFilter struct {
	Query     string
	Answered  string
	VisibleTo []int64
	Limit     int
	Offset    int
}

// Validate trims a question and checks it before it is stored. Problems name the field.
func (q *Question) Validate() error {
	p := Problems{}
	q.Title, q.Body = strings.TrimSpace(q.Title), strings.TrimSpace(q.Body)
	checkText(p, "title", q.Title, 200, true)
	checkText(p, "body", q.Body, 20_000, true)
	if q.OrgID == 0 {
		p.Add("org", "is required")
	}
	if q.CaseID < 0 {
		p.Add("case", "is not a case")
	}
	return p.Err("the question is not valid")
}

// ValidateAnswer trims an answer and checks it.
func ValidateAnswer(answer string) (string, error) {
	p := Problems{}
	answer = strings.TrimSpace(answer)
	checkText(p, "answer", answer, 20_000, true)
	return answer, p.Err("the answer is not valid")
}
