package api

import (
	"math"
	"net/http"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// guaranteeJSON is a holder's general guarantee for a year (schema Guarantee):
// bonds of its CN cases are drawn on it and given back when a case ends.
type guaranteeJSON struct {
	ID        int64     `json:"id"`
	HolderID  int64     `json:"holder_id"`
	Year      int       `json:"year"`
	Amount    ipr.Money `json:"amount"`
	Held      ipr.Money `json:"held"`    // drawn as bonds of open cases
	Balance   ipr.Money `json:"balance"` // what may still be drawn
	Issuer    string    `json:"issuer"`
	Reference string    `json:"reference"`
	CreatedBy int64     `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
}

// guaranteeViewJSON is a guarantee with what was drawn and given back (schema GuaranteeView).
type guaranteeViewJSON struct {
	guaranteeJSON
	Moves []moveJSON `json:"moves"`
}

// moveJSON is a draw for a case's bond (a positive amount) or its release (negative).
type moveJSON struct {
	ID     int64     `json:"id"`
	CaseID int64     `json:"case_id"`
	Amount ipr.Money `json:"amount"`
	At     time.Time `json:"at"`
	By     int64     `json:"by"`
}

func newGuaranteeJSON(g *ipr.Guarantee) guaranteeJSON {
	return guaranteeJSON{ID: g.ID, HolderID: g.HolderOrgID, Year: g.Year, Amount: g.Amount, Held: g.Held,
		Balance: g.Balance(), Issuer: g.Issuer, Reference: g.Reference, CreatedBy: g.CreatedBy, CreatedAt: g.CreatedAt}
}

// guaranteeInput is the body of POST /guarantees (schema GuaranteeInput).
type guaranteeInput struct {
	HolderID  int64  `json:"holder_id"`
	Year      int    `json:"year"`
	Amount    string `json:"amount"`
	Issuer    string `json:"issuer"`
	Reference string `json:"reference"`
}

var guaranteeFields = map[string]string{"holder": "holder_id"}

// callerHolder is the right holder a request is about: the one named, else the
// caller's own organisation, or an agent's only client.
func callerHolder(u *ipr.User, named int64) int64 {
	switch {
	case named != 0:
		return named
	case u.Role == ipr.RoleRightHolder:
		return u.OrgID
	case u.Role == ipr.RoleAgent && len(u.ActsFor) == 1:
		return u.ActsFor[0]
	}
	return 0
}

func needHolder(p ipr.Problems, holder int64) {
	if holder == 0 {
		p.Add("holder_id", "is required: the right holder's id")
	}
}

// handleGuaranteeFile records a holder's general guarantee for a year (the holder or its agent).
func (a *API) handleGuaranteeFile(w http.ResponseWriter, r *http.Request) {
	var body guaranteeInput
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	p := ipr.Problems{}
	g := ipr.Guarantee{HolderOrgID: callerHolder(userFrom(r), body.HolderID), Year: body.Year,
		Amount: money(p, "amount", body.Amount), Issuer: body.Issuer, Reference: body.Reference}
	needHolder(p, g.HolderOrgID)
	if err := p.Err("the guarantee is not valid"); err != nil {
		a.fail(w, r, err)
		return
	}
	filed, err := a.svc.FileGuarantee(r.Context(), userFrom(r), g)
	if err != nil {
		a.fail(w, r, renamed(err, guaranteeFields))
		return
	}
	writeJSON(w, http.StatusCreated, newGuaranteeJSON(filed))
}

// handleGuaranteeShow is a holder's guarantee for the year in the path, with its draws and releases.
func (a *API) handleGuaranteeShow(w http.ResponseWriter, r *http.Request) {
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || year < 2000 || year > 2999 {
		a.fail(w, r, &ipr.Error{Code: ipr.EINVALID, Message: "the address is not valid",
			Fields: map[string]string{"year": "must be a year such as 2026"}})
		return
	}
	c := newQueryChecker(r.URL.Query(), "holder_id")
	holder := callerHolder(userFrom(r), int64(c.number("holder_id", 1, math.MaxInt, 0)))
	needHolder(c.problems, holder)
	if err := c.err(); err != nil {
		a.fail(w, r, err)
		return
	}
	v, err := a.svc.Guarantee(r.Context(), userFrom(r), holder, year)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := guaranteeViewJSON{guaranteeJSON: newGuaranteeJSON(v.Guarantee), Moves: make([]moveJSON, len(v.Moves))}
	for i, m := range v.Moves {
		out.Moves[i] = moveJSON{ID: m.ID, CaseID: m.CaseID, Amount: m.Amount, At: m.At, By: m.By}
	}
	writeJSON(w, http.StatusOK, out)
}
