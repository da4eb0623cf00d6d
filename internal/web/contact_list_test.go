package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
)

var contactEditRE = regexp.MustCompile(`href="/contacts/(\d+)/edit"`)

func TestContactListByRole(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		name, email, query string
		records            int
		want, not          []string
	}{
		{"officer sees every holder's", officer, "", 24,
			[]string{"Escalation contact", "First contact", `href="tel:&#43;862155501201"`, `href="mailto:grace.lin@northwind.example"`,
				"中文, English", "24/7 for detentions", `<li class="record escalation">`, "<h2>Northwind Apparel</h2>"},
			[]string{`href="/contacts/new"`, "/edit"}},
		{"officer searches by holder name", officer, "?q=%E5%8C%97%E9%A3%8E", 2, []string{"Grace Lin", "Oliver Grant"}, []string{"Camille"}}, // 北风
		{"officer searches in English", officer, "?q=voltis", 2, []string{"Zhao Lei", "Hannah Berg"}, []string{"Grace Lin"}},
		{"officer in Chinese", officer, "?lang=zh", 24, []string{"联系人名录", "升级联系人", "<h2>北风服饰</h2>"}, nil},
		{"holder sees its own", brand, "", 2, []string{"Grace Lin", `href="/contacts/new"`, "/edit"}, []string{"Camille", `<select name="holder"`}},
		{"agent sees its clients'", counsel, "", 6, []string{"Camille Laurent", "Sophie Martin", "Elena Huber"}, []string{"Grace Lin"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := w.get(t, w.signIn(t, tc.email), "/contacts"+tc.query)
			hdWant(t, "GET /contacts"+tc.query, r, http.StatusOK, tc.want...)
			hdNot(t, "GET /contacts"+tc.query, r, tc.not...)
			if got := records(r.body); got != tc.records {
				t.Errorf("GET /contacts%s: got %d contacts, want %d", tc.query, got, tc.records)
			}
		})
	}
	for _, email := range []string{police, secretariat} {
		hdWant(t, "GET /contacts as "+email, w.get(t, w.signIn(t, email), "/contacts"), http.StatusForbidden)
	}
	if r := w.get(t, w.client(t), "/contacts"); r.status != http.StatusSeeOther {
		t.Errorf("GET /contacts anonymous: got %d, want 303 to the sign-in", r.status)
	}
	hdWant(t, "GET /contacts?page=x", w.get(t, w.signIn(t, officer), "/contacts?page=x"), http.StatusBadRequest, "page: ")
}

func TestContactForms(t *testing.T) {
	w := newSQLiteWorld(t)
	holder, off := w.signIn(t, brand), w.signIn(t, officer)
	hdWant(t, "GET /contacts/new", w.get(t, holder, "/contacts/new"), http.StatusOK, `name="escalation"`, `type="tel"`)
	hdWant(t, "GET /contacts/new as officer", w.get(t, off, "/contacts/new"), http.StatusForbidden)

	form := func(name, phone, email string) url.Values {
		return url.Values{"name": {name}, "title": {"Night desk"}, "phone": {phone}, "email": {email}, "languages": {"中文"}, "hours": {"20:00–08:00"}}
	}
	hdWant(t, "POST /contacts with a bad e-mail", w.do(t, holder, http.MethodPost, "/contacts", form("Night Desk", "", "night desk@northwind")),
		http.StatusBadRequest, "email: is not an e-mail address", `value="night desk@northwind"`, `value="Night desk"`)
	hdWant(t, "POST /contacts with no way to call", w.do(t, holder, http.MethodPost, "/contacts", form("Night Desk", "", "")),
		http.StatusBadRequest, "phone: give a phone number or an e-mail address")
	hdWant(t, "POST /contacts with no name", w.do(t, holder, http.MethodPost, "/contacts", form("", "+86 1", "")), http.StatusBadRequest, "name: is required")
	hdWant(t, "POST /contacts as officer", w.do(t, off, http.MethodPost, "/contacts", form("X", "1", "")), http.StatusForbidden)
	if n := records(w.get(t, holder, "/contacts").body); n != 2 {
		t.Fatalf("after refused forms: got %d contacts, want 2", n)
	}

	f := form("Night Desk", "+86 21 5550 1299", "")
	f.Set("escalation", "on")
	if r := w.do(t, holder, http.MethodPost, "/contacts", f); r.status != http.StatusSeeOther {
		t.Fatalf("POST /contacts: got %d, want 303\n%s", r.status, r.body)
	}
	r := w.get(t, off, "/contacts?q=night")
	hdWant(t, "the new contact as customs see it", r, http.StatusOK, "Night Desk", `href="tel:&#43;862155501299"`, "Escalation contact", "20:00–08:00")
	m := contactEditRE.FindStringSubmatch(w.get(t, holder, "/contacts?q=night").body)
	if m == nil {
		t.Fatal("the new contact: got no edit link")
	}
	edit := "/contacts/" + m[1] + "/edit"
	hdWant(t, "GET edit", w.get(t, holder, edit), http.StatusOK, `value="Night Desk"`, `name="escalation" checked`)
	hdWant(t, "GET edit as officer", w.get(t, off, edit), http.StatusForbidden)
	hdWant(t, "GET edit as the agent of other holders", w.get(t, w.signIn(t, counsel), edit), http.StatusNotFound)
	if r := w.do(t, holder, http.MethodPost, edit, form("Night Desk", "+86 21 5550 1299", "")); r.status != http.StatusSeeOther {
		t.Errorf("POST edit: got %d, want 303", r.status)
	}
	hdWant(t, "after the edit", w.get(t, off, "/contacts?q=night"), http.StatusOK, "First contact")
	hdWant(t, "POST delete as officer", w.do(t, off, http.MethodPost, "/contacts/"+m[1]+"/delete", url.Values{}), http.StatusForbidden)
	if r := w.do(t, holder, http.MethodPost, "/contacts/"+m[1]+"/delete", url.Values{}); r.status != http.StatusSeeOther {
		t.Errorf("POST delete: got %d, want 303", r.status)
	}
	if n := records(w.get(t, off, "/contacts?q=night").body); n != 0 {
		t.Errorf("after delete: got %d contacts, want 0", n)
	}
}
