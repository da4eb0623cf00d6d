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

// declarationDone are the confirmations a declaration's page shows after a decision (?done=…).
var declarationDone = []string{"dismissed", "inspection"}

// declarationShowData is a declaration's page: what was declared, with the
// matched text marked, what screening found and why, and the decision.
type declarationShowData struct {
	*enforce.DeclarationView
	Level       string // risk level: high, medium or low
	Facts       []declarationFact
	Description []textPart
	Brand       []textPart
	Hits        []hitView
	CanDismiss  bool
	CanInspect  bool
	CanOpenCase bool   // the goods may be detained: flagged or sent to inspection
	Done        string // message key

	// A decision form that failed ("dismiss" or "inspect"), shown again with what was typed.
	Form string
	Text string
	Errs fieldErrors
}

// StatusKey names the status in the message catalogues.
func (d *declarationShowData) StatusKey() string { return "screening.status." + string(d.Status) }

// OpenCasePath is the form to open a detention case from the declaration, prefilled.
func (d *declarationShowData) OpenCasePath() string {
	return "/cases/new?declaration=" + url.QueryEscape(d.Declaration.ID)
}

// Path is the declaration's page, where its forms post.
func (d *declarationShowData) Path() string { return declarationPath(d.Declaration.ID) }

// declarationFact is one declared field: its label's key and its value.
type declarationFact struct {
	Key, Value string
}

// hitView is a recorded mark found in the declaration, with links to the right
// and to the authentication guides of its products.
type hitView struct {
	Mark, Matched, Field, Method, RightRef string
	Score                                  string
	Authorised                             bool
	Reasons                                []string
	RightPath                              string // "" when the right is not in the register any more
	Guides                                 []productLink
}

// handleDeclarationShow is a declaration's page.
func (s *Server) handleDeclarationShow(w http.ResponseWriter, r *http.Request) {
	s.showDeclaration(w, r, http.StatusOK, nil)
}

// decisionForm is a decision form that was refused: which one, what was typed, why.
type decisionForm struct {
	name, text string
	err        error
}

// showDeclaration renders the page; failed, when not nil, is a refused form, shown
// again with its problem and status.
func (s *Server) showDeclaration(w http.ResponseWriter, r *http.Request, status int, failed *decisionForm) {
	user := userFrom(r)
	v, err := s.svc.Declaration(r.Context(), user, r.PathValue("id"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data := s.declarationShowData(r, user, v)
	p := s.newPage(r, "declaration.title", data)
	if failed != nil {
		data.Form, data.Text = failed.name, failed.text
		p.Error, p.Fields = ipr.ErrorMessage(failed.err), ipr.ErrorFields(failed.err)
		if ipr.ErrorCode(failed.err) == ipr.EINVALID {
			p.Error = p.L.T("declaration.invalid")
		}
	}
	data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "declaration", p)
}

func (s *Server) declarationShowData(r *http.Request, user *ipr.User, v *enforce.DeclarationView) *declarationShowData {
	d := v.Declaration
	may := ipr.Can(user, ipr.ActionDecideDeclaration, ipr.Anything)
	data := &declarationShowData{DeclarationView: v, Level: riskLevel(v.Result.Risk), Facts: declarationFacts(v),
		Description: fieldParts(v, "description", d.Description), Brand: fieldParts(v, "brand", d.Brand),
		CanDismiss: may && v.Status == ipr.DeclarationFlagged,
		CanInspect: may && (v.Status == ipr.DeclarationFlagged || v.Status == ipr.DeclarationClear),
		CanOpenCase: ipr.Can(user, ipr.ActionOpenCase, ipr.Anything) &&
			(v.Status == ipr.DeclarationFlagged || v.Status == ipr.DeclarationInspection)}
	guides := map[int64][]productLink{} // a right found twice is looked up once
	for i, h := range v.Result.Hits {
		hv := hitView{Mark: h.Mark, Matched: h.Matched, Field: h.Field, Method: h.Method, RightRef: h.RightID,
			Score: strconv.FormatFloat(h.Score, 'f', 2, 64), Authorised: h.Authorised, Reasons: h.Reasons}
		if i < len(v.HitRights) && v.HitRights[i] > 0 {
			id := v.HitRights[i]
			hv.RightPath = "/rights/" + strconv.FormatInt(id, 10)
			if _, ok := guides[id]; !ok {
				guides[id] = s.hitGuides(r, user, id)
			}
			hv.Guides = guides[id]
		}
		data.Hits = append(data.Hits, hv)
	}
	if done := r.URL.Query().Get("done"); slices.Contains(declarationDone, done) {
		data.Done = "declaration.done." + done
	}
	return data
}

// hitGuides are the products of a right, each with its authentication guide. A
// failure only leaves the links out: the declaration is what the page is about.
func (s *Server) hitGuides(r *http.Request, user *ipr.User, rightID int64) []productLink {
	list, err := s.svc.Products(r.Context(), user, rightID)
	if err != nil {
		s.log.Warn("products of a hit's right", "right", rightID, "request_id", enforce.RequestID(r.Context()), "err", err)
		return nil
	}
	links := make([]productLink, len(list))
	for i, p := range list {
		links[i] = productLink{ID: p.ID, Name: p.Name, Model: p.Model}
	}
	return links
}

// declarationFacts are the declared fields but the description and brand, which
// the page shows with their matches marked.
func declarationFacts(v *enforce.DeclarationView) []declarationFact {
	d := v.Declaration
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	value := num(d.Value)
	if d.Currency != "" {
		value += " " + d.Currency
	}
	facts := []declarationFact{
		{"declared_at", d.DeclaredAt.UTC().Format("2006-01-02 15:04 UTC")},
		{"customs_office", d.CustomsOffice}, {"channel", d.Channel}, {"direction", d.Direction},
		{"transport", d.Transport}, {"origin", d.Origin}, {"destination", d.Destination},
		{"route", d.Route}, {"port", d.Port},
		{"consignor", d.Consignor}, {"consignor_address", d.ConsignorAddress},
		{"consignee", d.Consignee}, {"consignee_address", d.ConsigneeAddress},
		{"hs_code", d.HSCode}, {"quantity", num(d.Quantity)}, {"weight_kg", num(d.WeightKg)}, {"value", value},
	}
	if u := d.UnitValue(); u > 0 {
		facts = append(facts, declarationFact{"unit_value", strings.TrimSpace(strconv.FormatFloat(u, 'f', 2, 64) + " " + d.Currency)})
	}
	facts = append(facts, declarationFact{"received_at", v.ReceivedAt.UTC().Format("2006-01-02 15:04:05 UTC")})
	return facts
}

// Display shows a coded field (channel, direction, transport) in the page
// language, and an empty one as a dash.
func (f declarationFact) Display(l *Catalog) string {
	switch {
	case f.Value == "":
		return "—"
	case f.Key == "channel" || f.Key == "direction" || f.Key == "transport":
		if t := l.T("screening." + f.Key + "." + f.Value); !strings.HasPrefix(t, "screening.") {
			return t
		}
	}
	return f.Value
}
