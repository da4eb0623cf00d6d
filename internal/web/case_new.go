package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// caseFormData is the form to open a detention case, by hand or from a
// screened declaration (Declaration), whose office, channel, value and goods
// the service fills in where the form leaves them empty.
type caseFormData struct {
	Profile, Mode, Office, Channel string
	Declaration                    string
	Holder                         string // organisation id, as chosen
	Rights                         string // right ids, separated by commas
	Value, Currency                string
	Perishable, Small, Patent      bool
	Items                          string // one per line: quantity, description
	Holders                        []holderChoice
	Profiles                       []ipr.Profile
	Modes                          []ipr.CaseMode
	Errs                           fieldErrors
}

type holderChoice struct {
	ID   int64
	Name string
}

// handleCaseNew shows the form, prefilled from ?declaration= when given.
func (s *Server) handleCaseNew(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if err := ipr.Authorize(user, ipr.ActionOpenCase, ipr.Anything); err != nil {
		s.renderError(w, r, err)
		return
	}
	d := caseFormData{Profile: string(ipr.ProfileCN), Mode: string(ipr.ModeExOfficio)}
	if ref := strings.TrimSpace(r.URL.Query().Get("declaration")); ref != "" {
		v, err := s.svc.Declaration(r.Context(), user, ref)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		s.prefillFromDeclaration(r, user, &d, v)
	}
	s.renderCaseForm(w, r, d, nil)
}

// prefillFromDeclaration fills the holder and rights from the declaration's
// hits on registered rights; the service fills the rest when the case is opened.
func (s *Server) prefillFromDeclaration(r *http.Request, user *ipr.User, d *caseFormData, v *enforce.DeclarationView) {
	d.Declaration = v.Declaration.ID
	var rights []string
	for i, id := range v.HitRights {
		if id <= 0 || (i < len(v.Result.Hits) && v.Result.Hits[i].Authorised) {
			continue
		}
		right, err := s.svc.Right(r.Context(), user, id)
		if err != nil {
			continue // a right the officer may not see is left out
		}
		if d.Holder == "" {
			d.Holder = strconv.FormatInt(right.HolderID, 10)
		}
		if sid := strconv.FormatInt(id, 10); strconv.FormatInt(right.HolderID, 10) == d.Holder && !slices.Contains(rights, sid) {
			rights = append(rights, sid)
		}
	}
	d.Rights = strings.Join(rights, ", ")
}

// handleCaseCreate opens the case and goes to its page.
func (s *Server) handleCaseCreate(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	err := ipr.Authorize(user, ipr.ActionOpenCase, ipr.Anything)
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := caseFormData{Profile: formValue(r, "profile"), Mode: formValue(r, "mode"), Office: formValue(r, "office"),
		Channel: formValue(r, "channel"), Declaration: formValue(r, "declaration"), Holder: formValue(r, "holder"),
		Rights: formValue(r, "rights"), Value: formValue(r, "value"), Currency: formValue(r, "currency"),
		Perishable: r.PostFormValue("perishable") != "", Small: r.PostFormValue("small") != "",
		Patent: r.PostFormValue("patent") != "", Items: r.PostFormValue("items")}
	in, err := d.input()
	var c *ipr.Case
	if err == nil {
		c, err = s.svc.OpenCase(r.Context(), user, in)
	}
	if ipr.ErrorCode(err) == ipr.ENOTFOUND { // a declaration or holder that is not there is a problem of the form
		field := "holder"
		if d.Declaration != "" {
			field = "declaration"
		}
		err = &ipr.Error{Code: ipr.EINVALID, Message: "the case is not valid", Fields: map[string]string{field: ipr.ErrorMessage(err)}}
	}
	if err != nil {
		s.renderCaseForm(w, r, d, err)
		return
	}
	http.Redirect(w, r, casePath(c.ID)+"?done=opened", http.StatusSeeOther)
}

// input reads the form into the service's input, reporting what cannot be read.
func (d *caseFormData) input() (enforce.CaseInput, error) {
	p := ipr.Problems{}
	in := enforce.CaseInput{Profile: ipr.Profile(d.Profile), Mode: ipr.CaseMode(d.Mode), Office: d.Office,
		Channel: d.Channel, DeclarationRef: d.Declaration, Currency: d.Currency,
		Perishable: d.Perishable, SmallConsignment: d.Small, Patent: d.Patent}
	if n, err := strconv.ParseInt(d.Holder, 10, 64); err == nil {
		in.HolderOrgID = n
	} else {
		p.Add("holder", "is required")
	}
	for _, part := range strings.FieldsFunc(d.Rights, func(r rune) bool { return r == ',' || r == ' ' }) {
		n, err := strconv.ParseInt(part, 10, 64)
		if err != nil || n <= 0 {
			p.Add("rights", part+" is not a right's number")
			continue
		}
		in.RightIDs = append(in.RightIDs, n)
	}
	if d.Value != "" {
		m, err := ipr.ParseMoney(d.Value)
		if err != nil {
			p.Add("goods_value", err.Error())
		}
		in.GoodsValue = m
	}
	items, err := parseItems(d.Items)
	if err != nil {
		p.Add("items", err.Error())
	}
	in.Items = items
	return in, p.Err("the case is not valid")
}

// parseItems reads the goods, one line each: a quantity, a comma, the
// description ("200, hoodies with the logo"); a line without a quantity is one piece.
func parseItems(text string) ([]ipr.CaseItem, error) {
	var items []ipr.CaseItem
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		qty, desc, found := strings.Cut(line, ",")
		q, err := strconv.ParseInt(strings.TrimSpace(qty), 10, 64)
		if !found || err != nil {
			q, desc = 1, line
		}
		if q <= 0 {
			return nil, ipr.Errorf(ipr.EINVALID, "line %d: the quantity must be at least 1", n+1)
		}
		items = append(items, ipr.CaseItem{Description: strings.TrimSpace(desc), Quantity: q})
		if len(items) > 2000 {
			return nil, ipr.Errorf(ipr.EINVALID, "at most 2000 items")
		}
	}
	return items, nil
}

// renderCaseForm shows the form; with an error, again with the problems marked
// and what was typed kept. Errors that are not about the input get the error page.
func (s *Server) renderCaseForm(w http.ResponseWriter, r *http.Request, d caseFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	d.Profiles, d.Modes = ipr.Profiles, []ipr.CaseMode{ipr.ModeExOfficio, ipr.ModeOnApplication}
	orgs, lerr := s.svc.ListOrgs(r.Context(), userFrom(r))
	if lerr != nil {
		s.log.Warn("holders for the case form", "request_id", enforce.RequestID(r.Context()), "err", lerr)
	}
	lang := langFrom(r)
	for _, o := range orgs {
		if o.Kind == ipr.OrgRightHolder {
			name := o.Name
			if lang == "zh" && o.NameZH != "" {
				name = o.NameZH
			}
			d.Holders = append(d.Holders, holderChoice{ID: o.ID, Name: name})
		}
	}
	p := s.newPage(r, "case.new.title", &d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("case.invalid"), ipr.ErrorFields(err), http.StatusBadRequest
		if msg := ipr.ErrorMessage(err); len(p.Fields) == 0 && msg != "" {
			p.Error = msg
		}
	}
	d.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "case_form", p)
}

// HolderID is the chosen holder as a number, for marking the option selected.
func (d *caseFormData) HolderID() int64 {
	n, _ := strconv.ParseInt(d.Holder, 10, 64)
	return n
}

// DeclarationPath is the page of the declaration the case is opened from.
func (d *caseFormData) DeclarationPath() string { return declarationPath(d.Declaration) }
