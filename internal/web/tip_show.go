package web

import (
	"net/http"
	"slices"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// tipDone are the confirmations the tip page shows after an action (?done=…).
var tipDone = []string{"submitted", "ruled", "dismissed", "shared"}

type tipShowData struct {
	*enforce.TipView
	Lists         []tipListField // the tip's lists, one entry a line
	Files         []tipAttachment
	Groups        []*ipr.WorkingGroup
	RuleLink      string // the rule's page, for those who may edit it
	Done          string // message key
	RuleName      string
	Weight        string
	DismissReason string
	GroupID       int64
	Anonymise     bool
	Errs          tipErrors
}

// Precision is the feedback's precision as a percentage.
func (d *tipShowData) Precision() string {
	if d.Feedback == nil {
		return ""
	}
	return strconv.FormatFloat(d.Feedback.Precision()*100, 'f', 0, 64) + "%"
}

// handleTipShow shows one tip as the user may see it; a tip the user may not
// see is not found.
func (s *Server) handleTipShow(w http.ResponseWriter, r *http.Request) {
	d, err := s.tipShowData(r, nil)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if done := r.URL.Query().Get("done"); slices.Contains(tipDone, done) {
		d.Done = "tip.done." + done
	}
	s.renderTip(w, r, d, nil)
}

func (s *Server) tipShowData(r *http.Request, v *enforce.TipView) (*tipShowData, error) {
	user := userFrom(r)
	if v == nil {
		id, err := pathID(r, "id")
		if err != nil {
			return nil, err
		}
		if v, err = s.svc.Tip(r.Context(), user, id); err != nil {
			return nil, err
		}
	}
	t := v.Tip
	d := &tipShowData{TipView: v, Anonymise: true, Files: tipAttachments(v)}
	for _, l := range []struct {
		name string
		list []string
	}{{"consignors", t.Consignors}, {"consignees", t.Consignees}, {"addresses", t.Addresses}, {"factories", t.Factories},
		{"routes", t.Routes}, {"ports", t.Ports}, {"transports", t.Transports}, {"hs_codes", t.HSCodes}} {
		for _, e := range l.list {
			d.Lists = append(d.Lists, tipListField{Name: l.name, Value: e})
		}
	}
	if t.RuleID != 0 && ipr.Can(user, ipr.ActionManageRule, ipr.Anything) {
		d.RuleLink = rulePath(t.RuleID) + "/edit"
	}
	if v.CanShare {
		groups, err := s.svc.ListWorkingGroups(r.Context(), user)
		if err != nil {
			return nil, err
		}
		for _, g := range groups {
			if slices.Contains(g.Members, t.OrgID) {
				d.Groups = append(d.Groups, g)
			}
		}
	}
	return d, nil
}

// renderTip shows the tip page; with an error from one of its forms, again with
// the problem marked. Errors that are not about the input get the error page.
func (s *Server) renderTip(w http.ResponseWriter, r *http.Request, d *tipShowData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "tip.show.title", d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("tip.form.invalid"), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = tipErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "tip", p)
}

// tipAction runs one of the tip page's forms: act returns the tip after the
// action, and on success the page is shown again with done confirmed.
func (s *Server) tipAction(w http.ResponseWriter, r *http.Request, done string,
	act func(user *ipr.User, id int64, d *tipShowData) (*enforce.TipView, error)) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	posted := &tipShowData{}
	if _, err = act(userFrom(r), id, posted); err == nil {
		http.Redirect(w, r, tipPath(id)+"?done="+done, http.StatusSeeOther)
		return
	}
	if ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	d, lerr := s.tipShowData(r, nil)
	if lerr != nil {
		s.renderError(w, r, lerr)
		return
	}
	d.RuleName, d.Weight, d.DismissReason, d.GroupID, d.Anonymise = posted.RuleName, posted.Weight, posted.DismissReason, posted.GroupID, posted.Anonymise
	s.renderTip(w, r, d, err)
}

// handleTipRule turns the tip into a risk rule (customs).
func (s *Server) handleTipRule(w http.ResponseWriter, r *http.Request) {
	s.tipAction(w, r, "ruled", func(user *ipr.User, id int64, d *tipShowData) (*enforce.TipView, error) {
		d.RuleName, d.Weight = formValue(r, "name"), formValue(r, "weight")
		opt := enforce.TipRule{Name: d.RuleName}
		if d.Weight != "" {
			n, err := strconv.Atoi(d.Weight)
			if err != nil || n < 1 || n > 100 {
				return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the rule is not valid",
					Fields: map[string]string{"weight": "must be a whole number from 1 to 100"}}
			}
			opt.Weight = n
		}
		return s.svc.RuleFromTip(r.Context(), user, id, opt)
	})
}

// handleTipDismiss sets the tip aside with a reason (customs).
func (s *Server) handleTipDismiss(w http.ResponseWriter, r *http.Request) {
	s.tipAction(w, r, "dismissed", func(user *ipr.User, id int64, d *tipShowData) (*enforce.TipView, error) {
		d.DismissReason = formValue(r, "reason")
		return s.svc.DismissTip(r.Context(), user, id, d.DismissReason)
	})
}

// handleTipShare shares the tip with one of its holder's working groups.
func (s *Server) handleTipShare(w http.ResponseWriter, r *http.Request) {
	s.tipAction(w, r, "shared", func(user *ipr.User, id int64, d *tipShowData) (*enforce.TipView, error) {
		d.Anonymise = r.PostFormValue("anonymised") != ""
		g, err := strconv.ParseInt(formValue(r, "group"), 10, 64)
		if err != nil || g <= 0 {
			return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the share is not valid",
				Fields: map[string]string{"group": "choose a working group"}}
		}
		d.GroupID = g
		return s.svc.ShareTip(r.Context(), user, id, g, d.Anonymise)
	})
}
