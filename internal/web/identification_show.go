package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// identificationData is the holder's batch screen: every requested item in one
// table, a verdict and the points that show it for each, sent at once. "Mark
// all" fills the rows left blank, so hundreds of parcels take one choice.
type identificationData struct {
	Case          *ipr.Case
	CasePath      string
	Action        string
	Request       *ipr.IdentificationRequest
	Rows          []identificationRow
	Due           string
	Overdue       bool
	CanAnswer     bool
	MarkAll       string
	MarkAllPoints string
	Verdicts      []ipr.Verdict
	Errs          fieldErrors
}

// identificationRow is one requested item, with the verdict chosen or given.
type identificationRow struct {
	Index       int // its place in the answers, as the service names problems
	ItemID      int64
	Position    int
	Description string
	Quantity    string
	Verdict     string
	Points      string
}

// RowError is the problem of row i's part (verdict, points, item), in the page language.
func (d *identificationData) RowError(i int, part string) string {
	return d.Errs.For(fmt.Sprintf("items[%d].%s", i, part))
}

// handleIdentificationShow shows a request: the answer form to the holder while
// it is open, the answers once given.
func (s *Server) handleIdentificationShow(w http.ResponseWriter, r *http.Request) {
	data, err := s.identificationData(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderIdentification(w, r, http.StatusOK, data, nil)
}

// handleIdentificationAnswer sends every answer at once and returns to the case.
func (s *Server) handleIdentificationAnswer(w http.ResponseWriter, r *http.Request) {
	err := readForm(w, r)
	var data *identificationData
	if err == nil {
		data, err = s.identificationData(r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.MarkAll, data.MarkAllPoints = formValue(r, "mark_all"), formValue(r, "mark_all_points")
	answers := make([]ipr.IdentificationAnswer, len(data.Rows))
	for i := range data.Rows {
		row := &data.Rows[i]
		key := strconv.FormatInt(row.ItemID, 10)
		row.Verdict, row.Points = formValue(r, "verdict_"+key), formValue(r, "points_"+key)
		verdict, points := row.Verdict, row.Points
		if verdict == "" {
			verdict = data.MarkAll
		}
		if points == "" {
			points = data.MarkAllPoints
		}
		answers[i] = ipr.IdentificationAnswer{ItemID: row.ItemID, Verdict: ipr.Verdict(verdict), Points: []string{points}}
	}
	_, err = s.svc.AnswerIdentification(r.Context(), userFrom(r), data.Request.ID, answers)
	switch ipr.ErrorCode(err) {
	case "":
		http.Redirect(w, r, data.CasePath+"?done=answered", http.StatusSeeOther)
	case ipr.EINVALID, ipr.ECONFLICT:
		s.renderIdentification(w, r, ipr.HTTPStatus(err), data, err)
	default:
		s.renderError(w, r, err)
	}
}

// identificationData loads the request of the path with its case, which the
// service shows only to customs and the case's holder.
func (s *Server) identificationData(r *http.Request) (*identificationData, error) {
	user := userFrom(r)
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	d, err := s.svc.IdentificationCase(r.Context(), user, id)
	if err != nil {
		return nil, err
	}
	var req *ipr.IdentificationRequest
	for _, x := range d.Identifications {
		if x.ID == id {
			req = x
		}
	}
	if req == nil { // answered requests stay listed; a missing one is a store fault
		return nil, &ipr.Error{Code: ipr.ENOTFOUND, Message: "identification request not found"}
	}
	return newIdentificationData(user, d, req, s.svc.Clock.Now()), nil
}

func newIdentificationData(user *ipr.User, d *enforce.CaseDetail, req *ipr.IdentificationRequest, now time.Time) *identificationData {
	c := d.Case
	loc := c.Profile.Location()
	data := &identificationData{Case: c, CasePath: casePath(c.ID), Action: identificationPath(req.ID), Request: req,
		Due: req.Due.In(loc).Format("2006-01-02 15:04"), Overdue: !req.Answered() && now.After(req.Due),
		CanAnswer: !req.Answered() && ipr.Can(user, ipr.ActionAnswerIdentification, c.Resource()), Verdicts: ipr.Verdicts}
	items := map[int64]*ipr.CaseItem{}
	for _, it := range d.Items {
		items[it.ID] = it
	}
	given := map[int64]ipr.IdentificationAnswer{}
	for _, a := range req.Answers {
		given[a.ItemID] = a
	}
	for i, itemID := range req.ItemIDs {
		row := identificationRow{Index: i, ItemID: itemID}
		if it := items[itemID]; it != nil {
			row.Position, row.Description, row.Quantity = it.Position, it.Description, strconv.FormatInt(it.Quantity, 10)+" "+it.Unit
		}
		if a, ok := given[itemID]; ok {
			row.Verdict, row.Points = string(a.Verdict), strings.Join(a.Points, "; ")
		}
		data.Rows = append(data.Rows, row)
	}
	return data
}

func (s *Server) renderIdentification(w http.ResponseWriter, r *http.Request, status int, data *identificationData, err error) {
	p := s.newPage(r, "identification.title", data)
	if err != nil {
		p.Error, p.Fields = ipr.ErrorMessage(err), ipr.ErrorFields(err)
		if ipr.ErrorCode(err) == ipr.EINVALID {
			p.Error = p.L.T("identification.invalid")
		}
	}
	data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "identification", p)
}
