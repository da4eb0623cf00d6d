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

const tipPageSize = 50

// tipStatuses and tipConfidences are the list filter's choices; "" is any.
var (
	tipStatuses    = []string{"", string(ipr.TipOpen), string(ipr.TipRuled), string(ipr.TipDismissed)}
	tipConfidences = []string{"", string(ipr.ConfidenceLow), string(ipr.ConfidenceMedium), string(ipr.ConfidenceHigh)}
)

type tipListData struct {
	Tips        []*enforce.TipView
	Total       int64
	Query       url.Values
	Statuses    []string
	Confidences []string
	PageNo      int
	Pages       int
	Customs     bool // the review queue; holders see their own tips and those shared with them
	CanWrite    bool
	Errs        tipErrors
}

// PageURL is the current filter at another page number.
func (d *tipListData) PageURL(n int) string {
	q := url.Values{}
	for _, k := range []string{"status", "confidence"} {
		if v := d.Query.Get(k); v != "" {
			q.Set(k, v)
		}
	}
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if len(q) == 0 {
		return "/tips"
	}
	return "/tips?" + q.Encode()
}

// handleTipList is customs' review queue of tips, or a holder's own tips and
// those shared with its working groups; newest first.
func (s *Server) handleTipList(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if user == nil {
		s.renderError(w, r, ipr.Authorize(nil, ipr.ActionViewTip, ipr.Anything))
		return
	}
	q := r.URL.Query()
	data := &tipListData{Query: q, Statuses: tipStatuses, Confidences: tipConfidences, PageNo: 1, Pages: 1,
		Customs: ipr.Can(user, ipr.ActionReviewTip, ipr.Anything), CanWrite: mayWriteTips(user)}
	f, pageNo, err := parseTipFilter(q)
	var page *enforce.TipPage
	if err == nil {
		page, err = s.svc.Tips(r.Context(), user, f)
	}
	if err != nil {
		if ipr.ErrorCode(err) != ipr.EINVALID {
			s.renderError(w, r, err)
			return
		}
		p := s.newPage(r, "tip.list.title", data)
		p.Error, p.Fields = p.L.T("tip.list.invalid"), ipr.ErrorFields(err)
		data.Errs = tipErrors{L: p.L, Fields: p.Fields}
		s.render(w, r, http.StatusBadRequest, "tips", p)
		return
	}
	data.Tips, data.Total, data.PageNo = page.Tips, page.Total, pageNo
	data.Pages = max(1, int((page.Total+tipPageSize-1)/tipPageSize))
	s.render(w, r, http.StatusOK, "tips", s.newPage(r, "tip.list.title", data))
}

// parseTipFilter reads status, confidence and page; empty status or confidence is any.
func parseTipFilter(q url.Values) (ipr.TipFilter, int, error) {
	p := ipr.Problems{}
	f := ipr.TipFilter{Status: ipr.TipStatus(strings.TrimSpace(q.Get("status"))),
		Confidence: ipr.Confidence(strings.TrimSpace(q.Get("confidence"))), Limit: tipPageSize}
	if !slices.Contains(tipStatuses, string(f.Status)) {
		p.Add("status", "must be open, ruled or dismissed")
	}
	if !slices.Contains(tipConfidences, string(f.Confidence)) {
		p.Add("confidence", "must be low, medium or high")
	}
	pageNo := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100_000 {
			p.Add("page", "must be a whole number from 1 to 100000")
		}
		pageNo = min(max(n, 1), 100_000)
	}
	f.Offset = (pageNo - 1) * tipPageSize
	return f, pageNo, p.Err("the filter is not valid")
}
