package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// guaranteeData is a holder's general guarantee for a year: its balance and
// what was drawn for each case and given back; the form to file one when
// there is none.
type guaranteeData struct {
	HolderID  int64
	Holder    string
	Year      int
	Guarantee *ipr.Guarantee
	Moves     []guaranteeMove
	Amount    string
	Balance   string
	Held      string
	CanFile   bool
	Done      bool
	Form      guaranteeForm
	Minimum   string
	Errs      fieldErrors
}

type guaranteeForm struct{ Amount, Issuer, Reference string }

// guaranteeMove is a draw (for a case's bond) or its release.
type guaranteeMove struct {
	CasePath, At, Amount string
	Release              bool
}

// handleGuaranteeShow shows the general guarantee of the holder (a holder's own; ?holder= for customs and agents).
func (s *Server) handleGuaranteeShow(w http.ResponseWriter, r *http.Request) {
	data, err := s.guaranteeData(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.Done = r.URL.Query().Get("done") == "filed"
	s.renderGuarantee(w, r, data, nil)
}

// handleGuaranteeFile files the holder's general guarantee for the year.
func (s *Server) handleGuaranteeFile(w http.ResponseWriter, r *http.Request) {
	err := readForm(w, r)
	var data *guaranteeData
	if err == nil {
		data, err = s.guaranteeData(r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.Form = guaranteeForm{Amount: formValue(r, "amount"), Issuer: formValue(r, "issuer"), Reference: formValue(r, "reference")}
	g := ipr.Guarantee{HolderOrgID: data.HolderID, Year: data.Year, Issuer: data.Form.Issuer, Reference: data.Form.Reference}
	g.Amount, err = ipr.ParseMoney(data.Form.Amount)
	if err != nil {
		err = &ipr.Error{Code: ipr.EINVALID, Message: "the guarantee is not valid", Fields: map[string]string{"amount": err.Error()}}
	} else {
		_, err = s.svc.FileGuarantee(r.Context(), userFrom(r), g)
	}
	if err != nil {
		s.renderGuarantee(w, r, data, err)
		return
	}
	http.Redirect(w, r, guaranteePath(r, data)+"done=filed", http.StatusSeeOther)
}

// guaranteePath is the page of data's holder, ready for one more query parameter.
func guaranteePath(r *http.Request, data *guaranteeData) string {
	if r.URL.Query().Get("holder") != "" {
		return "/guarantee?holder=" + strconv.FormatInt(data.HolderID, 10) + "&"
	}
	return "/guarantee?"
}

// guaranteeData picks the holder and year and loads the guarantee, if filed.
func (s *Server) guaranteeData(r *http.Request) (*guaranteeData, error) {
	user := userFrom(r)
	if user == nil {
		return nil, ipr.Authorize(nil, ipr.ActionViewGuarantee, ipr.Anything)
	}
	data := &guaranteeData{Year: s.svc.Clock.Now().In(ipr.ProfileCN.Location()).Year(), Minimum: money(ipr.MinGeneralGuarantee, "CNY")}
	switch {
	case r.URL.Query().Get("holder") != "":
		id, err := strconv.ParseInt(r.URL.Query().Get("holder"), 10, 64)
		if err != nil || id <= 0 {
			return nil, &ipr.Error{Code: ipr.ENOTFOUND, Message: "not found"}
		}
		data.HolderID = id
	case user.Role == ipr.RoleRightHolder:
		data.HolderID = user.OrgID
	case user.Role == ipr.RoleAgent && len(user.ActsFor) == 1:
		data.HolderID = user.ActsFor[0]
	default:
		return nil, ipr.Errorf(ipr.EINVALID, "choose a right holder: /guarantee?holder=…")
	}
	data.Holder = holderName(s.holderNames(r, user), data.HolderID)
	v, err := s.svc.Guarantee(r.Context(), user, data.HolderID, data.Year)
	switch ipr.ErrorCode(err) {
	case "":
		data.setGuarantee(v)
	case ipr.ENOTFOUND:
		data.CanFile = ipr.Can(user, ipr.ActionManageGuarantee, ipr.Resource{Kind: "guarantee", OrgID: data.HolderID})
	default:
		return nil, err
	}
	return data, nil
}

func (d *guaranteeData) setGuarantee(v *enforce.GuaranteeView) {
	g := v.Guarantee
	d.Guarantee, d.Amount, d.Balance, d.Held = g, money(g.Amount, "CNY"), money(g.Balance(), "CNY"), money(g.Held, "CNY")
	for _, m := range v.Moves {
		mv := guaranteeMove{CasePath: casePath(m.CaseID), At: m.At.In(ipr.ProfileCN.Location()).Format("2006-01-02 15:04"),
			Amount: money(m.Amount, "CNY"), Release: m.Amount < 0}
		if mv.Release {
			mv.Amount = money(-m.Amount, "CNY")
		}
		d.Moves = append(d.Moves, mv)
	}
}

func (s *Server) renderGuarantee(w http.ResponseWriter, r *http.Request, data *guaranteeData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID && ipr.ErrorCode(err) != ipr.ECONFLICT {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "guarantee.title", data)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = ipr.ErrorMessage(err), ipr.ErrorFields(err), ipr.HTTPStatus(err)
		if ipr.ErrorCode(err) == ipr.EINVALID {
			p.Error = p.L.T("guarantee.invalid")
		}
	}
	data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "guarantee", p)
}
