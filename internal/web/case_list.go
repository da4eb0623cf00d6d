package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

const casePageSize = 50

type caseListData struct {
	Rows    []caseRow
	Total   int64
	Query   url.Values
	States  []string
	PageNo  int
	Pages   int
	CanOpen bool
	Errs    fieldErrors
	// How fast holders answered identification requests over the last year.
	Responses []responseRow
}

// responseRow is one holder's identification response time.
type responseRow struct {
	Holder           string
	Answered         int
	AvgHours, Median string
}

// caseRow is a case in the list, with its next deadline.
type caseRow struct {
	ID                 int64
	Ref, State, Office string
	Holder, Path       string
	Profile            ipr.Profile
	Open               bool
	NextDue            string // the last day of the next open deadline; "" when none
	Left               int    // working days left until it
	HasLeft            bool   // Left was counted
	Overdue            bool
	Provisional        bool // the next deadline's date is provisional
	Value              string
	OpenedAt           string
}

// caseStates are the state filter's choices, across profiles.
var caseStates = []string{"suspected", "holder_notified", "applied", "suspended", "detained", "investigating",
	"infringing", "undetermined", "penalised", "confirmed", "objected", "agreed", "proceedings", "small_detained",
	"importer_notified", "reviewing", "disclosed", "excluded", "default_pending",
	"released", "closed", "transferred", "destroyed", "court_ordered", "seized"}

// PageURL is the current filter at another page number.
func (d *caseListData) PageURL(n int) string {
	q := url.Values{}
	for k, v := range d.Query {
		if k != "lang" && k != "page" && len(v) > 0 && v[0] != "" {
			q[k] = v[:1]
		}
	}
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if len(q) == 0 {
		return "/cases"
	}
	return "/cases?" + q.Encode()
}

// handleCaseList lists detention cases, those whose deadline runs out first
// leading. Right holders see only their own: the service filters them.
func (s *Server) handleCaseList(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	q := r.URL.Query()
	data := &caseListData{Query: q, States: caseStates, PageNo: 1, Pages: 1,
		CanOpen: ipr.Can(user, ipr.ActionOpenCase, ipr.Anything)}
	f, pageNo, err := parseCaseFilter(q, s.svc.Clock.Now())
	var list []*ipr.Case
	if err == nil {
		list, data.Total, err = s.svc.Cases(r.Context(), user, f)
	}
	if err != nil {
		if ipr.ErrorCode(err) != ipr.EINVALID {
			s.renderError(w, r, err)
			return
		}
		p := s.newPage(r, "case.list.title", data)
		p.Error, p.Fields = p.L.T("case.list.invalid"), ipr.ErrorFields(err)
		data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
		s.render(w, r, http.StatusBadRequest, "cases", p)
		return
	}
	data.PageNo = pageNo
	data.Pages = max(1, int((data.Total+casePageSize-1)/casePageSize))
	names := s.holderNames(r, user)
	now := s.svc.Clock.Now()
	for _, c := range list {
		row := newCaseRow(c, names, now)
		if !c.NextDue.IsZero() {
			left, err := s.svc.WorkingDaysLeft(r.Context(), c.Profile, lastDay(c))
			if err != nil {
				s.log.Warn("working days left", "request_id", enforce.RequestID(r.Context()), "err", err)
			}
			row.Left, row.HasLeft = left, err == nil
		}
		data.Rows = append(data.Rows, row)
	}
	data.Responses = s.responseRows(r, user, names, now)
	s.render(w, r, http.StatusOK, "cases", s.newPage(r, "case.list.title", data))
}

// parseCaseFilter reads the filter: office, state, q (search), overdue and page.
func parseCaseFilter(q url.Values, now time.Time) (ipr.CaseFilter, int, error) {
	p := ipr.Problems{}
	f := ipr.CaseFilter{Office: strings.TrimSpace(q.Get("office")), State: strings.TrimSpace(q.Get("state")),
		Search: strings.TrimSpace(q.Get("q")), Limit: casePageSize}
	if len(f.Search) > 200 {
		p.Add("q", "must be at most 200 characters")
	}
	if q.Get("overdue") != "" {
		f.OverdueAt = now
	}
	pageNo := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100_000 {
			p.Add("page", "must be a whole number from 1 to 100000")
		}
		pageNo = min(max(n, 1), 100_000)
	}
	f.Offset = (pageNo - 1) * casePageSize
	return f, pageNo, p.Err("the filter is not valid")
}

// newCaseRow shows a case, without the working days left.
func newCaseRow(c *ipr.Case, names map[int64]string, now time.Time) caseRow {
	row := caseRow{ID: c.ID, Ref: c.Ref, State: c.State, Office: c.Office, Holder: holderName(names, c.HolderOrgID),
		Path: casePath(c.ID), Profile: c.Profile, Open: c.Open(), Value: money(c.GoodsValue, c.Currency),
		OpenedAt: c.OpenedAt.In(c.Profile.Location()).Format("2006-01-02")}
	if !c.NextDue.IsZero() {
		row.NextDue, row.Overdue, row.Provisional = lastDay(c).String(), !now.Before(c.NextDue), c.NextProvisional
	}
	return row
}

// lastDay is the last day of the case's next deadline in its offices' time:
// a deadline ends at midnight after it.
func lastDay(c *ipr.Case) ipr.Date {
	return ipr.DateOf(c.NextDue.Add(-time.Nanosecond), c.Profile.Location())
}

// responseRows lists the holders' identification response times of the last
// year; a failure only loses the table, not the page.
func (s *Server) responseRows(r *http.Request, user *ipr.User, names map[int64]string, now time.Time) []responseRow {
	times, err := s.svc.ResponseTimes(r.Context(), user, now.AddDate(-1, 0, 0))
	if err != nil {
		s.log.Warn("response times", "request_id", enforce.RequestID(r.Context()), "err", err)
		return nil
	}
	var out []responseRow
	for _, rt := range times {
		out = append(out, responseRow{Holder: holderName(names, rt.HolderOrgID), Answered: rt.Answered,
			AvgHours: strconv.FormatFloat(rt.AvgHours, 'f', 1, 64), Median: strconv.FormatFloat(rt.MedianHours, 'f', 1, 64)})
	}
	return out
}
