package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"bordermark/internal/ipr"
)

const transferPageSize = 50

// transferStates are the state filter's choices.
var transferStates = []ipr.TransferState{ipr.TransferProposed, ipr.TransferApproved, ipr.TransferSent,
	ipr.TransferReturned, ipr.TransferMoreEvidence, ipr.TransferAccepted, ipr.TransferRejected}

type transferListData struct {
	Rows     []transferRow
	Total    int64
	Query    url.Values
	States   []ipr.TransferState
	PageNo   int
	Pages    int
	CanStats bool
	Errs     fieldErrors
}

// PageURL is the current filter at another page number.
func (d *transferListData) PageURL(n int) string {
	q := url.Values{}
	if st := d.Query.Get("state"); st != "" {
		q.Set("state", st)
	}
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if len(q) == 0 {
		return "/transfers"
	}
	return "/transfers?" + q.Encode()
}

// handleTransferList lists transfers, those proposed longest ago first:
// customs see all, a police user those to its unit (the service filters).
func (s *Server) handleTransferList(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	q := r.URL.Query()
	data := &transferListData{Query: q, States: transferStates, PageNo: 1, Pages: 1,
		CanStats: ipr.Can(user, ipr.ActionViewTransferStats, ipr.Anything)}
	f, pageNo, err := parseTransferFilter(q)
	var list []*ipr.Transfer
	if err == nil {
		list, data.Total, err = s.svc.Transfers(r.Context(), user, f)
	}
	if err != nil {
		if ipr.ErrorCode(err) != ipr.EINVALID {
			s.renderError(w, r, err)
			return
		}
		p := s.newPage(r, "transfer.list.title", data)
		p.Error, p.Fields = p.L.T("transfer.list.invalid"), ipr.ErrorFields(err)
		data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
		s.render(w, r, http.StatusBadRequest, "transfers", p)
		return
	}
	data.PageNo = pageNo
	data.Pages = max(1, int((data.Total+transferPageSize-1)/transferPageSize))
	_, units := s.policeUnits(r, user)
	now := s.svc.Clock.Now()
	for _, t := range list {
		data.Rows = append(data.Rows, newTransferRow(t, units, now))
	}
	s.render(w, r, http.StatusOK, "transfers", s.newPage(r, "transfer.list.title", data))
}

// parseTransferFilter reads the filter: state and page.
func parseTransferFilter(q url.Values) (ipr.TransferFilter, int, error) {
	p := ipr.Problems{}
	f := ipr.TransferFilter{State: ipr.TransferState(q.Get("state")), Limit: transferPageSize}
	if f.State != "" && !slices.Contains(transferStates, f.State) {
		p.Add("state", "is not a transfer state")
	}
	pageNo := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100_000 {
			p.Add("page", "must be a whole number from 1 to 100000")
		}
		pageNo = min(max(n, 1), 100_000)
	}
	f.Offset = (pageNo - 1) * transferPageSize
	return f, pageNo, p.Err("the filter is not valid")
}
