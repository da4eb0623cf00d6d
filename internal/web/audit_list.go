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

const auditPageSize = 50

type auditListData struct {
	Page   *enforce.AuditPage
	Query  url.Values
	PageNo int
	Pages  int
}

// PageURL is the current filter at another page number.
func (d auditListData) PageURL(n int) string {
	q := url.Values{}
	for k, v := range d.Query {
		q[k] = v
	}
	q.Set("page", strconv.Itoa(n))
	q.Del("lang")
	return "/audit?" + q.Encode()
}

// handleAuditList lets supervisors browse and filter the audit log, newest first.
func (s *Server) handleAuditList(w http.ResponseWriter, r *http.Request) {
	// Who may look is decided before the filter is read, so that a bad filter does
	// not show the page (400) to the public or to roles that may not see it.
	user := userFrom(r)
	if err := ipr.Authorize(user, ipr.ActionViewAudit, ipr.OrgResource("audit", user.OrgIDOrZero())); err != nil {
		s.renderError(w, r, err)
		return
	}
	q := r.URL.Query()
	f, pageNo, err := parseAuditFilter(q)
	if err != nil {
		p := s.newPage(r, "audit.title", auditListData{Page: &enforce.AuditPage{}, Query: q, PageNo: 1, Pages: 1})
		p.Error, p.Fields = ipr.ErrorMessage(err), ipr.ErrorFields(err)
		s.render(w, r, http.StatusBadRequest, "audit", p)
		return
	}
	result, err := s.svc.ListAudit(r.Context(), user, f)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	pages := max(1, int((result.Total+auditPageSize-1)/auditPageSize))
	s.render(w, r, http.StatusOK, "audit", s.newPage(r, "audit.title",
		auditListData{Page: result, Query: q, PageNo: pageNo, Pages: pages}))
}

func parseAuditFilter(q url.Values) (ipr.AuditFilter, int, error) {
	p := ipr.Problems{}
	f := ipr.AuditFilter{
		Action:     strings.TrimSpace(q.Get("action")),
		Actor:      strings.TrimSpace(q.Get("actor")),
		ObjectType: strings.TrimSpace(q.Get("object")),
		Limit:      auditPageSize,
	}
	f.From = parseDate(p, "from", q.Get("from"))
	if to := parseDate(p, "to", q.Get("to")); !to.IsZero() {
		f.To = to.AddDate(0, 0, 1) // the whole "to" day is included
	}
	pageNo := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1_000_000 {
			p.Add("page", "must be a whole number from 1 to 1000000")
		}
		pageNo = min(max(n, 1), 1_000_000)
	}
	f.Offset = (pageNo - 1) * auditPageSize
	return f, pageNo, p.Err("the filter is not valid")
}

func parseDate(p ipr.Problems, field, v string) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		p.Add(field, "must be a date like 2026-11-29")
	}
	return t
}
