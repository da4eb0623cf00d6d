package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/store"
)

// More demo logins for the holder-side pages.
const (
	aureliaBrand = "brand@aurelia.example"
	police       = "investigator@zhejiang.police.example"
	secretariat  = "secretariat@association.example"
)

// hdWant checks a reply's status and that its body holds every string in want.
func hdWant(t *testing.T, what string, r reply, status int, want ...string) {
	t.Helper()
	if r.status != status {
		t.Errorf("%s: got status %d, want %d", what, r.status, status)
	}
	for _, s := range want {
		if !strings.Contains(r.body, s) {
			t.Errorf("%s: got no %q", what, s)
		}
	}
}

// hdNot checks that a reply's body holds none of not.
func hdNot(t *testing.T, what string, r reply, not ...string) {
	t.Helper()
	for _, s := range not {
		if strings.Contains(r.body, s) {
			t.Errorf("%s: got %q, want it absent", what, s)
		}
	}
}

// hdOrgID is the id of the demo organisation named name, as a string for URLs and forms.
func hdOrgID(t *testing.T, w *world, name string) string {
	t.Helper()
	var id int64
	err := w.svc.DB.View(t.Context(), func(tx *store.Tx) error {
		o, err := tx.OrgByName(t.Context(), name)
		if err == nil {
			id = o.ID
		}
		return err
	})
	if err != nil {
		t.Fatalf("org %s: %v", name, err)
	}
	return strconv.FormatInt(id, 10)
}

// records counts the entries of an infringer or contact list.
func records(body string) int { return len(recordRE.FindAllString(body, -1)) }

var recordRE = regexp.MustCompile(`<li class="record( escalation)?">`)

var infringerEditRE = regexp.MustCompile(`href="/infringers/(\d+)/edit"`)

func TestInfringerListByRole(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		name    string
		email   string
		records int
		want    []string
		not     []string
	}{
		{"officer sees every holder's", officer, 7,
			[]string{`<select name="holder"`, "Jinhua Fuxing Garment Workshop", "Golden Bridge Handbag Trading", "Shenzhen Powerlink", "Yiwu → Ningbo port → Jebel Ali", "Test purchase in May"},
			[]string{`href="/infringers/new"`, "/edit"}},
		{"holder sees its own", brand, 3,
			[]string{"Jinhua Fuxing Garment Workshop", `href="/infringers/new"`, "Manufacturer"},
			[]string{"Golden Bridge", "Powerlink", `<select name="holder"`}},
		{"agent sees its clients'", counsel, 2,
			[]string{"Golden Bridge Handbag Trading", "Maison Luxe Import LLC", `<select name="holder"`, `href="/infringers/new"`},
			[]string{"Jinhua", "Powerlink"}},
		{"another holder sees its own", aureliaBrand, 2, []string{"Golden Bridge"}, []string{"Jinhua", "Powerlink"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := w.get(t, w.signIn(t, tc.email), "/infringers")
			hdWant(t, "GET /infringers", r, http.StatusOK, tc.want...)
			hdNot(t, "GET /infringers", r, tc.not...)
			if got := records(r.body); got != tc.records {
				t.Errorf("GET /infringers: got %d entries, want %d", got, tc.records)
			}
		})
	}
	for _, email := range []string{police, secretariat} {
		r := w.get(t, w.signIn(t, email), "/infringers")
		hdWant(t, "GET /infringers as "+email, r, http.StatusForbidden, "not allowed")
		hdNot(t, "GET /infringers as "+email, r, "Jinhua")
	}
	if r := w.get(t, w.client(t), "/infringers?q=x"); r.status != http.StatusSeeOther || r.header.Get("Location") != "/login?next=%2Finfringers%3Fq%3Dx" {
		t.Errorf("GET /infringers anonymous: got %d to %q, want 303 to the sign-in", r.status, r.header.Get("Location"))
	}

	off := w.signIn(t, officer)
	voltis := hdOrgID(t, w, "Voltis Electronics")
	for _, tc := range []struct {
		query   string
		records int
	}{
		{"?holder=" + voltis, 2},
		{"?q=DUBAI", 2},
		{"?q=ningbo&holder=" + voltis, 0},
		{"?q=%E8%AF%81%E6%8D%AE", 0}, // 证据: nothing matches
	} {
		r := w.get(t, off, "/infringers"+tc.query)
		if r.status != http.StatusOK || records(r.body) != tc.records {
			t.Errorf("GET /infringers%s: got %d with %d entries, want 200 with %d", tc.query, r.status, records(r.body), tc.records)
		}
	}
	for _, tc := range []struct{ query, field string }{{"?page=0", "page"}, {"?holder=abc", "holder"}, {"?q=" + strings.Repeat("x", 201), "q"}} {
		r := w.get(t, off, "/infringers"+tc.query)
		hdWant(t, "GET /infringers"+tc.query, r, http.StatusBadRequest, "the filter is not valid; "+tc.field+": ", `<select name="holder"`)
	}
	if r := w.get(t, w.signIn(t, brand), "/infringers?holder="+hdOrgID(t, w, "Aurelia Maison")); r.status != http.StatusForbidden {
		t.Errorf("GET /infringers?holder=Aurelia as Northwind: got %d, want 403", r.status)
	}
	hdWant(t, "GET /infringers in Chinese", w.get(t, off, "/infringers?lang=zh"), http.StatusOK, "已知侵权人", "生产商", "全部权利人")
}

func TestInfringerForms(t *testing.T) {
	w := newSQLiteWorld(t)
	holder, off, other := w.signIn(t, brand), w.signIn(t, officer), w.signIn(t, aureliaBrand)
	hdWant(t, "GET /infringers/new as holder", w.get(t, holder, "/infringers/new"), http.StatusOK, `action="/infringers"`, `name="evidence"`)
	hdWant(t, "GET /infringers/new as agent", w.get(t, w.signIn(t, counsel), "/infringers/new"), http.StatusOK, `<select name="holder" required`, "Lumina Beauty")
	hdWant(t, "GET /infringers/new as officer", w.get(t, off, "/infringers/new"), http.StatusForbidden)
	hdWant(t, "GET /infringers/new as police", w.get(t, w.signIn(t, police), "/infringers/new"), http.StatusForbidden)

	form := func(kind, name, evidence string) url.Values {
		return url.Values{"kind": {kind}, "name": {name}, "address": {""}, "route": {""}, "evidence": {evidence}}
	}
	r := w.do(t, holder, http.MethodPost, "/infringers", form("manufacturer", " ", "Seen at the <fair>"))
	hdWant(t, "POST /infringers without a name", r, http.StatusBadRequest, "name: give a name, an address or a route",
		`name="name" value=" " maxlength="300" aria-invalid="true"`, "Seen at the &lt;fair&gt;</textarea>")
	r = w.do(t, holder, http.MethodPost, "/infringers", form("smuggler", "X", ""))
	hdWant(t, "POST /infringers with a bad kind", r, http.StatusBadRequest, "kind: ")
	r = w.do(t, w.signIn(t, counsel), http.MethodPost, "/infringers", form("exporter", "X", ""))
	hdWant(t, "POST /infringers as agent without a holder", r, http.StatusBadRequest, "holder: choose the right holder you act for")
	f := form("exporter", "X", "")
	f.Set("holder", hdOrgID(t, w, "Northwind Apparel"))
	hdWant(t, "POST /infringers as agent for a non-client", w.do(t, w.signIn(t, counsel), http.MethodPost, "/infringers", f), http.StatusForbidden)
	hdWant(t, "POST /infringers as officer", w.do(t, off, http.MethodPost, "/infringers", form("exporter", "X", "")), http.StatusForbidden)
	if n := records(w.get(t, off, "/infringers").body); n != 7 {
		t.Fatalf("after refused forms: got %d infringers, want the demo's 7", n)
	}

	r = w.do(t, holder, http.MethodPost, "/infringers", form("consignee", "Harbour Fashion FZE", "Two containers in March\r\nBoth detained"))
	if loc := r.header.Get("Location"); r.status != http.StatusSeeOther || loc != "/infringers?holder="+hdOrgID(t, w, "Northwind Apparel") {
		t.Fatalf("POST /infringers: got %d to %q, want 303 to the holder's list", r.status, loc)
	}
	list := w.get(t, holder, "/infringers?q=harbour")
	hdWant(t, "the new infringer", list, http.StatusOK, "Harbour Fashion FZE", "Consignee", "Two containers in March\nBoth detained")
	m := infringerEditRE.FindStringSubmatch(list.body)
	if m == nil {
		t.Fatal("the new infringer: got no edit link")
	}
	edit := "/infringers/" + m[1] + "/edit"
	hdWant(t, "GET edit as holder", w.get(t, holder, edit), http.StatusOK, `value="Harbour Fashion FZE"`, `action="/infringers/`+m[1]+`/delete"`)
	hdWant(t, "GET edit as officer", w.get(t, off, edit), http.StatusForbidden)
	hdWant(t, "GET edit as another holder", w.get(t, other, edit), http.StatusNotFound)
	hdWant(t, "POST edit as another holder", w.do(t, other, http.MethodPost, edit, form("exporter", "Taken over", "")), http.StatusNotFound)
	hdWant(t, "POST edit with no name", w.do(t, holder, http.MethodPost, edit, form("exporter", "", "kept")), http.StatusBadRequest, "name: ", "kept</textarea>")
	if r := w.do(t, holder, http.MethodPost, edit, form("exporter", "Harbour Fashion Trading", "")); r.status != http.StatusSeeOther {
		t.Errorf("POST edit: got %d, want 303", r.status)
	}
	hdWant(t, "after the edit", w.get(t, off, "/infringers?q=harbour"), http.StatusOK, "Harbour Fashion Trading", "Exporter")

	del := "/infringers/" + m[1] + "/delete"
	hdWant(t, "POST delete as officer", w.do(t, off, http.MethodPost, del, url.Values{}), http.StatusForbidden)
	hdWant(t, "POST delete as another holder", w.do(t, other, http.MethodPost, del, url.Values{}), http.StatusNotFound)
	if r := w.do(t, holder, http.MethodPost, del, url.Values{}); r.status != http.StatusSeeOther {
		t.Errorf("POST delete: got %d, want 303", r.status)
	}
	if n := records(w.get(t, off, "/infringers?q=harbour").body); n != 0 {
		t.Errorf("after delete: got %d entries, want 0", n)
	}
	hdWant(t, "GET edit of a bad id", w.get(t, holder, "/infringers/x/edit"), http.StatusNotFound)
}

// The holder-side pages work the same on both engines.
func TestHolderPagesOnEachEngine(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		off := w.signIn(t, officer)
		if r := w.get(t, off, "/infringers?q=dubai"); r.status != http.StatusOK || records(r.body) != 2 {
			t.Errorf("GET /infringers?q=dubai: got %d with %d entries, want 200 with 2", r.status, records(r.body))
		}
		if r := w.get(t, off, "/contacts?q=%E5%8C%97%E9%A3%8E"); r.status != http.StatusOK || records(r.body) != 2 { // 北风
			t.Errorf("GET /contacts?q=北风: got %d with %d entries, want 200 with 2", r.status, records(r.body))
		}
		if r := w.get(t, off, "/groups"); tableRows(r.body) != 17 {
			t.Errorf("GET /groups: got %d rows, want 17", tableRows(r.body))
		}
		r := w.get(t, off, "/groups/"+hdGroupID(t, w, "Watches & Jewellery"))
		hdWant(t, "GET the watches group", r, http.StatusOK, "<li>AURELIA</li>", "<li>ORBIS</li>")
		r = w.get(t, off, "/rights/"+hdRightID(t, w, "DEMO-VOLTIS")+"/parties")
		hdWant(t, "GET the Voltis supply chain", r, http.StatusOK, "Voltis Electronics (Shenzhen) Co., Ltd.", "91440300MA5F2V9T4W")
	})
}

// The navigation offers the holder-side pages only to roles that may open them.
func TestHolderNavigation(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		email string
		want  []string
		not   []string
	}{
		{officer, []string{`href="/infringers"`, `href="/contacts"`, `href="/groups"`}, nil},
		{brand, []string{`href="/infringers"`, `href="/contacts"`, `href="/groups"`}, nil},
		{counsel, []string{`href="/infringers"`, `href="/contacts"`, `href="/groups"`}, nil},
		{secretariat, []string{`href="/groups"`}, []string{`href="/infringers"`, `href="/contacts"`}},
		{police, nil, []string{`href="/infringers"`, `href="/contacts"`, `href="/groups"`}},
	} {
		body := w.get(t, w.signIn(t, tc.email), "/").body
		_, nav, _ := strings.Cut(body, `<nav class="menu"`)
		nav, _, _ = strings.Cut(nav, "</nav>")
		for _, want := range tc.want {
			if !strings.Contains(nav, want) {
				t.Errorf("%s: got navigation without %s", tc.email, want)
			}
		}
		for _, not := range tc.not {
			if strings.Contains(nav, not) {
				t.Errorf("%s: got navigation with %s, which the role may not open", tc.email, not)
			}
		}
	}
}
