package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// holderPageSize is the page length of the infringer and contact lists.
const holderPageSize = 25

type infringerListData struct {
	Page     *enforce.InfringerPage
	Names    holderNames
	Query    url.Values
	Pager    holderPager
	CanAdd   bool
	Editable map[int64]bool // holders whose infringers the user may change
}

// handleInfringerList lists known infringers: customs see every holder's, with a holder
// filter and a search; a right holder its own; an agent its clients'.
func (s *Server) handleInfringerList(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if err := ipr.Authorize(user, ipr.ActionViewInfringer, ipr.OrgResource("infringer", user.OrgIDOrZero())); err != nil {
		s.renderError(w, r, err) // before reading the filter: a bad one must not show the page to others
		return
	}
	q := r.URL.Query()
	hq, pageNo, err := parseHolderQuery(q)
	data := infringerListData{Page: &enforce.InfringerPage{}, Query: q, Pager: holderPager{Path: "/infringers", Query: q, PageNo: 1, Pages: 1}}
	if err == nil {
		var page *enforce.InfringerPage
		if page, err = s.svc.ListInfringers(r.Context(), user, hq); err == nil {
			data.Page = page
			data.Pager.PageNo, data.Pager.Pages = pageNo, pageCount(page.Total)
		}
	}
	if ipr.ErrorCode(err) == ipr.EINVALID {
		data.Page.Holders, _ = s.svc.HolderChoices(r.Context(), user, ipr.ActionViewInfringer) // for the filter shown again
	} else if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.Names = namesOf(data.Page.Holders)
	data.Editable = map[int64]bool{}
	for _, h := range data.Page.Holders {
		data.Editable[h.ID] = ipr.Can(user, ipr.ActionEditInfringer, ipr.OrgResource("infringer", h.ID))
	}
	data.CanAdd = ipr.Can(user, ipr.ActionEditInfringer, ipr.OrgResource("infringer", user.OrgID))
	p := s.newPage(r, "infringer.title", data)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = ipr.ErrorMessage(err), ipr.ErrorFields(err), http.StatusBadRequest
	}
	s.render(w, r, status, "infringers", p)
}

// parseHolderQuery reads the holder, text and page of a list of holders' data.
func parseHolderQuery(q url.Values) (enforce.HolderQuery, int, error) {
	p := ipr.Problems{}
	hq := enforce.HolderQuery{Text: strings.TrimSpace(q.Get("q")), Limit: holderPageSize}
	if len([]rune(hq.Text)) > 200 {
		p.Add("q", "must be at most 200 characters")
	}
	if v := strings.TrimSpace(q.Get("holder")); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 {
			p.Add("holder", "choose a right holder from the list")
		}
		hq.HolderID = id
	}
	pageNo := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100_000 {
			p.Add("page", "must be a whole number from 1 to 100000")
		}
		pageNo = min(max(n, 1), 100_000)
	}
	hq.Offset = (pageNo - 1) * holderPageSize
	return hq, pageNo, p.Err("the filter is not valid")
}

// holderPager links the pages of a list of holders' data, keeping its filter.
type holderPager struct {
	Path   string
	Query  url.Values
	PageNo int
	Pages  int
}

// PageURL is the current filter at another page number.
func (p holderPager) PageURL(n int) string {
	q := url.Values{}
	for k, v := range p.Query {
		q[k] = v
	}
	q.Set("page", strconv.Itoa(n))
	q.Del("lang")
	return p.Path + "?" + q.Encode()
}

func pageCount(total int64) int { return max(1, int((total+holderPageSize-1)/holderPageSize)) }

// holderNames finds a right holder's names by id, for list rows.
type holderNames map[int64]*ipr.Org

func namesOf(orgs []*ipr.Org) holderNames {
	m := holderNames{}
	for _, o := range orgs {
		m[o.ID] = o
	}
	return m
}

// Name is the holder's name in lang: the Chinese name for zh when it has one.
func (n holderNames) Name(id int64, lang string) string {
	o := n[id]
	switch {
	case o == nil:
		return "#" + strconv.FormatInt(id, 10)
	case lang == "zh" && o.NameZH != "":
		return o.NameZH
	}
	return o.Name
}

// holderPathID reads a positive id from the path; anything else is a page that does not exist.
func holderPathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, ipr.Errorf(ipr.ENOTFOUND, "not found")
	}
	return id, nil
}

// parseHolderForm reads a posted form of at most 256 KiB.
func parseHolderForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if err := r.ParseForm(); err != nil {
		return ipr.Errorf(ipr.EINVALID, "the form could not be read")
	}
	return nil
}
