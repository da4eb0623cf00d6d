package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

const queuePageSize = 50

// queueStatuses are the status filter's choices: "" is the officer's work, the
// flagged declarations not yet decided; "all" is everything screening flagged.
var queueStatuses = []string{"", "inspection", "dismissed", "clear", "all"}

type screeningQueueData struct {
	Rows     []queueRow
	Total    int64
	Query    url.Values
	Statuses []string
	Channels []string
	PageNo   int
	Pages    int
	Errs     fieldErrors
}

// queueRow is a declaration in the queue: its risk and what raised it.
type queueRow struct {
	Ref, Path string
	Risk      int
	Level     string // high, medium or low
	Mark      string // the strongest hit that is not authorised; "" when only rules flagged it
	Matched   string
	Method    string
	Rule      string // the heaviest rule met, shown when no mark was found
	More      int    // further findings
	Office    string
	Channel   string
	Declared  string
	Status    ipr.DeclarationStatus
}

// StatusKey names the status in the message catalogues.
func (r queueRow) StatusKey() string { return "screening.status." + string(r.Status) }

// PageURL is the current filter at another page number, so that the URL of a
// page of the queue can be kept and shared.
func (d *screeningQueueData) PageURL(n int) string {
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
		return "/screening"
	}
	return "/screening?" + q.Encode()
}

// handleScreeningQueue is the officer's queue: flagged declarations, riskiest first.
func (s *Server) handleScreeningQueue(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if err := ipr.Authorize(user, ipr.ActionViewDeclaration, ipr.Anything); err != nil {
		s.renderError(w, r, err)
		return
	}
	q := r.URL.Query()
	data := &screeningQueueData{Query: q, Statuses: queueStatuses, Channels: enforce.DeclarationChannels, PageNo: 1, Pages: 1}
	f, pageNo, err := parseQueueFilter(q)
	var page *enforce.QueuePage
	if err == nil {
		page, err = s.svc.ScreeningQueue(r.Context(), user, f)
	}
	if err != nil {
		if ipr.ErrorCode(err) != ipr.EINVALID {
			s.renderError(w, r, err)
			return
		}
		p := s.newPage(r, "screening.title", data)
		p.Error, p.Fields = p.L.T("screening.invalid"), ipr.ErrorFields(err)
		data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
		s.render(w, r, http.StatusBadRequest, "screening", p)
		return
	}
	data.Total, data.PageNo = page.Total, pageNo
	data.Pages = max(1, int((page.Total+queuePageSize-1)/queuePageSize))
	for _, v := range page.Declarations {
		data.Rows = append(data.Rows, newQueueRow(v))
	}
	s.render(w, r, http.StatusOK, "screening", s.newPage(r, "screening.title", data))
}

// parseQueueFilter reads the filter: office, channel, brand, from, to (days,
// YYYY-MM-DD), status and page. The service checks the channel and status.
func parseQueueFilter(q url.Values) (ipr.QueueFilter, int, error) {
	p := ipr.Problems{}
	f := ipr.QueueFilter{Office: strings.TrimSpace(q.Get("office")), Channel: strings.TrimSpace(q.Get("channel")),
		Brand: strings.TrimSpace(q.Get("brand")), Limit: queuePageSize}
	switch st := q.Get("status"); {
	case st == "":
		f.Status = ipr.DeclarationFlagged
	case st == "all":
	case !slices.Contains(queueStatuses, st):
		p.Add("status", "is not one of "+strings.Join(queueStatuses[1:], ", ")+", or empty for flagged")
	default:
		f.Status = ipr.DeclarationStatus(st)
	}
	for _, d := range []struct {
		name string
		to   *ipr.Date
	}{{"from", &f.From}, {"to", &f.To}} {
		if v := strings.TrimSpace(q.Get(d.name)); v != "" {
			day, err := ipr.ParseDate(v)
			if err != nil {
				p.Add(d.name, "is not a date like 2026-11-29")
			}
			*d.to = day
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		p.Add("to", "is before from")
	}
	pageNo := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100_000 {
			p.Add("page", "must be a whole number from 1 to 100000")
		}
		pageNo = min(max(n, 1), 100_000)
	}
	f.Offset = (pageNo - 1) * queuePageSize
	return f, pageNo, p.Err("the filter is not valid")
}

func newQueueRow(v *enforce.DeclarationView) queueRow {
	d := v.Declaration
	row := queueRow{Ref: d.ID, Path: declarationPath(d.ID), Risk: v.Result.Risk, Level: riskLevel(v.Result.Risk),
		Office: d.CustomsOffice, Channel: d.Channel, Declared: d.DeclaredAt.UTC().Format("2006-01-02 15:04"), Status: v.Status}
	best := -1
	for i, h := range v.Result.Hits {
		if !h.Authorised && (best < 0 || h.Score > v.Result.Hits[best].Score) {
			best = i
		}
	}
	findings := len(v.Result.Hits) + len(v.Result.Rules)
	switch {
	case best >= 0:
		h := v.Result.Hits[best]
		row.Mark, row.Matched, row.Method = h.Mark, h.Matched, h.Method
	case len(v.Result.Rules) > 0:
		row.Rule = v.Result.Rules[0].Name // stored heaviest first
	}
	if findings > 0 {
		row.More = findings - 1
	}
	return row
}
