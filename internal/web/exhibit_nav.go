package web

import "strings"

// ExhibitNav are the navigation entries of the exhibition and the model cases,
// public pages shown to everyone, and of the exhibits to those who write or review them.
func (p *page) ExhibitNav() []navItem {
	under := func(prefix string) bool {
		return p.URL != nil && (p.URL.Path == prefix || strings.HasPrefix(p.URL.Path, prefix+"/"))
	}
	items := []navItem{
		{Key: "exhibition.nav", Path: "/exhibition", Current: under("/exhibition")},
		{Key: "modelcase.nav", Path: "/model-cases", Current: under("/model-cases")},
	}
	if mayWorkOnExhibits(p.User) {
		items = append(items, navItem{Key: "exhibit.nav", Path: "/exhibits", Current: under("/exhibits")})
	}
	return items
}
