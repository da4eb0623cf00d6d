package web

import (
	"net/http"
	"slices"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// rightDone are the confirmations a right's page shows after a change (?done=…).
var rightDone = []string{"filed", "updated", "submitted", "approved", "rejected", "amendment_filed",
	"amendment_approved", "amendment_rejected", "images"}

// rightActions are what the user may do to the recordation, each decided by ipr.Can.
type rightActions struct {
	Edit, Submit, Review, Amend, Renewal, DecideAmendments, ViewCatalogue, EditCatalogue bool
}

type rightShowData struct {
	rightView
	Parties    []*ipr.Party
	Amendments []amendmentView
	Products   []productLink
	// ProductsShown: the product catalogue is there to list the right's products.
	ProductsShown bool
	Can           rightActions
	AmendKinds    []ipr.AmendmentKind
	Done          string

	// What the user typed in the form that failed (Form names it), to show it again.
	Form   string // "decide", "amend", or "amendment-<id>"
	Amend  amendmentInput
	Reason string
	Errs   fieldErrors
}

// amendmentView is an amendment in the recordation's history.
type amendmentView struct {
	*ipr.Amendment
}

func (a amendmentView) KindKey() string   { return "amendment.kind." + string(a.Kind) }
func (a amendmentView) StatusKey() string { return "right.status." + string(a.Status) }
func (a amendmentView) Pending() bool     { return a.Status == ipr.StatusSubmitted }

// FormName names the decision form of the amendment, to show its errors there.
func (a amendmentView) FormName() string { return "amendment-" + strconv.FormatInt(a.ID, 10) }

// productLink is a product under the right, linking to its page and guide.
type productLink struct {
	ID    int64
	Name  string
	Model string
}

// handleRightShow is a recordation's page: its fields, status and due date, supply
// chain, history, and the actions the user may take.
func (s *Server) handleRightShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.showRight(w, r, id, http.StatusOK, nil)
}

// rightForm is what a form on a right's page was sent with, when it failed.
type rightForm struct {
	name   string // "decide", "amend" or "amendment-<id>"
	amend  amendmentInput
	reason string
	err    error
}

// showRight renders a right's page; failed, when not nil, is a form of the page that
// failed, shown again with its problems and status.
func (s *Server) showRight(w http.ResponseWriter, r *http.Request, id int64, status int, failed *rightForm) {
	user := userFrom(r)
	d, err := s.svc.Right(r.Context(), user, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data := s.rightShowData(r, user, d)
	p := s.newPage(r, "right.show.title", data)
	if failed != nil {
		data.Form, data.Amend, data.Reason = failed.name, failed.amend, failed.reason
		p.Error, p.Fields = ipr.ErrorMessage(failed.err), ipr.ErrorFields(failed.err)
		if ipr.ErrorCode(failed.err) == ipr.EINVALID {
			p.Error = p.L.T("right.form.invalid")
		}
	}
	data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "right", p)
}

func (s *Server) rightShowData(r *http.Request, user *ipr.User, d *enforce.RightDetail) *rightShowData {
	today := s.today()
	res := ipr.Resource{Kind: "right", OrgID: d.HolderID, State: string(d.Status)}
	catalogue := ipr.OrgResource("catalogue", d.HolderID)
	data := &rightShowData{rightView: newRightView(d.Right, today), Parties: d.Parties,
		Can: rightActions{
			Edit:             d.Editable() && ipr.Can(user, ipr.ActionEditRight, res),
			Submit:           ipr.Can(user, ipr.ActionSubmitRight, res),
			Review:           d.Status == ipr.StatusSubmitted && ipr.Can(user, ipr.ActionReviewRight, res),
			Amend:            ipr.Can(user, ipr.ActionAmendRight, res),
			Renewal:          d.RenewalOpen(today) && ipr.Can(user, ipr.ActionAmendRight, res),
			DecideAmendments: ipr.Can(user, ipr.ActionReviewRight, res),
			ViewCatalogue:    ipr.Can(user, ipr.ActionViewCatalogue, catalogue),
			EditCatalogue:    ipr.Can(user, ipr.ActionEditCatalogue, catalogue),
		}}
	for _, a := range d.Amendments {
		data.Amendments = append(data.Amendments, amendmentView{a})
	}
	for _, k := range ipr.AmendmentKinds {
		if k != ipr.AmendRenewal || data.Can.Renewal {
			data.AmendKinds = append(data.AmendKinds, k)
		}
	}
	if done := r.URL.Query().Get("done"); slices.Contains(rightDone, done) {
		data.Done = "right.done." + done
	}
	data.Products, data.ProductsShown = s.rightProducts(r, user, d)
	return data
}

// rightProducts lists the products under the right, for those who may see its catalogue.
// A failure only leaves the list out: the recordation is what the page is about.
func (s *Server) rightProducts(r *http.Request, user *ipr.User, d *enforce.RightDetail) ([]productLink, bool) {
	if !ipr.Can(user, ipr.ActionViewCatalogue, ipr.OrgResource("catalogue", d.HolderID)) {
		return nil, false
	}
	list, err := s.svc.Products(r.Context(), user, d.ID)
	if err != nil {
		s.log.Warn("products of a right", "right", d.ID, "request_id", enforce.RequestID(r.Context()), "err", err)
		return nil, false
	}
	links := make([]productLink, len(list))
	for i, p := range list {
		links[i] = productLink{ID: p.ID, Name: p.Name, Model: p.Model}
	}
	return links, true
}
