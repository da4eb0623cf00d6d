package enforce_test

import (
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store/storetest"
)

func TestQuestionsAndAnswers(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	officer, holder, secretary := user(t, s, officerEmail), user(t, s, holderEmail), user(t, s, secretaryEmail)
	aurelia := user(t, s, "brand@aurelia.example")

	// The demo: Northwind's two questions, one shared; Lumina's, asked by the agent.
	tests := []struct {
		who  *ipr.User
		f    ipr.QuestionFilter
		want int64
	}{
		{officer, ipr.QuestionFilter{}, 3},
		{officer, ipr.QuestionFilter{Answered: "unanswered"}, 1},
		{holder, ipr.QuestionFilter{}, 2},
		{aurelia, ipr.QuestionFilter{}, 1}, // the shared one
		{secretary, ipr.QuestionFilter{}, 1},
		{user(t, s, agentEmail), ipr.QuestionFilter{}, 2}, // its client Lumina's and the shared one
		{holder, ipr.QuestionFilter{Query: "logo"}, 1},
	}
	for _, tt := range tests {
		page, err := s.Questions(ctx, tt.who, tt.f)
		if err != nil || page.Total != tt.want {
			t.Errorf("Questions(%s, %+v): got %v, %v; want %d", tt.who.Email, tt.f, page, err, tt.want)
		}
	}
	_, err := s.Questions(ctx, user(t, s, policeEmail), ipr.QuestionFilter{})
	wantError(t, err, ipr.EFORBIDDEN, "")

	// A holder may link only its own case.
	cases, _, err := s.Cases(ctx, officer, ipr.CaseFilter{HolderOrgID: holder.OrgID, Limit: 1})
	if err != nil || len(cases) == 0 {
		t.Fatalf("Northwind's cases: %v, %v", cases, err)
	}
	before := count(t, s)
	_, err = s.AskQuestion(ctx, aurelia, ipr.Question{Title: "About this case", Body: "b", CaseID: cases[0].ID})
	wantError(t, err, ipr.EINVALID, "case")
	_, err = s.AskQuestion(ctx, officer, ipr.Question{Title: "t", Body: "b"})
	wantError(t, err, ipr.EFORBIDDEN, "")
	if got := count(t, s); got != before {
		t.Errorf("refused questions: got %+v, want %+v", got, before)
	}
	q, err := s.AskQuestion(ctx, holder, ipr.Question{Title: "Storage costs", Body: "Who pays?", CaseID: cases[0].ID})
	if err != nil || q.CaseRef != cases[0].Ref || q.CanAnswer {
		t.Fatalf("AskQuestion: got %+v, %v", q, err)
	}
	if _, err := s.Question(ctx, aurelia, q.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
		t.Errorf("another holder's question: got %v, want not found", err)
	}

	unread := func() int64 {
		n, err := s.UnreadNotifications(ctx, holder)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	n0 := unread()
	_, err = s.AnswerQuestion(ctx, holder, q.ID, "self-answer")
	wantError(t, err, ipr.EFORBIDDEN, "")
	_, err = s.AnswerQuestion(ctx, officer, q.ID, "  ")
	wantError(t, err, ipr.EINVALID, "answer")
	a, err := s.AnswerQuestion(ctx, officer, q.ID, "The holder pays storage until the decision.")
	if err != nil || !a.Answered() || !a.CanAnswer {
		t.Fatalf("AnswerQuestion: got %+v, %v", a, err)
	}
	if got := unread(); got != n0+1 {
		t.Errorf("holder's unread notifications after the answer: got %d, want %d", got, n0+1)
	}
	if ev := lastEvent(t, s); ev.Action != "question.answer" {
		t.Errorf("got last event %s, want question.answer", ev.Action)
	}
	if _, err := s.ShareQuestion(ctx, officer, q.ID, true); err != nil {
		t.Fatalf("ShareQuestion: %v", err)
	}
	if got, err := s.Question(ctx, aurelia, q.ID); err != nil || !got.Shared || got.CanAnswer {
		t.Errorf("shared question for another holder: got %+v, %v", got, err)
	}
}
