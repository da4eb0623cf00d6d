package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

type reviewData struct {
	Rights     []rightView
	Total      int64
	Amendments []reviewAmendment
	PageNo     int
	Pages      int
}

// reviewAmendment is a pending amendment with the right it changes.
type reviewAmendment struct {
	amendmentView
	Right rightView
}

// PageURL is the queue at another page number.
func (reviewData) PageURL(n int) string { return "/review?page=" + strconv.Itoa(n) }

// handleReviewQueue is a customs supervisor's queue: submitted recordations by due
// date (overdue first, in red) and the amendments waiting for a decision.
func (s *Server) handleReviewQueue(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if err := ipr.Authorize(user, ipr.ActionReviewRight, ipr.Anything); err != nil {
		s.renderError(w, r, err)
		return
	}
	pageNo := 1
	if v := r.URL.Query().Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100_000 {
			s.renderError(w, r, &ipr.Error{Code: ipr.EINVALID, Message: "the page is not valid",
				Fields: map[string]string{"page": "must be a whole number from 1 to 100000"}})
			return
		}
		pageNo = n
	}
	q, err := s.svc.ReviewQueue(r.Context(), user, rightPageSize, (pageNo-1)*rightPageSize)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "review", s.newPage(r, "review.title", s.reviewData(q, pageNo)))
}

func (s *Server) reviewData(q *enforce.ReviewQueue, pageNo int) *reviewData {
	today := s.today()
	data := &reviewData{Rights: rightViews(q.Rights, today), Total: q.Total, PageNo: pageNo,
		Pages: max(1, int((q.Total+rightPageSize-1)/rightPageSize))}
	for _, a := range q.Amendments {
		data.Amendments = append(data.Amendments, reviewAmendment{amendmentView{a.Amendment}, newRightView(a.Right, today)})
	}
	return data
}
