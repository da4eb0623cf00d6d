package enforce_test

import (
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store/storetest"
)

// What the demo's publicity (demo_publicity.go) adds to the demo world's counts
// in helpers_test.go: 14 article events (7 articles, 1 picture, 6 publications),
// 2 notes, and 6 question events (3 asked, 2 answered, 1 shared).
const (
	demoPublicityEvents        = 22
	northwindPublicityEvents   = 5 // its note, its two questions, the answer and the sharing of one
	associationPublicityEvents = 8 // the secretariat's two articles in two languages, each published
	recentPublicityEvents      = 1 // the postal draft of a day ago
	publicityNotices           = 1 // one answered question each for Northwind and for the agent's client Lumina
)

func TestDemoPublicity(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	for _, lang := range []string{"en", "zh"} {
		page, err := s.PublishedArticles(ctx, nil, ipr.ArticleFilter{Lang: lang})
		if err != nil || page.Total != 3 {
			t.Errorf("published in %s: got %v, %v; want 3", lang, page, err)
		}
	}
	desk, err := s.DeskArticles(ctx, user(t, s, officerEmail), ipr.ArticleFilter{})
	if err != nil || desk.Total != 3 { // the Yiwu pair and the postal draft
		t.Errorf("customs desk: got %v, %v; want 3", desk, err)
	}
	notes, err := s.PracticeNotes(ctx, user(t, s, holderEmail), ipr.PracticeFilter{})
	if err != nil || notes.Total != 2 {
		t.Errorf("notes: got %v, %v; want 2", notes, err)
	}
	qs, err := s.Questions(ctx, user(t, s, officerEmail), ipr.QuestionFilter{Answered: "answered"})
	if err != nil || qs.Total != 2 {
		t.Errorf("answered questions: got %v, %v; want 2", qs, err)
	}
}
