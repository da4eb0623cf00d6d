package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

type contactListData struct {
	Page     *enforce.ContactPage
	Names    holderNames
	Query    url.Values
	Pager    holderPager
	CanAdd   bool
	Editable map[int64]bool // holders whose contacts the user may change
}

// Tel is a tel: link for a phone number as people write it ("+86 571 5550 1234").
func (contactListData) Tel(phone string) template.URL {
	var b strings.Builder
	for i, r := range phone {
		if (r >= '0' && r <= '9') || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	return template.URL("tel:" + b.String()) // only digits and a leading +: safe
}

// handleContactList is the contacts directory: whom an officer calls to identify goods.
// Customs see every holder's contacts and search them by holder name; a right holder
// sees its own; an agent its clients'.
func (s *Server) handleContactList(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if err := ipr.Authorize(user, ipr.ActionViewContact, ipr.OrgResource("contact", user.OrgIDOrZero())); err != nil {
		s.renderError(w, r, err) // before reading the filter: a bad one must not show the page to others
		return
	}
	q := r.URL.Query()
	hq, pageNo, err := parseHolderQuery(q)
	data := contactListData{Page: &enforce.ContactPage{}, Query: q, Pager: holderPager{Path: "/contacts", Query: q, PageNo: 1, Pages: 1}}
	if err == nil {
		var page *enforce.ContactPage
		if page, err = s.svc.ListContacts(r.Context(), user, hq); err == nil {
			data.Page = page
			data.Pager.PageNo, data.Pager.Pages = pageNo, pageCount(page.Total)
		}
	}
	if ipr.ErrorCode(err) == ipr.EINVALID {
		data.Page.Holders, _ = s.svc.HolderChoices(r.Context(), user, ipr.ActionViewContact) // for the filter shown again
	} else if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.Names = namesOf(data.Page.Holders)
	data.Editable = map[int64]bool{}
	for _, h := range data.Page.Holders {
		data.Editable[h.ID] = ipr.Can(user, ipr.ActionEditContact, ipr.OrgResource("contact", h.ID))
	}
	data.CanAdd = ipr.Can(user, ipr.ActionEditContact, ipr.OrgResource("contact", user.OrgID))
	p := s.newPage(r, "contact.title", data)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = ipr.ErrorMessage(err), ipr.ErrorFields(err), http.StatusBadRequest
	}
	s.render(w, r, status, "contacts", p)
}
