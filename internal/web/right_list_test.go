package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// The register search, as an officer sees it, filter by filter.
func TestRightListFilters(t *testing.T) {
	w := newSQLiteWorld(t)
	off := w.signIn(t, officer)
	for _, tc := range []struct {
		query string
		want  []string
		not   []string
	}{
		{"", []string{">NORTHWIND<", ">AURELIA<", ">FERROCAR<", ">MEDORA<", ">CHATEAU MARLOWE<", `lang="zh">北风</span>`, "Northwind Apparel"},
			[]string{">GOLDFIELD<"}}, // a draft is its holder's own
		{"q=%E5%8C%97%E9%A3%8E", []string{">NORTHWIND<"}, []string{">AURELIA<", ">VOLTIS<"}}, // 北风, a Chinese variant
		{"q=nwd", []string{">NORTHWIND<"}, []string{">AURELIA<"}},
		{"holder=aurelia", []string{">AURELIA<"}, []string{">NORTHWIND<"}},
		{"class=33", []string{">CHATEAU MARLOWE<"}, []string{">NORTHWIND<", ">AURELIA<"}},
		{"class=25", []string{">NORTHWIND<", ">AURELIA<"}, []string{">VOLTIS<", ">CHATEAU MARLOWE<"}},
		{"status=submitted", []string{">FERROCAR<", ">IRONCLAD<", "Decision due"}, []string{">NORTHWIND<", ">MEDORA<"}},
		{"status=rejected", []string{">MEDORA<"}, []string{">NORTHWIND<"}},
		{"status=approved", []string{">NORTHWIND<", ">AURELIA<", "badge-approved"}, []string{">CHATEAU MARLOWE<", ">FERROCAR<"}},
		{"status=expired", []string{">CHATEAU MARLOWE<", "badge-expired", "Expired"}, []string{">NORTHWIND<"}},
		{"expiring=180", []string{">AURELIA<"}, []string{">NORTHWIND<", ">CHATEAU MARLOWE<"}},
		{"expiring=30", nil, []string{">AURELIA<", ">NORTHWIND<"}},
		{"q=aurelia&class=25&status=approved", []string{">AURELIA<"}, []string{">NORTHWIND<"}},
	} {
		r := w.get(t, off, "/rights?"+tc.query)
		regWant(t, "GET /rights?"+tc.query, r, http.StatusOK, tc.want...)
		for _, not := range tc.not {
			if strings.Contains(r.body, not) {
				t.Errorf("GET /rights?%s: got %q, want it filtered out", tc.query, not)
			}
		}
	}
	for _, q := range []string{"class=99", "class=x", "expiring=-1", "status=lost", "page=0"} {
		field := strings.Split(q, "=")[0]
		r := w.get(t, off, "/rights?"+q)
		regWant(t, "GET /rights?"+q, r, http.StatusBadRequest, "The search is not valid")
		if field != "status" && field != "page" && !strings.Contains(r.body, `id="`+field+`-error"`) {
			t.Errorf("GET /rights?%s: got no problem shown next to %s", q, field)
		}
	}
}

// Rows that need attention are red: recordations ending within 30 days, overdue decisions.
func TestRightListAlerts(t *testing.T) {
	w := newSQLiteWorld(t)
	off := w.signIn(t, officer)
	if n := strings.Count(w.get(t, off, "/rights").body, `<tr class="alert">`); n != 0 {
		t.Errorf("today: got %d red rows, want 0", n)
	}
	// 100 days on: DEMO-AURELIA ends within 30 days, and the submitted ones are overdue.
	w.clock.Advance(100 * 24 * time.Hour)
	r := w.get(t, w.signIn(t, officer), "/rights") // the old session has ended
	if n := strings.Count(r.body, `<tr class="alert">`); n != 3 {
		t.Errorf("100 days on: got %d red rows, want 3 (AURELIA ending, FERROCAR and IRONCLAD overdue)", n)
	}
	regWant(t, "100 days on", r, http.StatusOK, "Ends within 30 days", "Decision overdue")
	regWant(t, "review queue 100 days on", w.get(t, w.signIn(t, supervisor), "/review"), http.StatusOK,
		`<tr class="alert">`, "Decision overdue", "FERROCAR", "IRONCLAD")
}

// A holder's search shows only its own rights, drafts included; an agent its clients'.
func TestRightListScope(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		email string
		want  []string
		not   []string
	}{
		{brand, []string{">NORTHWIND<"}, []string{">AURELIA<", ">VOLTIS<", ">GOLDFIELD<"}},
		{"brand@goldfield.example", []string{">GOLDFIELD<", "badge-draft"}, []string{">NORTHWIND<"}},
		{counsel, []string{">AURELIA<", ">LUMINA<", ">ORBIS<"}, []string{">NORTHWIND<", ">GOLDFIELD<"}},
		{regSecretariat, []string{">NORTHWIND<", ">AURELIA<"}, []string{">FERROCAR<", ">MEDORA<", ">GOLDFIELD<"}},
	} {
		r := w.get(t, w.signIn(t, tc.email), "/rights")
		regWant(t, tc.email+" GET /rights", r, http.StatusOK, tc.want...)
		for _, not := range tc.not {
			if strings.Contains(r.body, not) {
				t.Errorf("%s GET /rights: got %q, which is not theirs to see", tc.email, not)
			}
		}
	}
	regWant(t, "police GET /rights", w.get(t, w.signIn(t, "investigator@zhejiang.police.example"), "/rights"), http.StatusForbidden)
	if r := w.get(t, w.client(t), "/rights"); r.status != http.StatusSeeOther {
		t.Errorf("anonymous GET /rights: got %d, want 303 to sign in", r.status)
	}
}

// The register in 中文: statuses and kinds translated, never raw.
func TestRightListInChinese(t *testing.T) {
	w := newSQLiteWorld(t)
	off := w.signIn(t, officer)
	r := w.get(t, off, "/rights?lang=zh")
	regWant(t, "GET /rights in 中文", r, http.StatusOK, "知识产权备案库", "已核准", "已提交待审", "已驳回", "已过期", "商标", "著作权", "外观设计专利")
	for _, raw := range []string{">approved<", ">submitted<", ">rejected<", ">expired<", ">trademark<", "right.status.", "right.kind."} {
		if strings.Contains(r.body, raw) {
			t.Errorf("GET /rights in 中文: got %q, want it translated", raw)
		}
	}
	page := "/rights/" + registerRightID(t, w, "DEMO-FERROCAR")
	regWant(t, "a submitted right in 中文", w.get(t, off, page), http.StatusOK, "已提交待审", "在工作日日历载入前，按自然日计算。")
}

// The navigation offers the register, portfolio, review queue and notifications by role.
func TestRightNavigation(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		email string
		want  []string
		not   []string
	}{
		{officer, []string{`href="/rights"`, `href="/notifications"`}, []string{`href="/portfolio"`, `href="/review"`}},
		{supervisor, []string{`href="/rights"`, `href="/review"`}, []string{`href="/portfolio"`}},
		{regSecretariat, []string{`href="/rights"`}, []string{`href="/portfolio"`, `href="/review"`}},
		{brand, []string{`href="/portfolio"`, `href="/notifications"`}, []string{`href="/rights"`, `href="/review"`}},
		{counsel, []string{`href="/portfolio"`, `href="/notifications"`}, []string{`href="/review"`}},
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
				t.Errorf("%s: got navigation with %s", tc.email, not)
			}
		}
	}
}

// A right's page lists its products with links, and its supply chain, to customs and
// the holder; the association sees the recordation without them.
func TestRightShowCatalogue(t *testing.T) {
	w := newSQLiteWorld(t)
	page := "/rights/" + registerRightID(t, w, "DEMO-NORTHWIND")
	for _, email := range []string{officer, brand} {
		regWant(t, email+" GET "+page, w.get(t, w.signIn(t, email), page), http.StatusOK,
			"Northwind Stratus Runner", `href="/products/`, "Authorised supply chain", `href="`+page+`/parties"`)
	}
	if body := w.get(t, w.signIn(t, brand), page).body; !strings.Contains(body, `href="`+page+`/products/new"`) {
		t.Errorf("holder's view: got no link to add a product")
	}
	if body := w.get(t, w.signIn(t, officer), page).body; strings.Contains(body, "/products/new") {
		t.Errorf("officer's view: got a link to add a product")
	}
	r := w.get(t, w.signIn(t, regSecretariat), page)
	regWant(t, "association GET "+page, r, http.StatusOK, "NORTHWIND")
	if strings.Contains(r.body, "Northwind Stratus Runner") || strings.Contains(r.body, "Authorised supply chain") {
		t.Errorf("association's view: got the catalogue or supply chain, want neither")
	}
}
