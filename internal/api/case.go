package api

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strings"

	"bordermark/internal/ipr"
)

// caseQuery reads the filter of GET /cases: office, state, holder, cases with
// an open deadline already past, search text and the page.
func (a *API) caseQuery(q url.Values) (ipr.CaseFilter, error) {
	c := newQueryChecker(q, "office", "state", "holder_id", "overdue", "q", "limit", "offset")
	f := ipr.CaseFilter{Office: c.text("office"), State: c.text("state"),
		HolderOrgID: int64(c.number("holder_id", 1, math.MaxInt, 0)), Search: c.text("q"),
		Limit: c.number("limit", 1, 500, 50), Offset: c.number("offset", 0, 1<<30, 0)}
	switch c.text("overdue") {
	case "", "false":
	case "true":
		f.OverdueAt = a.svc.Clock.Now()
	default:
		c.problems.Add("overdue", "must be true or false")
	}
	if len([]rune(f.Search)) > 200 {
		c.problems.Add("q", "must be at most 200 characters")
	}
	return f, c.err()
}

func (a *API) handleCaseList(w http.ResponseWriter, r *http.Request) {
	f, err := a.caseQuery(r.URL.Query())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	list, total, err := a.svc.Cases(r.Context(), userFrom(r), f)
	if err != nil {
		a.fail(w, r, renamed(err, caseFields))
		return
	}
	out := caseListJSON{Cases: make([]caseJSON, len(list)), Total: total}
	for i, c := range list {
		out.Cases[i] = newCaseJSON(c)
	}
	writeJSON(w, http.StatusOK, out)
}

// handleCaseOpen opens a case (customs) and answers with its detail.
func (a *API) handleCaseOpen(w http.ResponseWriter, r *http.Request) {
	var body caseInput
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	in, err := body.input()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	c, err := a.svc.OpenCase(r.Context(), userFrom(r), in)
	if ipr.ErrorCode(err) == ipr.ENOTFOUND && strings.TrimSpace(in.DeclarationRef) != "" {
		err = invalidBody("declaration_ref", fmt.Sprintf("no declaration %q has been submitted", strings.TrimSpace(in.DeclarationRef)))
	}
	if err != nil {
		a.fail(w, r, renamed(err, caseFields))
		return
	}
	a.writeCase(w, r, http.StatusCreated, c.ID)
}

func (a *API) handleCaseShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeCase(w, r, http.StatusOK, id)
}

// writeCase answers with the case's detail as the caller sees it.
func (a *API) writeCase(w http.ResponseWriter, r *http.Request, status int, id int64) {
	d, err := a.svc.CaseDetail(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, status, newCaseDetailJSON(d))
}

// handleCaseEvent sends a workflow event to a case read at the given version.
func (a *API) handleCaseEvent(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var body eventInput
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	ev, err := body.event()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.svc.ActOnCase(r.Context(), userFrom(r), id, body.Version, ev); err != nil {
		a.fail(w, r, a.stale(r, id, renamed(err, eventFields)))
		return
	}
	a.writeCase(w, r, http.StatusOK, id)
}

// handleCaseBond posts a CN case's bond (the holder), in cash or drawn on its
// general guarantee for the year.
func (a *API) handleCaseBond(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var body bondInput
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	p := ipr.Problems{}
	checkVersion(p, body.Version)
	if err := p.Err("the bond is not valid"); err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.svc.PostBond(r.Context(), userFrom(r), id, body.Version, body.FromGuarantee); err != nil {
		a.fail(w, r, a.stale(r, id, renamed(err, bondFields)))
		return
	}
	a.writeCase(w, r, http.StatusOK, id)
}

// handleCaseRecompute counts the case's running deadlines again with the
// calendars in use now.
func (a *API) handleCaseRecompute(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var body struct {
		Version int `json:"version"`
	}
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	p := ipr.Problems{}
	checkVersion(p, body.Version)
	if err := p.Err("the request is not valid"); err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.svc.RecomputeDeadlines(r.Context(), userFrom(r), id, body.Version); err != nil {
		a.fail(w, r, a.stale(r, id, err))
		return
	}
	a.writeCase(w, r, http.StatusOK, id)
}

// stale adds to a refusal for a stale version what the case is at now, so
// that the caller knows what to reload.
func (a *API) stale(r *http.Request, id int64, err error) error {
	if ipr.ErrorCode(err) != ipr.ECONFLICT || ipr.ErrorFields(err)["version"] == "" {
		return err
	}
	d, derr := a.svc.CaseDetail(r.Context(), userFrom(r), id)
	if derr != nil {
		return err
	}
	return &ipr.Error{Code: ipr.ECONFLICT, Message: fmt.Sprintf("case %s changed since you read it: it is now at version %d, in state %s; reload it and try again",
		d.Case.Ref, d.Case.Version, d.Case.State), Fields: map[string]string{"version": fmt.Sprintf("is no longer current: the case is at version %d", d.Case.Version)}}
}
