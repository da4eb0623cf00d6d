package web

import (
	"net/http"

	"bordermark/internal/ipr"
)

type portfolioData struct {
	Drafts, Rejected, Submitted, RenewalsDue []rightView
	Approved, Total                          int64
	Today                                    ipr.Date
}

// handlePortfolio is a right holder's (or an agent's) register, grouped by what
// needs doing: drafts to finish, rejections to correct, renewals due, and what
// customs are reviewing.
func (s *Server) handlePortfolio(w http.ResponseWriter, r *http.Request) {
	p, err := s.svc.Portfolio(r.Context(), userFrom(r))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	today := s.today()
	data := &portfolioData{Drafts: rightViews(p.Drafts, today), Rejected: rightViews(p.Rejected, today),
		Submitted: rightViews(p.Submitted, today), RenewalsDue: rightViews(p.RenewalsDue, today),
		Approved: p.Approved, Total: p.Total, Today: today}
	s.render(w, r, http.StatusOK, "portfolio", s.newPage(r, "portfolio.title", data))
}
