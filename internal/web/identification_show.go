package web

import (
	"fmt"
	"net/http"
	"slices"
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
	MarkAllGuide  []guideChoice // the guide points "mark all" cites
	Guide         bool          // the case's products have guide points to cite
	Verdicts      []ipr.Verdict
	Errs          fieldErrors

	points []enforce.CaseGuidePoint
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
	Files       []fileLink    // the item's photos and documents
	GuideChoice []guideChoice // the guide points this row cites
}

// guideChoice is an authentication guide point a holder may cite.
type guideChoice struct {
	ID      int64
	Label   string // product: point
	Checked bool
}

// guideChoices offers the case's guide points, those in chosen ticked.
func guideChoices(points []enforce.CaseGuidePoint, chosen []int64) []guideChoice {
	out := make([]guideChoice, len(points))
	for i, g := range points {
		out[i] = guideChoice{ID: g.ID, Label: g.Product + ": " + g.Title, Checked: slices.Contains(chosen, g.ID)}
	}
	return out
}

// formIDs reads the ids ticked under name.
func formIDs(r *http.Request, name string) []int64 {
	var ids []int64
	for _, v := range r.PostForm[name] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			ids = append(ids, id)
		}
	}
	return ids
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
	markAllGuide := formIDs(r, "mark_all_guide")
	data.MarkAllGuide = guideChoices(data.points, markAllGuide)
	answers := make([]ipr.IdentificationAnswer, len(data.Rows))
	for i := range data.Rows {
		row := &data.Rows[i]
		key := strconv.FormatInt(row.ItemID, 10)
		row.Verdict, row.Points = formValue(r, "verdict_"+key), formValue(r, "points_"+key)
		guide := formIDs(r, "guide_"+key)
		row.GuideChoice = guideChoices(data.points, guide)
		verdict, points := row.Verdict, row.Points
		if verdict == "" {
			verdict = data.MarkAll
		}
		if points == "" && len(guide) == 0 {
			points, guide = data.MarkAllPoints, markAllGuide
		}
		answers[i] = ipr.IdentificationAnswer{ItemID: row.ItemID, Verdict: ipr.Verdict(verdict), Points: []string{points},
			GuidePointIDs: guide}
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
	data := newIdentificationData(user, d, req, s.svc.Clock.Now())
	goods, err := s.svc.CaseItems(r.Context(), user, d.Case.ID)
	if err != nil {
		return nil, err
	}
	files := map[int64][]fileLink{}
	for _, it := range goods.Items {
		for _, f := range it.Files {
			files[it.ID] = append(files[it.ID], fileLink{SHA: f.SHA256, Name: f.Name, Image: f.IsImage()})
		}
	}
	for i := range data.Rows {
		data.Rows[i].Files = files[data.Rows[i].ItemID]
	}
	return data, nil
}

func newIdentificationData(user *ipr.User, d *enforce.CaseDetail, req *ipr.IdentificationRequest, now time.Time) *identificationData {
	c := d.Case
	loc := c.Profile.Location()
	data := &identificationData{Case: c, CasePath: casePath(c.ID), Action: identificationPath(req.ID), Request: req,
		Due: req.Due.In(loc).Format("2006-01-02 15:04"), Overdue: !req.Answered() && now.After(req.Due),
		CanAnswer: !req.Answered() && ipr.Can(user, ipr.ActionAnswerIdentification, c.Resource()), Verdicts: ipr.Verdicts,
		Guide: len(d.GuidePoints) > 0, points: d.GuidePoints, MarkAllGuide: guideChoices(d.GuidePoints, nil)}
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
		var cited []int64
		if a, ok := given[itemID]; ok {
			row.Verdict, row.Points, cited = string(a.Verdict), strings.Join(a.Points, "; "), a.GuidePointIDs
		}
		row.GuideChoice = guideChoices(d.GuidePoints, cited)
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
