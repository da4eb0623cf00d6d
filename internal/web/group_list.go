package web

import (
	"net/http"
	"slices"

	"bordermark/internal/ipr"
)

type groupListData struct {
	Groups []*ipr.WorkingGroup
	OrgID  int64 // the user's organisation, to mark the groups it belongs to
}

// Mine reports whether the user's organisation is a member of g.
func (d groupListData) Mine(g *ipr.WorkingGroup) bool { return slices.Contains(g.Members, d.OrgID) }

// handleGroupList lists the association's working groups with their member counts.
func (s *Server) handleGroupList(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	groups, err := s.svc.ListWorkingGroups(r.Context(), user)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "groups", s.newPage(r, "group.list_title", groupListData{Groups: groups, OrgID: user.OrgID}))
}
