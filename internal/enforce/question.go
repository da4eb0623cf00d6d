package enforce

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// QuestionView is a question as one viewer may see it, and what it may do.
type QuestionView struct {
	*ipr.Question
	CanAnswer bool // answer it and decide whether all members see it: customs
}

// QuestionPage is one page of questions and how many match in all.
type QuestionPage struct {
	Questions []*QuestionView
	Total     int64
}

// AskQuestion stores a member's question to customs. A right holder asks for
// itself, an agent for one of its clients; a question may be about a case of
// that holder, and no other.
func (s *Service) AskQuestion(ctx context.Context, actor *ipr.User, in ipr.Question) (*QuestionView, error) {
	if in.OrgID == 0 && actor != nil {
		in.OrgID = actor.OrgID
		if actor.Role == ipr.RoleAgent && len(actor.ActsFor) == 1 {
			in.OrgID = actor.ActsFor[0]
		}
	}
	if err := ipr.Authorize(actor, ipr.ActionAskQuestion, ipr.OrgResource("question", in.OrgID)); err != nil {
		return nil, err
	}
	q := &ipr.Question{OrgID: in.OrgID, CaseID: in.CaseID, Title: in.Title, Body: in.Body, AskedBy: actor.ID}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	var out *QuestionView
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		if q.CaseID != 0 {
			c, err := tx.CaseByID(ctx, q.CaseID)
			if ipr.ErrorCode(err) == ipr.ENOTFOUND || (err == nil && (c.HolderOrgID != q.OrgID ||
				!ipr.Can(actor, ipr.ActionViewCase, ipr.OrgResource("case", c.HolderOrgID)))) {
				return &ipr.Error{Code: ipr.EINVALID, Message: "the question is not valid",
					Fields: map[string]string{"case": "is not one of your cases"}}
			}
			if err != nil {
				return err
			}
		}
		if err := tx.CreateQuestion(ctx, q, s.Clock.Now()); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "question.ask", ObjectType: "question", ObjectID: q.ID,
			ObjectOrg: q.OrgID, After: fmt.Sprintf("%q, case %d", q.Title, q.CaseID)}); err != nil {
			return err
		}
		var err error
		out, err = s.questionView(ctx, tx, actor, q.ID)
		return err
	})
	return out, err
}

// Questions returns a page of the questions the actor may see: all for customs;
// its own (an agent: its clients') and the shared ones for members.
func (s *Service) Questions(ctx context.Context, actor *ipr.User, f ipr.QuestionFilter) (*QuestionPage, error) {
	shared := ipr.Resource{Kind: "question", State: ipr.QuestionShared}
	if !ipr.Can(actor, ipr.ActionViewQuestion, shared) {
		return nil, ipr.Authorize(actor, ipr.ActionViewQuestion, shared)
	}
	f.VisibleTo = nil
	if !ipr.Can(actor, ipr.ActionViewQuestion, ipr.Anything) {
		f.VisibleTo = []int64{}
		for _, id := range append([]int64{actor.OrgID}, actor.ActsFor...) {
			if ipr.Can(actor, ipr.ActionViewQuestion, ipr.OrgResource("question", id)) {
				f.VisibleTo = append(f.VisibleTo, id)
			}
		}
	}
	p := ipr.Problems{}
	if f.Answered != "" && f.Answered != "answered" && f.Answered != "unanswered" {
		p.Add("answered", "must be answered or unanswered")
	}
	if len(f.Query) > 200 {
		p.Add("q", "must be at most 200 characters")
	}
	if err := p.Err("the filter is not valid"); err != nil {
		return nil, err
	}
	page := &QuestionPage{}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		list, total, err := tx.ListQuestions(ctx, f)
		page.Total = total
		for _, q := range list {
			if ipr.Can(actor, ipr.ActionViewQuestion, q.Resource()) { // the SQL narrowed the list; Can decides
				page.Questions = append(page.Questions, questionView(actor, q))
			}
		}
		return err
	})
	return page, err
}

// Question returns one question the actor may see; any other is not found.
func (s *Service) Question(ctx context.Context, actor *ipr.User, id int64) (*QuestionView, error) {
	var out *QuestionView
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = s.questionView(ctx, tx, actor, id)
		return err
	})
	return out, err
}

func (s *Service) questionView(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) (*QuestionView, error) {
	q, err := tx.QuestionByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ipr.Can(actor, ipr.ActionViewQuestion, q.Resource()) {
		if actor == nil {
			return nil, ipr.Authorize(nil, ipr.ActionViewQuestion, q.Resource())
		}
		return nil, &ipr.Error{Code: ipr.ENOTFOUND, Message: "question with id " + strconv.FormatInt(id, 10) + " not found",
			Fields: map[string]string{"question": "not found"}}
	}
	return questionView(actor, q), nil
}

func questionView(actor *ipr.User, q *ipr.Question) *QuestionView {
	return &QuestionView{Question: q, CanAnswer: ipr.Can(actor, ipr.ActionAnswerQuestion, q.Resource())}
}

// AnswerQuestion records customs' answer (or a better one) and tells the asking
// organisation in the application, in the same transaction.
func (s *Service) AnswerQuestion(ctx context.Context, actor *ipr.User, id int64, answer string) (*QuestionView, error) {
	if err := ipr.Authorize(actor, ipr.ActionAnswerQuestion, ipr.Anything); err != nil {
		return nil, err
	}
	answer, err := ipr.ValidateAnswer(answer)
	if err != nil {
		return nil, err
	}
	now := s.Clock.Now()
	var out *QuestionView
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		q, err := tx.QuestionByID(ctx, id)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionAnswerQuestion, q.Resource()); err != nil {
			return err
		}
		if err := tx.AnswerQuestion(ctx, id, answer, actor.ID, now); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "question.answer", ObjectType: "question", ObjectID: id,
			ObjectOrg: q.OrgID, Before: fmt.Sprintf("%d characters", len(q.Answer)),
			After: fmt.Sprintf("%d characters", len(answer))}); err != nil {
			return err
		}
		if _, err := tx.CreateNotification(ctx, &ipr.Notification{OrgID: q.OrgID, Kind: "question.answered",
			ObjectType: "question", ObjectID: id, Text: fmt.Sprintf("Customs answered your question %q.", q.Title),
			Args: q.Title, DueOn: ipr.DateOf(now, time.UTC), CreatedAt: now}); err != nil {
			return err
		}
		out, err = s.questionView(ctx, tx, actor, id)
		return err
	})
	return out, err
}

// ShareQuestion lets all members see a question and its answer, or only its asker again.
func (s *Service) ShareQuestion(ctx context.Context, actor *ipr.User, id int64, shared bool) (*QuestionView, error) {
	if err := ipr.Authorize(actor, ipr.ActionAnswerQuestion, ipr.Anything); err != nil {
		return nil, err
	}
	var out *QuestionView
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		q, err := tx.QuestionByID(ctx, id)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionAnswerQuestion, q.Resource()); err != nil {
			return err
		}
		if err := tx.ShareQuestion(ctx, id, shared); err != nil {
			return err
		}
		action := "question.share"
		if !shared {
			action = "question.unshare"
		}
		if err := s.audit(ctx, tx, actor, change{Action: action, ObjectType: "question", ObjectID: id, ObjectOrg: q.OrgID,
			Before: strconv.FormatBool(q.Shared), After: strconv.FormatBool(shared)}); err != nil {
			return err
		}
		out, err = s.questionView(ctx, tx, actor, id)
		return err
	})
	return out, err
}
