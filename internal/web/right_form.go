package web

import (
	"net/http"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// rightInput is the recordation form as typed, kept to show it again when it fails.
type rightInput struct {
	Holder, Ref, Kind, RegNumber, RegOffice, Jurisdiction, Owner, Mark string
	Variants                                                           string // one a line
	NiceClasses                                                        string // "25 18"
	Goods                                                              string
	ValidFrom                                                          string
	ValidTo                                                            string
}

// rightFormData is the recordation form, for a new right (ID 0) or an edit.
type rightFormData struct {
	ID         int64
	Version    int
	HolderName string     // the holder, when the user does not choose it
	Holders    []*ipr.Org // an agent's clients to choose from
	In         rightInput
	Kinds      []ipr.RightKind
	Errs       fieldErrors
	Conflict   bool // the save was refused: someone else changed the right meanwhile
}

// Action is where the form posts.
func (d *rightFormData) Action() string {
	if d.ID == 0 {
		return "/rights/new"
	}
	return "/rights/" + itoa64(d.ID) + "/edit"
}

// Selected reports whether holder id is the chosen one.
func (d *rightFormData) Selected(id int64) bool { return d.In.Holder == itoa64(id) }

func readRightInput(r *http.Request) rightInput {
	return rightInput{Holder: formValue(r, "holder"), Ref: formValue(r, "ref"), Kind: formValue(r, "kind"),
		RegNumber: formValue(r, "reg_number"), RegOffice: formValue(r, "reg_office"),
		Jurisdiction: formValue(r, "jurisdiction"), Owner: formValue(r, "owner"), Mark: formValue(r, "mark"),
		Variants: r.PostFormValue("variants"), NiceClasses: formValue(r, "nice_classes"),
		Goods: formValue(r, "goods"), ValidFrom: formValue(r, "valid_from"), ValidTo: formValue(r, "valid_to")}
}

func inputOf(rt *ipr.Right) rightInput {
	classes := make([]string, len(rt.NiceClasses))
	for i, c := range rt.NiceClasses {
		classes[i] = strconv.Itoa(c)
	}
	return rightInput{Holder: itoa64(rt.HolderID), Ref: rt.Ref, Kind: string(rt.Kind), RegNumber: rt.RegNumber,
		RegOffice: rt.RegOffice, Jurisdiction: rt.Jurisdiction, Owner: rt.Owner, Mark: rt.Mark,
		Variants: strings.Join(rt.Variants, "\n"), NiceClasses: strings.Join(classes, " "), Goods: rt.Goods,
		ValidFrom: rt.ValidFrom.String(), ValidTo: rt.ValidTo.String()}
}

// right reads the input. Values that cannot be read (a class number, a date) are
// reported together with what the domain's validation finds in the rest.
func (in rightInput) right() (*ipr.Right, error) {
	p := ipr.Problems{}
	rt := &ipr.Right{Ref: in.Ref, Kind: ipr.RightKind(in.Kind), RegNumber: in.RegNumber, RegOffice: in.RegOffice,
		Jurisdiction: in.Jurisdiction, Owner: in.Owner, Mark: in.Mark, Goods: in.Goods,
		Variants: strings.Split(strings.ReplaceAll(in.Variants, "\r", ""), "\n")}
	if in.Holder != "" {
		id, err := strconv.ParseInt(in.Holder, 10, 64)
		if err != nil {
			p.Add("holder", "choose the right holder you act for")
		}
		rt.HolderID = id
	}
	classes, err := ipr.ParseNiceClasses(in.NiceClasses)
	if err != nil {
		p.Add("nice_classes", err.Error())
	}
	rt.NiceClasses = classes
	for _, d := range []struct {
		field string
		text  string
		dst   *ipr.Date
	}{{"valid_from", in.ValidFrom, &rt.ValidFrom}, {"valid_to", in.ValidTo, &rt.ValidTo}} {
		if *d.dst, err = ipr.ParseDate(d.text); err != nil {
			p.Add(d.field, err.Error())
		}
	}
	if len(p) == 0 {
		return rt, nil
	}
	for field, problem := range ipr.ErrorFields(rt.Validate()) {
		p.Add(field, problem)
	}
	return nil, p.Err("the right is not valid")
}

// renderRightForm shows the recordation form; err, when not nil, is why it was refused.
func (s *Server) renderRightForm(w http.ResponseWriter, r *http.Request, data *rightFormData, err error) {
	title := "right.new.title"
	if data.ID != 0 {
		title = "right.edit.title"
	}
	data.Kinds = ipr.RightKinds
	p := s.newPage(r, title, data)
	status := http.StatusOK
	if err != nil {
		status = ipr.HTTPStatus(err)
		p.Fields = ipr.ErrorFields(err)
		switch ipr.ErrorCode(err) {
		case ipr.EINVALID:
			p.Error = p.L.T("right.form.invalid")
		case ipr.ECONFLICT:
			p.Error, data.Conflict = p.L.T("right.form.conflict"), len(p.Fields) == 0
			if !data.Conflict {
				p.Error = p.L.T("right.form.invalid") // a reference already taken
			}
		default:
			s.renderError(w, r, err)
			return
		}
	}
	data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "right_form", p)
}

// clientHolders are the right holders an agent may file for.
func (s *Server) clientHolders(r *http.Request, user *ipr.User) ([]*ipr.Org, error) {
	if user.Role != ipr.RoleAgent {
		return nil, nil
	}
	orgs, err := s.svc.ListOrgs(r.Context(), user)
	if err != nil {
		return nil, err
	}
	var holders []*ipr.Org
	for _, o := range orgs {
		if o.Kind == ipr.OrgRightHolder && ipr.Can(user, ipr.ActionEditRight, ipr.OrgResource("right", o.ID)) {
			holders = append(holders, o)
		}
	}
	return holders, nil
}
