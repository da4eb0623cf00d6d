package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// handleTipPatterns lists the consignees and consignors named in the tips
// shared with each working group the user may see, by how many holders named them.
func (s *Server) handleTipPatterns(w http.ResponseWriter, r *http.Request) {
	list, err := s.svc.TipPatterns(r.Context(), userFrom(r))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "tip_patterns", s.newPage(r, "tip.patterns.title", list))
}

// tipFeedbackRow is one rule's feedback as the page shows it.
type tipFeedbackRow struct {
	enforce.RuleFeedbackView
	Precision string
}

// handleTipFeedback shows customs how each active rule has fared, and which to retire.
func (s *Server) handleTipFeedback(w http.ResponseWriter, r *http.Request) {
	list, err := s.svc.RuleFeedback(r.Context(), userFrom(r))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	rows := make([]tipFeedbackRow, 0, len(list))
	for _, f := range list {
		rows = append(rows, tipFeedbackRow{RuleFeedbackView: f,
			Precision: strconv.FormatFloat(f.Precision()*100, 'f', 0, 64) + "%"})
	}
	s.render(w, r, http.StatusOK, "tip_feedback", s.newPage(r, "tip.feedback.title", rows))
}

// mayUseTips reports whether the intelligence pages are for user: those who
// may send tips and customs who review them.
func mayUseTips(user *ipr.User) bool {
	return mayWriteTips(user) || ipr.Can(user, ipr.ActionReviewTip, ipr.Anything)
}
