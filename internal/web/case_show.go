package web

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/workflow"
)

// caseShowData is a case's page: the next deadline and who must act, the
// goods, the timeline, the deadlines, identification requests, the bond, and
// one form per event the user may send now.
type caseShowData struct {
	*enforce.CaseDetail
	Path       string
	Holder     string
	Value      string
	Bond       string // the bond posted, "" when none
	Fine       string // the fine decided, "" when none
	Next       *deadlineRow
	Deadlines  []deadlineRow
	Timeline   []timelineRow
	Forms      []eventForm
	BondForm   *bondForm         // nil when the user owes no bond now
	CanRequest bool              // may ask the holder to identify items
	CanRecount bool              // may count the running deadlines again with the calendars in use
	Transfer   *caseTransferLink // the threshold check and the transfer page, for customs
	Requests   []requestRow
	Documents  []string
	Done       string // message, already translated
	Conflict   bool   // someone else changed the case since the form was shown
	Kept       string // what was typed in a form whose event no longer applies
	Errs       fieldErrors
}

// eventForm is the form of one workflow event, with what was typed when it came back refused.
type eventForm struct {
	Event string
	eventNeeds
	Danger bool
	Failed bool
	// What was typed, when the form came back refused.
	TypedReason, TypedAmount, TypedDetermination string
}

// Determinations are the choices of a determine form.
func (eventForm) Determinations() []string { return determinationChoices }

// timelineRow is one entry of the case's timeline.
type timelineRow struct {
	At, Kind, From, To, Note string
	System                   bool
	By                       string // who acted, when a user did
}

// requestRow is an identification request with its answers.
type requestRow struct {
	ID                   int64
	Path                 string
	Sent, Due            string
	Items                int
	Answered             bool
	AnsweredAt           string
	Answers              []answerRow
	CanAnswer            bool
	Overdue              bool
	Genuine, Counterfeit int
	CannotTell           int
}

type answerRow struct {
	Position int
	Item     string
	Verdict  ipr.Verdict
	Points   string
}

// bondForm offers the holder to post the bond the case needs, in cash or from its guarantee.
type bondForm struct {
	Required  string
	Balance   string // what the holder's guarantee may still give; "" when it has none
	Covers    bool   // the guarantee covers the bond
	Reference string
	Version   int
}

// caseForm is a form posted on the case page that was refused: which event,
// what was typed, and why.
type caseForm struct {
	event, reason, amount, determination string
	err                                  error
}

// handleCaseShow is a case's page.
func (s *Server) handleCaseShow(w http.ResponseWriter, r *http.Request) {
	s.showCase(w, r, http.StatusOK, nil)
}

// showCase renders the page; failed, when not nil, is a refused form, shown
// again with its problem and what was typed, and status.
func (s *Server) showCase(w http.ResponseWriter, r *http.Request, status int, failed *caseForm) {
	user := userFrom(r)
	id, err := pathID(r, "id")
	var d *enforce.CaseDetail
	if err == nil {
		d, err = s.svc.CaseDetail(r.Context(), user, id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data := s.caseShowData(r, user, d)
	p := s.newPage(r, "case.title", data)
	p.TitleKey = "case.title"
	if done := r.URL.Query().Get("done"); done != "" {
		data.Done = doneText(p.L, done)
	}
	if failed != nil {
		s.keepFailed(p, data, failed)
	}
	data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "case", p)
}

// keepFailed puts a refused form's problem on the page and what was typed in
// its form, or, when its event no longer applies, beside the forms.
func (s *Server) keepFailed(p *page, data *caseShowData, f *caseForm) {
	p.Error, p.Fields = ipr.ErrorMessage(f.err), ipr.ErrorFields(f.err)
	switch {
	case ipr.ErrorCode(f.err) == ipr.ECONFLICT && p.Fields["version"] != "":
		data.Conflict, p.Error = true, p.L.T("case.conflict")
	case ipr.ErrorCode(f.err) == ipr.EINVALID:
		p.Error = p.L.T("case.invalid")
	}
	for i := range data.Forms {
		if data.Forms[i].Event == f.event {
			fm := &data.Forms[i]
			fm.Failed, fm.TypedReason, fm.TypedAmount, fm.TypedDetermination = true, f.reason, f.amount, f.determination
			return
		}
	}
	kept := strings.TrimSpace(strings.Join([]string{f.determination, f.amount, f.reason}, " "))
	data.Kept = kept
}

// doneText confirms what was just done (?done=…); "" for anything unknown.
func doneText(l *Catalog, done string) string {
	if key := "case.done." + done; l.T(key) != key {
		return l.T(key)
	}
	if key := "case.event." + done; l.T(key) != key {
		return l.T("case.done.event", l.T(key))
	}
	return ""
}

func (s *Server) caseShowData(r *http.Request, user *ipr.User, d *enforce.CaseDetail) *caseShowData {
	c := d.Case
	now := s.svc.Clock.Now()
	loc := c.Profile.Location()
	names := s.holderNames(r, user)
	data := &caseShowData{CaseDetail: d, Path: casePath(c.ID), Holder: holderName(names, c.HolderOrgID),
		Value: money(c.GoodsValue, c.Currency), Documents: caseDocuments(d)}
	if c.BondAmount > 0 {
		data.Bond = money(c.BondAmount, c.Currency)
	}
	if c.Penalty.Fine > 0 || c.Penalty.Tier != "" {
		data.Fine = money(c.Penalty.Fine, c.Currency)
	}
	for _, dv := range d.Deadlines {
		data.Deadlines = append(data.Deadlines, newDeadlineRow(dv, now))
	}
	data.Next = nextDeadline(data.Deadlines, d.Deadlines)
	for _, e := range d.Events {
		data.Timeline = append(data.Timeline, timelineRow{At: e.At.In(loc).Format("2006-01-02 15:04"), Kind: e.Kind,
			From: e.FromState, To: e.ToState, Note: e.Note, System: e.ActorID == 0, By: d.Actors[e.ActorID]})
	}
	for _, ev := range d.Allowed {
		if c.Profile == ipr.ProfileCN && slices.Contains([]string{"apply", "post_bond"}, ev) {
			data.BondForm = s.bondForm(r, user, c)
			continue
		}
		data.Forms = append(data.Forms, eventForm{Event: ev, eventNeeds: needsOf(c.Profile, ev),
			Danger: slices.Contains(dangerEvents, ev)})
	}
	data.CanRequest = c.Open() && len(d.Items) > 0 && ipr.Can(user, ipr.ActionActCase, c.Resource())
	data.CanRecount = c.Open() && hasRunning(d.Deadlines) && ipr.Can(user, ipr.ActionActCase, c.Resource())
	data.Transfer = s.caseTransferLink(r, user, c)
	mayAnswer := ipr.Can(user, ipr.ActionAnswerIdentification, c.Resource())
	for _, req := range d.Identifications {
		data.Requests = append(data.Requests, newRequestRow(req, d.Items, loc, now, mayAnswer))
	}
	return data
}

// bondForm is the bond the holder owes on c, with its guarantee's balance.
func (s *Server) bondForm(r *http.Request, user *ipr.User, c *ipr.Case) *bondForm {
	need := workflow.CNRequiredBond(workflow.Mode(c.Mode), c.GoodsValue)
	f := &bondForm{Required: money(need, c.Currency), Version: c.Version}
	year := s.svc.Clock.Now().In(c.Profile.Location()).Year()
	g, err := s.svc.Guarantee(r.Context(), user, c.HolderOrgID, year)
	switch {
	case err == nil:
		f.Balance, f.Covers, f.Reference = money(g.Guarantee.Balance(), "CNY"), g.Guarantee.Balance() >= need, g.Guarantee.Reference
	case ipr.ErrorCode(err) != ipr.ENOTFOUND:
		s.log.Warn("guarantee for the bond", "request_id", enforce.RequestID(r.Context()), "err", err)
	}
	return f
}

func newRequestRow(req *ipr.IdentificationRequest, items []*ipr.CaseItem, loc *time.Location, now time.Time, mayAnswer bool) requestRow {
	row := requestRow{ID: req.ID, Path: identificationPath(req.ID), Sent: req.SentAt.In(loc).Format("2006-01-02 15:04"),
		Due: req.Due.In(loc).Format("2006-01-02 15:04"), Items: len(req.ItemIDs), Answered: req.Answered(),
		CanAnswer: mayAnswer && !req.Answered(), Overdue: !req.Answered() && now.After(req.Due)}
	if req.Answered() {
		row.AnsweredAt = req.AnsweredAt.In(loc).Format("2006-01-02 15:04")
	}
	for _, a := range req.Answers {
		ar := answerRow{Verdict: a.Verdict, Points: strings.Join(a.Points, "; ")}
		for _, it := range items {
			if it.ID == a.ItemID {
				ar.Position, ar.Item = it.Position, it.Description
			}
		}
		switch a.Verdict {
		case ipr.VerdictGenuine:
			row.Genuine++
		case ipr.VerdictCounterfeit:
			row.Counterfeit++
		default:
			row.CannotTell++
		}
		row.Answers = append(row.Answers, ar)
	}
	return row
}
