package web

import (
	"strings"

	"bordermark/internal/ipr"
)

// PublicityNav are the navigation entries of publicity: the news for everyone,
// best practice and questions for the members of the exchange and customs.
func (p *page) PublicityNav() []navItem {
	u := p.User
	current := func(prefix string) bool {
		return p.URL != nil && (p.URL.Path == prefix || strings.HasPrefix(p.URL.Path, prefix+"/"))
	}
	items := []navItem{{Key: "nav.news", Path: "/news", Current: current("/news")}}
	if u == nil {
		return items
	}
	if ipr.Can(u, ipr.ActionViewPractice, ipr.Anything) {
		items = append(items, navItem{Key: "nav.practice", Path: "/practice", Current: current("/practice")})
	}
	if ipr.Can(u, ipr.ActionViewQuestion, ipr.Resource{Kind: "question", State: ipr.QuestionShared}) {
		items = append(items, navItem{Key: "nav.questions", Path: "/questions", Current: current("/questions")})
	}
	return items
}
