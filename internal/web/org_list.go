package web

import (
	"net/http"

	"bordermark/internal/ipr"
)

type orgListData struct {
	Orgs    []*ipr.Org
	Parents map[int64]string
}

// handleOrgList is the directory of organisations the user may see.
func (s *Server) handleOrgList(w http.ResponseWriter, r *http.Request) {
	orgs, err := s.svc.ListOrgs(r.Context(), userFrom(r))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	names := map[int64]string{}
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	s.render(w, r, http.StatusOK, "orgs", s.newPage(r, "orgs.title", orgListData{Orgs: orgs, Parents: names}))
}
