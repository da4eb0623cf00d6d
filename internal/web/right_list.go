package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

const rightPageSize = 50

// rightStatusFilters are the statuses the search offers; "expired" is an approved
// recordation that ran out, "approved" one in force.
var rightStatusFilters = []string{"draft", "submitted", "approved", "rejected", "expired"}

type rightListData struct {
	Rights    []rightView
	Total     int64
	Query     url.Values
	Statuses  []string
	PageNo    int
	Pages     int
	CanFile   bool
	CanExport bool
	Errs      fieldErrors
}

// PageURL is the current search at another page number.
func (d rightListData) PageURL(n int) string {
	q := url.Values{}
	for k, v := range d.Query {
		q[k] = v
	}
	q.Set("page", strconv.Itoa(n))
	q.Del("lang")
	return "/rights?" + q.Encode()
}

// CalendarDue reports whether a due date on the page counts calendar days, to say so.
func (d rightListData) CalendarDue() bool {
	for _, r := range d.Rights {
		if r.Status == ipr.StatusSubmitted && r.DueInCalendar {
			return true
		}
	}
	return false
}

// handleRightList is the register search. Holders and agents see their own rights
// only; ListRights narrows the search for them.
func (s *Server) handleRightList(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if err := ipr.Authorize(user, ipr.ActionViewDashboard, ipr.Anything); err != nil {
		s.renderError(w, r, err)
		return
	}
	q := r.URL.Query()
	data := rightListData{Query: q, Statuses: rightStatusFilters, PageNo: 1, Pages: 1,
		CanFile: holderSide(user), CanExport: ipr.Can(user, ipr.ActionExportRights, ipr.Anything)}
	if !holderSide(user) {
		data.Statuses = rightStatusFilters[1:] // customs never see drafts
	}
	f, pageNo, err := parseRightFilter(q, s.today())
	if err != nil {
		p := s.newPage(r, "right.list.title", &data)
		p.Error, p.Fields = p.L.T("right.list.invalid"), ipr.ErrorFields(err)
		data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
		s.render(w, r, http.StatusBadRequest, "rights", p)
		return
	}
	page, err := s.svc.ListRights(r.Context(), user, f)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.Rights, data.Total, data.PageNo = rightViews(page.Rights, s.today()), page.Total, pageNo
	data.Pages = max(1, int((page.Total+rightPageSize-1)/rightPageSize))
	s.render(w, r, http.StatusOK, "rights", s.newPage(r, "right.list.title", &data))
}

// parseRightFilter reads the search form: q (mark, variant or reference), holder,
// class, status, expiring (days) and page.
func parseRightFilter(q url.Values, today ipr.Date) (ipr.RightFilter, int, error) {
	p := ipr.Problems{}
	f := ipr.RightFilter{Text: strings.TrimSpace(q.Get("q")), HolderName: strings.TrimSpace(q.Get("holder")),
		Limit: rightPageSize}
	if v := strings.TrimSpace(q.Get("class")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 45 {
			p.Add("class", "must be a Nice class from 1 to 45")
		}
		f.Class = n
	}
	switch st := q.Get("status"); {
	case st == "":
	case !slices.Contains(rightStatusFilters, st):
		p.Add("status", "is not one of "+strings.Join(rightStatusFilters, ", "))
	case st == "approved":
		f.Status, f.ProtectingOn = ipr.StatusApproved, today
	case st == "expired":
		f.Status, f.ExpiringBy = ipr.StatusApproved, today.AddDate(0, 0, -1)
	default:
		f.Status = ipr.RecordStatus(st)
	}
	if v := strings.TrimSpace(q.Get("expiring")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 3650 {
			p.Add("expiring", "must be a number of days from 0 to 3650")
		}
		f.ProtectingOn, f.ExpiringBy = today, today.AddDate(0, 0, n)
	}
	pageNo := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100_000 {
			p.Add("page", "must be a whole number from 1 to 100000")
		}
		pageNo = min(max(n, 1), 100_000)
	}
	f.Offset = (pageNo - 1) * rightPageSize
	return f, pageNo, p.Err("the search is not valid")
}

// rightList is a page of rights for other pages (the portfolio, the review queue).
func (s *Server) rightList(rights []*ipr.Right) []rightView { return rightViews(rights, s.today()) }
