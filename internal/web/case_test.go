package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/workflow"
)

const (
	otherHolder = "brand@aurelia.example"
	tessera     = "brand@tessera.example" // a holder the demo gives no general guarantee
)

// caseOffice is the office of the tests' own cases, so that cases the demo
// world may hold do not change what the tests count.
const caseOffice = "Test Harbour"

// caseOpen opens a CN ex officio case at caseOffice for Northwind, as the officer, with n items.
func caseOpen(t *testing.T, w *world, n int) *ipr.Case {
	t.Helper()
	return caseOpenFor(t, w, brand, n)
}

// caseOpenFor opens the case for the right holder of the user with email.
func caseOpenFor(t *testing.T, w *world, holder string, n int) *ipr.Case {
	t.Helper()
	items := make([]ipr.CaseItem, n)
	for i := range items {
		items[i] = ipr.CaseItem{Description: "parcel " + strconv.Itoa(i+1) + ": NORTHWIND hoodies", Quantity: 2,
			DeclaredValue: workflow.Yuan(500)}
	}
	c, err := w.svc.OpenCase(t.Context(), hdUser(t, w, officer), enforce.CaseInput{Profile: ipr.ProfileCN,
		Mode: ipr.ModeExOfficio, Office: caseOffice, HolderOrgID: hdUser(t, w, holder).OrgID, Channel: "ecommerce",
		GoodsValue: workflow.Yuan(100_000), Items: items})
	if err != nil {
		t.Fatalf("OpenCase: %v", err)
	}
	return c
}

// caseAct sends ev to c through the service as email and returns the case as it is now.
func caseAct(t *testing.T, w *world, email string, c *ipr.Case, ev workflow.Event) *ipr.Case {
	t.Helper()
	next, err := w.svc.ActOnCase(t.Context(), hdUser(t, w, email), c.ID, c.Version, ev)
	if err != nil {
		t.Fatalf("%s: %v", ev.Kind, err)
	}
	return next
}

var caseRefRE = regexp.MustCompile(`<a href="/cases/\d+">([A-Z0-9-]+)</a>`)

// caseRefs are the case numbers in the list's table, in order.
func caseRefs(body string) []string {
	_, tbody, _ := strings.Cut(body, "<tbody>")
	tbody, _, _ = strings.Cut(tbody, "</tbody>")
	var refs []string
	for _, m := range caseRefRE.FindAllStringSubmatch(tbody, -1) {
		refs = append(refs, m[1])
	}
	return refs
}

func TestCaseList(t *testing.T) {
	w := newSQLiteWorld(t)
	quiet := caseOpen(t, w, 1)
	notified := caseAct(t, w, officer, caseOpen(t, w, 2), workflow.Event{Kind: "notify_holder"})
	off := w.signIn(t, officer)
	r := w.get(t, off, "/cases?office=Test+Harbour")
	scrWant(t, "the list", r, http.StatusOK, "Detention cases", "2 cases", "Holder notified", "Suspected", "Northwind Apparel",
		"100000.00 CNY", "2026-12-02", "3 working days left", `href="/cases/new"`)
	if got := caseRefs(r.body); len(got) != 2 || got[0] != notified.Ref || got[1] != quiet.Ref {
		t.Errorf("the list: got %v, want %s (a deadline runs) then %s", got, notified.Ref, quiet.Ref)
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"&state=suspected", []string{quiet.Ref}},
		{"&q=" + url.QueryEscape(notified.Ref), []string{notified.Ref}},
		{"&q=parcel+2", []string{notified.Ref}},
		{"&overdue=1", nil},
	} {
		path := "/cases?office=Test+Harbour" + tc.query
		if got := caseRefs(w.get(t, off, path).body); strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("GET %s: got %v, want %v", path, got, tc.want)
		}
	}

	// Past the deadline the row says OVERDUE in words, not only in red.
	w.clock.Advance(7 * 24 * 3600e9)
	off = w.signIn(t, officer) // the session ran out meanwhile
	r = w.get(t, off, "/cases?office=Test+Harbour&overdue=1")
	scrWant(t, "overdue", r, http.StatusOK, `class="alert overdue"`, "OVERDUE", "working days overdue")
	if got := caseRefs(r.body); len(got) != 1 || got[0] != notified.Ref {
		t.Errorf("overdue only: got %v, want [%s]", got, notified.Ref)
	}
	scrWant(t, "in 中文", w.get(t, off, "/cases?office=Test+Harbour&lang=zh"), http.StatusOK, "扣留案件", "已逾期", "已通知权利人")
	scrWant(t, "a bad page", w.get(t, off, "/cases?page=x&lang=en"), http.StatusBadRequest, "The filter is not valid: correct")
}

func TestCaseListPages(t *testing.T) {
	w := newSQLiteWorld(t)
	for range 51 {
		caseOpen(t, w, 1)
	}
	off := w.signIn(t, officer)
	r := w.get(t, off, "/cases?office=Test+Harbour")
	scrWant(t, "page 1", r, http.StatusOK, "51 cases", "Page 1 of 2", `href="/cases?office=Test&#43;Harbour&amp;page=2"`)
	if n := len(caseRefs(r.body)); n != 50 {
		t.Errorf("page 1: got %d rows, want 50", n)
	}
	if n := len(caseRefs(w.get(t, off, "/cases?office=Test+Harbour&page=2").body)); n != 1 {
		t.Errorf("page 2: got %d rows, want 1", n)
	}
}

// A holder sees its own cases only; another holder cannot list, open, act on or print them.
func TestCaseHolderIsolation(t *testing.T) {
	w := newSQLiteWorld(t)
	c := caseAct(t, w, officer, caseOpen(t, w, 1), workflow.Event{Kind: "notify_holder"})
	path := "/cases/" + strconv.FormatInt(c.ID, 10)
	own := w.signIn(t, brand)
	scrWant(t, "the holder's list", w.get(t, own, "/cases"), http.StatusOK, c.Ref)
	scrWant(t, "the holder's case", w.get(t, own, path), http.StatusOK, c.Ref, "To act: the right holder", `class="stack bond-form"`)
	scrNot(t, "the holder's case", w.get(t, own, path), `name="event" value="notify_holder"`, `class="stack request-form"`)

	other := w.signIn(t, otherHolder)
	scrNot(t, "another holder's list", w.get(t, other, "/cases"), c.Ref)
	for _, p := range []string{path, path + "/documents/holder_notice", "/identifications/1"} {
		scrWant(t, "another holder: GET "+p, w.get(t, other, p), http.StatusNotFound)
	}
	r := w.do(t, other, "POST", path+"/act", url.Values{"event": {"decline"}, "version": {strconv.Itoa(c.Version)}})
	scrWant(t, "another holder acts", r, http.StatusNotFound)
	r = w.do(t, other, "POST", path+"/bond", url.Values{"source": {"cash"}, "version": {strconv.Itoa(c.Version)}})
	scrWant(t, "another holder posts the bond", r, http.StatusNotFound)
	if r := w.get(t, w.client(t), path); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login") {
		t.Errorf("a stranger: got %d to %q, want 303 to /login", r.status, r.header.Get("Location"))
	}
}

func TestCaseShowAndAct(t *testing.T) {
	w := newSQLiteWorld(t)
	c := caseOpen(t, w, 2)
	path := "/cases/" + strconv.FormatInt(c.ID, 10)
	off := w.signIn(t, officer)
	r := w.get(t, off, path)
	scrWant(t, "a new case", r, http.StatusOK, "Case "+c.Ref, "Suspected", "No deadline is running.", "parcel 2: NORTHWIND hoodies",
		`name="event" value="notify_holder"`, `name="version" value="1"`, `name="event" value="dismiss"`, "Opened", "100000.00 CNY")

	scrRedirect(t, "notify", w.do(t, off, "POST", path+"/act", url.Values{"event": {"notify_holder"}, "version": {"1"}}),
		path+"?done=notify_holder")
	r = w.get(t, off, path+"?done=notify_holder")
	scrWant(t, "notified", r, http.StatusOK, "Recorded: Notify the right holder.", `<span class="due">2026-12-02</span>`,
		"3 working days left", "To act: the right holder", "Right holder applies and posts the bond", "Notice to the right holder",
		`href="`+path+`/documents/holder_notice"`, "Suspected → Holder notified", `class="stack request-form"`)

	// Someone else acted on the version this form was shown at: nothing is lost.
	r = w.do(t, off, "POST", path+"/act", url.Values{"event": {"dismiss"}, "version": {"1"}, "reason": {"Goods <unbranded> after all"}})
	scrWant(t, "a stale form", r, http.StatusConflict, "This case was changed by someone else", "Reload the case",
		"Goods &lt;unbranded&gt; after all", "Holder notified")

	// The holder posts the bond in cash; customs investigate and determine.
	c = mustCase(t, w, c.ID)
	if c, err := w.svc.PostBond(t.Context(), hdUser(t, w, brand), c.ID, c.Version, false); err != nil || c.State != "detained" {
		t.Fatalf("PostBond: got %v, want detained", err)
	}
	c = caseAct(t, w, officer, mustCase(t, w, c.ID), workflow.Event{Kind: "investigate"})
	c = caseAct(t, w, officer, c, workflow.Event{Kind: "determine", Determination: workflow.DetInfringing})
	r = w.get(t, off, path)
	scrWant(t, "infringing", r, http.StatusOK, "Infringing", `name="event" value="penalise"`, `name="amount"`, `name="reason"`,
		"50000.00 CNY · paid in cash", `/documents/determination"`, `/documents/detention"`)
	v := strconv.Itoa(c.Version)
	for _, tc := range []struct {
		form  url.Values
		field string
	}{
		{url.Values{"amount": {"lots"}, "reason": {"first offence"}}, "amount"},
		{url.Values{"amount": {"50000"}, "reason": {"first offence"}}, "amount"}, // over 30% of the value
		{url.Values{"amount": {"5000"}, "reason": {" "}}, "reason"},
	} {
		tc.form.Set("event", "penalise")
		tc.form.Set("version", v)
		r := w.do(t, off, "POST", path+"/act", tc.form)
		scrWant(t, "penalise "+tc.form.Encode(), r, http.StatusBadRequest, "Nothing was recorded", `aria-invalid="true"`,
			`value="`+tc.form.Get("amount")+`"`)
		if !strings.Contains(r.body, `<span class="field-error">`) {
			t.Errorf("penalise %s: got no problem shown next to %s", tc.form.Encode(), tc.field)
		}
	}
	scrRedirect(t, "penalise", w.do(t, off, "POST", path+"/act", url.Values{"event": {"penalise"}, "version": {v},
		"amount": {"5000"}, "reason": {"first offence"}}), path+"?done=penalise")
	scrWant(t, "penalised", w.get(t, off, path), http.StatusOK, "Penalised", "5000.00 CNY · first offence", `/documents/penalty"`)
	scrWant(t, "an event not allowed", w.do(t, off, "POST", path+"/act", url.Values{"event": {"investigate"},
		"version": {strconv.Itoa(c.Version + 1)}}), http.StatusConflict, "not allowed in state penalised")
	scrWant(t, "no version", w.do(t, off, "POST", path+"/act", url.Values{"event": {"close"}}), http.StatusBadRequest)
}

// mustCase loads a case as the officer.
func mustCase(t *testing.T, w *world, id int64) *ipr.Case {
	t.Helper()
	d, err := w.svc.CaseDetail(t.Context(), hdUser(t, w, officer), id)
	if err != nil {
		t.Fatal(err)
	}
	return d.Case
}

// A form posted from another site changes nothing.
func TestCaseCrossOriginRefused(t *testing.T) {
	w := newSQLiteWorld(t)
	c := caseOpen(t, w, 1)
	path := "/cases/" + strconv.FormatInt(c.ID, 10)
	off := w.signIn(t, officer)
	for _, p := range []string{path + "/act", path + "/bond", path + "/identifications", "/cases/new", "/guarantee", "/identifications/1"} {
		r := w.do(t, off, "POST", p, url.Values{"event": {"notify_holder"}, "version": {"1"}, "all": {"1"}},
			"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
		scrWant(t, "cross-site POST "+p, r, http.StatusForbidden)
	}
	if got := mustCase(t, w, c.ID); got.State != "suspected" || got.Version != 1 {
		t.Errorf("after cross-site posts: got %s v%d, want suspected v1", got.State, got.Version)
	}
}

func TestCaseOpenForm(t *testing.T) {
	w := newSQLiteWorld(t)
	scrFlagged(t, w, "OPEN", 1)
	off := w.signIn(t, officer)
	scrWant(t, "the flagged declaration", w.get(t, off, "/declarations/OPEN-001"), http.StatusOK,
		`href="/cases/new?declaration=OPEN-001"`, "Open a case")
	northwind := strconv.FormatInt(hdUser(t, w, brand).OrgID, 10)
	r := w.get(t, off, "/cases/new?declaration=OPEN-001")
	scrWant(t, "the prefilled form", r, http.StatusOK, `name="declaration" value="OPEN-001"`,
		`<option value="`+northwind+`" selected>Northwind Apparel</option>`)
	form := url.Values{"profile": {"CN"}, "mode": {"ex_officio"}, "declaration": {"OPEN-001"}, "holder": {northwind}}
	r = w.do(t, off, "POST", "/cases/new", form)
	if loc := r.header.Get("Location"); r.status != http.StatusSeeOther || !strings.HasSuffix(loc, "?done=opened") {
		t.Fatalf("open from the declaration: got %d to %q\n%s", r.status, loc, scrExcerpt(r.body))
	}
	scrWant(t, "the case opened", w.get(t, off, r.header.Get("Location")), http.StatusOK, "The case was opened.",
		"NORTHWIND running trainers, pair 0", "Test Harbour")

	byHand := url.Values{"profile": {"CN"}, "mode": {"ex_officio"}, "holder": {northwind}, "office": {"Yiwu Customs"},
		"value": {"12,000"}, "items": {"200, caps with the logo\nloose labels"}}
	r = w.do(t, off, "POST", "/cases/new", byHand)
	if r.status != http.StatusSeeOther {
		t.Fatalf("open by hand: got %d\n%s", r.status, scrExcerpt(r.body))
	}
	scrWant(t, "by hand", w.get(t, off, r.header.Get("Location")), http.StatusOK, "caps with the logo", "200 pcs", "loose labels", "12000.00 CNY")

	for _, tc := range []struct {
		change url.Values
		field  string
	}{
		{url.Values{"items": {""}}, "items"},
		{url.Values{"office": {""}}, "office"},
		{url.Values{"value": {"a lot"}}, "goods_value"},
		{url.Values{"declaration": {"NO-SUCH"}}, "declaration"},
	} {
		f := url.Values{}
		for k, v := range byHand {
			f[k] = v
		}
		for k, v := range tc.change {
			f[k] = v
		}
		r := w.do(t, off, "POST", "/cases/new", f)
		scrWant(t, "open with a bad "+tc.field, r, http.StatusBadRequest, `aria-invalid="true"`, `class="field-error"`)
	}
	scrWant(t, "a holder opens a case", w.get(t, w.signIn(t, brand), "/cases/new"), http.StatusForbidden)
}

// The holder answers a whole request on one screen: "mark all" fills the blank rows.
func TestIdentificationBatch(t *testing.T) {
	w := newSQLiteWorld(t)
	c := caseAct(t, w, officer, caseOpen(t, w, 120), workflow.Event{Kind: "notify_holder"})
	path := "/cases/" + strconv.FormatInt(c.ID, 10)
	off := w.signIn(t, officer)
	scrRedirect(t, "ask", w.do(t, off, "POST", path+"/identifications", url.Values{"all": {"1"}, "note": {"logos look off"}}),
		path+"?done=identification")
	d, err := w.svc.CaseDetail(t.Context(), hdUser(t, w, officer), c.ID)
	if err != nil || len(d.Identifications) != 1 || len(d.Identifications[0].ItemIDs) != 120 {
		t.Fatalf("the request: got %v, want one of 120 items", err)
	}
	req := d.Identifications[0]
	page := "/identifications/" + strconv.FormatInt(req.ID, 10)
	scrWant(t, "the officer's case page", w.get(t, off, path), http.StatusOK, "120 items, asked", "Waiting for the right holder")

	holder := w.signIn(t, brand)
	scrWant(t, "the holder's case page", w.get(t, holder, path), http.StatusOK, `href="`+page+`"`)
	scrWant(t, "the holder's notifications", w.get(t, holder, "/notifications"), http.StatusOK, `href="`+page+`"`, `href="`+path+`"`)
	r := w.get(t, holder, page)
	scrWant(t, "the batch screen", r, http.StatusOK, "Identify the goods", `name="mark_all"`, "parcel 120: NORTHWIND hoodies")
	if n := strings.Count(r.body, `type="radio"`); n != 360 {
		t.Errorf("the batch screen: got %d radio buttons, want 3 for each of 120 items", n)
	}
	first := strconv.FormatInt(req.ItemIDs[0], 10)
	// Counterfeit needs a point: a row marked counterfeit without one is refused, what was chosen kept.
	r = w.do(t, holder, "POST", page, url.Values{"mark_all": {"counterfeit"}, "verdict_" + first: {"genuine"},
		"verdict_" + strconv.FormatInt(req.ItemIDs[1], 10): {"counterfeit"}, "mark_all_points": {""}})
	scrWant(t, "no points", r, http.StatusBadRequest, "The answers were not sent", "say which guide points show it is counterfeit",
		`name="verdict_`+first+`" value="genuine" checked`)
	scrRedirect(t, "answer", w.do(t, holder, "POST", page, url.Values{"mark_all": {"counterfeit"}, "verdict_" + first: {"genuine"},
		"mark_all_points": {"stitching of the logo"}}), path+"?done=answered")
	scrWant(t, "answered", w.get(t, off, path), http.StatusOK, "119 counterfeit, 1 genuine, 0 cannot tell", "Identification answered")
	scrWant(t, "response times", w.get(t, off, "/cases"), http.StatusOK, "Right holders&#39; identification response times",
		"<tr><td>Northwind Apparel</td><td>", "<tr><td>Voltis Electronics</td><td>")
	scrWant(t, "the holder's own response times", w.get(t, holder, "/cases"), http.StatusOK, "<tr><td>Northwind Apparel</td><td>")
	scrNot(t, "the holder's response times", w.get(t, holder, "/cases"), "<tr><td>Voltis Electronics</td><td>")
	scrWant(t, "answer twice", w.do(t, holder, "POST", page, url.Values{"mark_all": {"genuine"}}), http.StatusConflict, "already answered")
	scrWant(t, "the officer cannot answer", w.do(t, off, "POST", page, url.Values{"mark_all": {"genuine"}}), http.StatusForbidden)
	scrWant(t, "another holder", w.get(t, w.signIn(t, otherHolder), page), http.StatusNotFound)
	scrWant(t, "no such request", w.get(t, holder, "/identifications/999999"), http.StatusNotFound)
}

// The holder files its general guarantee, then posts a case's bond from it.
func TestGuaranteeAndBond(t *testing.T) {
	w := newSQLiteWorld(t)
	c := caseAct(t, w, officer, caseOpenFor(t, w, tessera, 1), workflow.Event{Kind: "notify_holder"})
	path := "/cases/" + strconv.FormatInt(c.ID, 10)
	holder := w.signIn(t, tessera)
	if _, err := w.svc.Guarantee(t.Context(), hdUser(t, w, tessera), hdUser(t, w, tessera).OrgID, 2026); err == nil {
		t.Skip("the demo world has a guarantee for 2026 already")
	}
	scrWant(t, "no guarantee yet", w.get(t, holder, "/guarantee"), http.StatusOK, "No general guarantee is filed for 2026", `name="issuer"`)
	scrWant(t, "the case without one", w.get(t, holder, path), http.StatusOK, "You have no general guarantee", "Post bond in cash")
	r := w.do(t, holder, "POST", "/guarantee", url.Values{"amount": {"100000"}, "issuer": {"Bank of Hangzhou"}, "reference": {"BH-1"}})
	scrWant(t, "too small", r, http.StatusBadRequest, "The guarantee was not filed", "must be at least")
	scrRedirect(t, "file", w.do(t, holder, "POST", "/guarantee", url.Values{"amount": {"200,000"}, "issuer": {"Bank of Hangzhou"},
		"reference": {"BH-2026-17"}}), "/guarantee?done=filed")
	scrWant(t, "filed", w.get(t, holder, "/guarantee?done=filed"), http.StatusOK, "The general guarantee was filed.", "200000.00 CNY", "BH-2026-17")
	scrWant(t, "the bond form", w.get(t, holder, path), http.StatusOK, "The bond this case needs: 50000.00 CNY.",
		"Your general guarantee BH-2026-17 can still give 200000.00 CNY.", `name="source" value="guarantee"`)
	r = w.do(t, holder, "POST", path+"/bond", url.Values{"source": {"guarantee"}, "version": {"1"}})
	scrWant(t, "a stale bond form", r, http.StatusConflict, "This case was changed by someone else")
	scrRedirect(t, "bond", w.do(t, holder, "POST", path+"/bond", url.Values{"source": {"guarantee"}, "version": {strconv.Itoa(c.Version)}}),
		path+"?done=bond")
	scrWant(t, "detained", w.get(t, holder, path+"?done=bond"), http.StatusOK, "The bond was posted.", "Detained",
		"50000.00 CNY · drawn on the general guarantee")
	scrWant(t, "the guarantee drawn", w.get(t, holder, "/guarantee"), http.StatusOK, "150000.00 CNY", "Drawn for a bond", `href="`+path+`"`)
	off := w.signIn(t, officer)
	scrWant(t, "customs see it", w.get(t, off, "/guarantee?holder="+strconv.FormatInt(hdUser(t, w, tessera).OrgID, 10)), http.StatusOK, "BH-2026-17")
	scrWant(t, "another holder's", w.get(t, w.signIn(t, otherHolder), "/guarantee?holder="+strconv.FormatInt(hdUser(t, w, tessera).OrgID, 10)),
		http.StatusForbidden)
}

// Documents print in English and Chinese on the same page, once the case has issued them.
func TestCaseDocuments(t *testing.T) {
	w := newSQLiteWorld(t)
	c := caseOpen(t, w, 1)
	path := "/cases/" + strconv.FormatInt(c.ID, 10)
	off := w.signIn(t, officer)
	scrWant(t, "not issued yet", w.get(t, off, path+"/documents/holder_notice"), http.StatusNotFound)
	caseAct(t, w, officer, c, workflow.Event{Kind: "notify_holder"})
	r := w.get(t, off, path+"/documents/holder_notice")
	scrWant(t, "the notice", r, http.StatusOK, "Notice to the right holder", "权利人通知书", `lang="zh-CN"`, "To: Northwind Apparel",
		"by the end of 2026-12-02", "请于 2026-12-02 当日结束前", c.Ref)
	scrWant(t, "an unknown document", w.get(t, off, path+"/documents/poem"), http.StatusNotFound)
}
