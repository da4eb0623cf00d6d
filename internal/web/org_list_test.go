package web_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestOrgList(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		name      string
		email     string
		wantRows  int
		wantShown []string
		wantNot   []string
	}{
		{"officer sees all", officer, 19,
			[]string{"Hangzhou Customs", "Yiwu Customs", "Northwind Apparel", "Aurelia Maison", "奥蕾莉亚"}, nil},
		{"right holder sees its own", brand, 1,
			[]string{"Northwind Apparel", "北风服饰", "Right holder"},
			[]string{"Aurelia Maison", "Voltis Electronics", "Hangzhou Customs", "Lin &amp; Partners"}},
		{"agent sees itself and its clients", counsel, 4,
			[]string{"Lin &amp; Partners IP Law Firm", "Aurelia Maison", "Lumina Beauty", "Orbis Horlogerie"},
			[]string{"Northwind Apparel", "Hangzhou Customs"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := w.get(t, w.signIn(t, tc.email), "/orgs")
			if r.status != http.StatusOK {
				t.Fatalf("GET /orgs: got %d, want 200", r.status)
			}
			if got := tableRows(r.body); got != tc.wantRows {
				t.Errorf("GET /orgs: got %d rows, want %d", got, tc.wantRows)
			}
			for _, want := range tc.wantShown {
				if !strings.Contains(r.body, want) {
					t.Errorf("GET /orgs: got no %q", want)
				}
			}
			for _, not := range tc.wantNot {
				if strings.Contains(r.body, not) {
					t.Errorf("GET /orgs: got %q, want it hidden", not)
				}
			}
		})
	}
	// A branch office names the office it is part of.
	r := w.get(t, w.signIn(t, supervisor), "/orgs")
	if want := "<td>Yiwu Customs</td><td lang=\"zh\">义乌海关</td><td>Customs office</td>\n    <td>Hangzhou Customs</td>"; !strings.Contains(r.body, want) {
		t.Errorf("GET /orgs: got no row %q", want)
	}
	if r := w.get(t, w.client(t), "/orgs"); r.status != http.StatusSeeOther || r.header.Get("Location") != "/login?next=%2Forgs" {
		t.Errorf("GET /orgs anonymous: got %d to %q, want 303 to /login?next=%%2Forgs", r.status, r.header.Get("Location"))
	}
}

// The navigation offers only what the role may open.
func TestNavigationByRole(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		email string
		want  []string
		not   []string
	}{
		{officer, []string{`href="/"`, `href="/orgs"`}, []string{`href="/audit"`}},
		{supervisor, []string{`href="/orgs"`, `href="/audit"`}, nil},
		{brand, []string{`href="/orgs"`, `href="/audit"`}, nil},
		{counsel, []string{`href="/orgs"`}, []string{`href="/audit"`}},
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
