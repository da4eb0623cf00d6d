package web_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/web"
)

// scrRule writes a risk rule as the supervisor, through the service.
func scrRule(t *testing.T, w *world, r screen.Rule) {
	t.Helper()
	if _, err := w.svc.CreateRule(t.Context(), hdUser(t, w, supervisor), r, true); err != nil {
		t.Fatalf("create rule %q: %v", r.Name, err)
	}
}

// teapotRule flags teapots declared at scrOffice, with a low weight: a flag by a rule alone.
var teapotRule = screen.Rule{Name: "Teapots at the test harbour", Weight: 30, When: screen.Condition{All: []screen.Condition{
	{Field: "customs_office", Op: screen.OpIs, Value: scrOffice},
	{Field: "description", Op: screen.OpContains, Value: "teapot"},
}}}

// scrQueueWorld is the demo world with the tests' own declarations at scrOffice:
// three marks found (risks 90, 85, 80), one rule met (30), and one clear.
func scrQueueWorld(t *testing.T) *world {
	t.Helper()
	w := newSQLiteWorld(t)
	scrRule(t, w, teapotRule)
	scrSubmit(t, w,
		scrDecl("Q-EXACT", 3, "NORTHWIND running trainers", ""),
		scrDecl("Q-BRAND", 5, "plain sports socks", "N0RTHWIND"),
		scrDecl("Q-ZH", 7, "running shoes 北风 brand", ""),
		scrDecl("Q-RULE", 9, "porcelain teapot", ""),
		scrDecl("Q-CLEAR", 11, "wool socks", ""))
	return w
}

func TestScreeningQueue(t *testing.T) {
	w := scrQueueWorld(t)
	off := w.signIn(t, officer)
	r := w.get(t, off, "/screening?office=Test+Harbour")
	scrWant(t, "the queue", r, http.StatusOK, "Screening queue", "4 declarations",
		`<span class="risk risk-high"><strong>90</strong> high</span>`, `<span class="risk risk-low"><strong>30</strong> low</span>`,
		"<strong>NORTHWIND</strong> · <q>N0RTHWIND</q>", "Disguised letters", "Chinese name", "<q>北风</q>",
		"Risk rule: Teapots at the test harbour", "Cross-border e-commerce", "2026-11-03 10:00", ">Test Harbour<")
	if got, want := scrRows(r.body), []string{"Q-BRAND", "Q-EXACT", "Q-ZH", "Q-RULE"}; !slices.Equal(got, want) {
		t.Errorf("the queue: got rows %v, want %v (flagged, riskiest first; the clear one left out)", got, want)
	}
}

func TestScreeningQueueFilters(t *testing.T) {
	w := scrQueueWorld(t)
	off := w.signIn(t, officer)
	if _, err := w.svc.DismissDeclaration(t.Context(), hdUser(t, w, officer), "Q-ZH", "unbranded, checked"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", []string{"Q-BRAND", "Q-EXACT", "Q-RULE"}},
		{"&channel=ecommerce", []string{"Q-BRAND", "Q-EXACT", "Q-RULE"}},
		{"&channel=postal", nil},
		{"&brand=northwind", []string{"Q-BRAND", "Q-EXACT"}},
		{"&brand=DEMO-NORTHWIND", []string{"Q-BRAND", "Q-EXACT"}},
		{"&brand=n0rth", []string{"Q-BRAND"}}, // the declared brand
		{"&from=2026-11-04", []string{"Q-BRAND", "Q-RULE"}},
		{"&to=2026-11-04", []string{"Q-EXACT"}},
		{"&from=2026-11-05&to=2026-11-05", []string{"Q-BRAND"}},
		{"&status=dismissed", []string{"Q-ZH"}},
		{"&status=clear", []string{"Q-CLEAR"}},
		{"&status=inspection", nil},
		{"&status=all", []string{"Q-BRAND", "Q-EXACT", "Q-RULE", "Q-ZH"}},
		{"&status=all&brand=northwind&from=2026-11-06", []string{"Q-ZH"}},
	} {
		path := "/screening?office=Test+Harbour" + tc.query
		r := w.get(t, off, path)
		scrWant(t, "GET "+path, r, http.StatusOK)
		if got := scrRows(r.body); !slices.Equal(got, tc.want) {
			t.Errorf("GET %s: got rows %v, want %v", path, got, tc.want)
		}
	}
	// Another office's declarations are not ours; the demo's are at Yiwu.
	if got := scrRows(w.get(t, off, "/screening?office=Nowhere").body); len(got) != 0 {
		t.Errorf("office Nowhere: got rows %v, want none", got)
	}
	scrWant(t, "the empty queue", w.get(t, off, "/screening?office=Nowhere"), http.StatusOK,
		`<p class="empty">No declarations match`, "0 declarations")
	scrWant(t, "the filter kept in the form", w.get(t, off, "/screening?office=Test+Harbour&channel=ecommerce&status=dismissed&from=2026-11-01"),
		http.StatusOK, `name="office" value="Test Harbour"`, `<option value="ecommerce" selected>`, `<option value="dismissed" selected>`,
		`name="from" value="2026-11-01"`)
}

func TestScreeningQueueInvalidFilter(t *testing.T) {
	w := newSQLiteWorld(t)
	off := w.signIn(t, officer)
	for _, tc := range []struct{ query, field string }{
		{"from=yesterday", "from"},
		{"to=2026-13-01", "to"},
		{"from=2026-11-10&to=2026-11-01", "to"},
		{"channel=pigeon", "channel"},
		{"status=lost", "status"},
		{"page=0", ""},
		{"page=x", ""},
	} {
		r := w.get(t, off, "/screening?"+tc.query)
		scrWant(t, "GET /screening?"+tc.query, r, http.StatusBadRequest, "The filter is not valid")
		if tc.field != "" && !strings.Contains(r.body, `id="`+tc.field+`-error"`) {
			t.Errorf("GET /screening?%s: got no problem shown next to %s", tc.query, tc.field)
		}
	}
}

func TestScreeningQueuePages(t *testing.T) {
	w := newSQLiteWorld(t)
	scrFlagged(t, w, "PG", 55)
	off := w.signIn(t, officer)
	first := w.get(t, off, "/screening?office=Test+Harbour&channel=ecommerce")
	scrWant(t, "page 1", first, http.StatusOK, "55 declarations", "Page 1 of 2",
		`href="/screening?channel=ecommerce&amp;office=Test&#43;Harbour&amp;page=2" rel="next"`)
	scrNot(t, "page 1", first, `rel="prev"`)
	second := w.get(t, off, "/screening?channel=ecommerce&office=Test+Harbour&page=2")
	scrWant(t, "page 2", second, http.StatusOK, "Page 2 of 2", `href="/screening?channel=ecommerce&amp;office=Test&#43;Harbour" rel="prev"`)
	scrNot(t, "page 2", second, `rel="next"`)
	a, b := scrRows(first.body), scrRows(second.body)
	if len(a) != 50 || len(b) != 5 {
		t.Fatalf("pages: got %d and %d rows, want 50 and 5", len(a), len(b))
	}
	seen := map[string]bool{}
	for _, ref := range append(a, b...) {
		if seen[ref] {
			t.Errorf("pages: got %s twice", ref)
		}
		seen[ref] = true
	}
	if !seen["PG-001"] || !seen["PG-055"] {
		t.Errorf("pages: got %d distinct rows without PG-001 or PG-055", len(seen))
	}
	scrWant(t, "past the end", w.get(t, off, "/screening?office=Test+Harbour&page=9"), http.StatusOK, "No declarations match")
}

// Only customs read the queue: holders and police are refused, strangers sent to sign in.
func TestScreeningQueueAccess(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		email  string
		status int
	}{
		{officer, http.StatusOK}, {supervisor, http.StatusOK}, {"officer@postal.customs.example", http.StatusOK},
		{brand, http.StatusForbidden}, {counsel, http.StatusForbidden}, {catPolice, http.StatusForbidden},
		{regSecretariat, http.StatusForbidden},
	} {
		c := w.signIn(t, tc.email)
		for _, path := range []string{"/screening", "/rules", "/declarations/DEMO-D-00001"} {
			if r := w.get(t, c, path); r.status != tc.status {
				t.Errorf("%s GET %s: got %d, want %d", tc.email, path, r.status, tc.status)
			}
		}
	}
	r := w.get(t, w.client(t), "/screening?office=Yiwu")
	if loc := r.header.Get("Location"); r.status != http.StatusSeeOther || loc != "/login?next=%2Fscreening%3Foffice%3DYiwu" {
		t.Errorf("anonymous GET /screening: got %d to %q, want 303 to sign in and come back", r.status, loc)
	}
}

// The navigation offers the queue and the rules to customs only.
func TestScreeningNavigation(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		email string
		shown bool
	}{{officer, true}, {supervisor, true}, {brand, false}, {counsel, false}, {regSecretariat, false}, {catPolice, false}, {admin, false}} {
		_, nav, _ := strings.Cut(w.get(t, w.signIn(t, tc.email), "/").body, `<nav class="menu"`)
		nav, _, _ = strings.Cut(nav, "</nav>")
		for _, link := range []string{`href="/screening"`, `href="/rules"`} {
			if strings.Contains(nav, link) != tc.shown {
				t.Errorf("%s: got %s in the navigation %v, want %v", tc.email, link, !tc.shown, tc.shown)
			}
		}
	}
}

// The queue in 中文: channels, statuses and levels translated, never raw keys.
func TestScreeningQueueInChinese(t *testing.T) {
	w := scrQueueWorld(t)
	r := w.get(t, w.signIn(t, officer), "/screening?office=Test+Harbour&lang=zh")
	scrWant(t, "the queue in 中文", r, http.StatusOK, "筛查待办", "跨境电商", "已预警，待处理", "变形字符", "共 4 份报关单",
		"<strong>90</strong> 高", "风险规则：Teapots at the test harbour")
	scrNot(t, "the queue in 中文", r, "screening.", "rule.", "Cross-border")
}

// Every message a page builds from data (a channel, a method, a field a rule tests) exists in both languages.
func TestScreeningMessagesComplete(t *testing.T) {
	var keys []string
	for f := range screen.RuleFields {
		keys = append(keys, "screening.field."+f)
	}
	for _, m := range []string{screen.MethodExact, screen.MethodDisguised, screen.MethodSpaced, screen.MethodJoined,
		screen.MethodGlued, screen.MethodFuzzy, screen.MethodChinese, screen.MethodBrand} {
		keys = append(keys, "screening.method."+m)
	}
	for _, op := range []string{screen.OpIs, screen.OpIn, screen.OpContains, screen.OpPrefix, screen.OpLess, screen.OpMore, screen.OpBetween} {
		keys = append(keys, "rule.op."+op)
	}
	for _, c := range enforce.DeclarationChannels {
		keys = append(keys, "screening.channel."+c)
	}
	for _, d := range enforce.DeclarationDirections {
		keys = append(keys, "screening.direction."+d)
	}
	for _, tr := range enforce.DeclarationTransports {
		keys = append(keys, "screening.transport."+tr)
	}
	for _, st := range ipr.DeclarationStatuses {
		keys = append(keys, "screening.status."+string(st), "screening.filter.status."+string(st))
	}
	cats, err := web.LoadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		for lang, c := range cats {
			if c.T(k) == k {
				t.Errorf("key %q: missing from the %s messages", k, lang)
			}
		}
	}
}
