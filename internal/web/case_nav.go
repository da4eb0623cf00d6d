package web

import (
	"strings"

	"bordermark/internal/ipr"
)

// CaseNav are the navigation entries of detention cases for the signed-in
// user: the cases to customs and holders, the general guarantee to holders.
func (p *page) CaseNav() []navItem {
	u := p.User
	if u == nil {
		return nil
	}
	var items []navItem
	mayList := ipr.Can(u, ipr.ActionViewCase, ipr.Anything) || ipr.Can(u, ipr.ActionViewCase, ipr.OrgResource("case", u.OrgID))
	if u.Role == ipr.RoleAgent { // an agent sees the cases of the holders it acts for
		mayList = len(u.ActsFor) > 0
	}
	if mayList {
		items = append(items, navItem{Key: "nav.cases", Path: "/cases",
			Current: p.URL != nil && (p.URL.Path == "/cases" || strings.HasPrefix(p.URL.Path, "/cases/"))})
	}
	if u.Role == ipr.RoleRightHolder || (u.Role == ipr.RoleAgent && len(u.ActsFor) == 1) {
		items = append(items, navItem{Key: "nav.guarantee", Path: "/guarantee", Current: p.URL != nil && p.URL.Path == "/guarantee"})
	}
	return items
}
