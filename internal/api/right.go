package api

import (
	"net/http"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// today is the day recordations are judged on (expired or not).
func (a *API) today() ipr.Date { return ipr.DateOf(a.svc.Clock.Now(), time.UTC) }

// handleRightList searches the register within what the caller may see.
func (a *API) handleRightList(w http.ResponseWriter, r *http.Request) {
	c := newQueryChecker(r.URL.Query(), "q", "holder", "class", "status", "expiring_before", "limit", "offset")
	f := ipr.RightFilter{Text: c.text("q"), HolderName: c.text("holder"), Class: c.number("class", 1, 45, 0),
		Limit: c.number("limit", 1, 1000, 50), Offset: c.number("offset", 0, 1<<30, 0)}
	if s := c.text("status"); s != "" {
		f.Status = ipr.RecordStatus(s)
		if !isStatus(f.Status) {
			c.problems.Add("status", strconv.Quote(s)+" is not one of draft, submitted, approved, rejected")
		}
	}
	if d := c.date("expiring_before"); !d.IsZero() {
		f.ExpiringBy = d.AddDate(0, 0, -1) // ExpiringBy includes its day; "before" does not
	}
	if err := c.err(); err != nil {
		a.fail(w, r, err)
		return
	}
	page, err := a.svc.ListRights(r.Context(), userFrom(r), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := rightListJSON{Rights: make([]rightJSON, len(page.Rights)), Total: page.Total}
	for i, right := range page.Rights {
		out.Rights[i] = newRightJSON(right, a.today())
	}
	writeJSON(w, http.StatusOK, out)
}

func isStatus(s ipr.RecordStatus) bool {
	for _, st := range ipr.RecordStatuses {
		if st == s {
			return true
		}
	}
	return false
}

// handleRightShow is one recordation with its authorised supply chain.
func (a *API) handleRightShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	d, err := a.svc.Right(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newRightDetailJSON(d, a.today()))
}

// handleRightCreate files a draft recordation: a right holder for itself, an agent
// for the client named by holder_id.
func (a *API) handleRightCreate(w http.ResponseWriter, r *http.Request) {
	var in rightInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	if err := in.notHere(false); err != nil {
		a.fail(w, r, err)
		return
	}
	u := userFrom(r)
	if in.HolderID != 0 { // naming a holder one does not act for is refused, not quietly replaced
		if err := ipr.Authorize(u, ipr.ActionEditRight, ipr.OrgResource("right", in.HolderID)); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	right, err := in.right()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	right.Ref, right.HolderID = in.Ref, in.HolderID
	created, err := a.svc.FileRight(r.Context(), u, right)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/rights/"+strconv.FormatInt(created.ID, 10))
	writeJSON(w, http.StatusCreated, newRightJSON(created, a.today()))
}

// handleRightUpdate replaces the fields of a draft or rejected recordation, if
// nobody changed it since the caller read the version it sends.
func (a *API) handleRightUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in rightInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	if err := in.notHere(true); err != nil {
		a.fail(w, r, err)
		return
	}
	if in.Version <= 0 {
		a.fail(w, r, invalidBody("version", "is required: send the version you read, so that nobody's change is lost"))
		return
	}
	right, err := in.right()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	updated, err := a.svc.UpdateRight(r.Context(), userFrom(r), id, in.Version, right)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newRightJSON(updated, a.today()))
}

// handleRightSubmit sends a draft or rejected recordation to customs.
func (a *API) handleRightSubmit(w http.ResponseWriter, r *http.Request) {
	a.transition(w, r, func(u *ipr.User, id int64) (*ipr.Right, error) { return a.svc.SubmitRight(r.Context(), u, id) })
}

// handleRightApprove records the right (customs supervisors).
func (a *API) handleRightApprove(w http.ResponseWriter, r *http.Request) {
	a.transition(w, r, func(u *ipr.User, id int64) (*ipr.Right, error) { return a.svc.ApproveRight(r.Context(), u, id) })
}

// handleRightReject sends the recordation back with a reason (customs supervisors).
func (a *API) handleRightReject(w http.ResponseWriter, r *http.Request) {
	var in rejectInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	a.transition(w, r, func(u *ipr.User, id int64) (*ipr.Right, error) {
		return a.svc.RejectRight(r.Context(), u, id, in.Reason)
	})
}

// transition runs a workflow step on the right of the path and answers with the result.
func (a *API) transition(w http.ResponseWriter, r *http.Request, step func(*ipr.User, int64) (*ipr.Right, error)) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	right, err := step(userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newRightJSON(right, a.today()))
}
