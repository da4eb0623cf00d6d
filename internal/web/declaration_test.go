package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The matched text is marked in the original, which is escaped: a description
// carrying markup shows it as text, with the hit inside it marked.
func TestDeclarationHighlight(t *testing.T) {
	w := newSQLiteWorld(t)
	scrSubmit(t, w,
		scrDecl("H-SCRIPT", 3, `<script>NORTHWIND</script> trainers & "laces"`, ""),
		scrDecl("H-BRAND", 3, "plain sports socks", "N0RTHWIND <b>"),
		scrDecl("H-ZH", 3, "跑鞋 北风 男款", ""))
	off := w.signIn(t, officer)
	for _, tc := range []struct{ id, want string }{
		{"H-SCRIPT", `<dd class="declared-text description">&lt;script&gt;<mark title="NORTHWIND">NORTHWIND</mark>&lt;/script&gt; trainers &amp; &#34;laces&#34;</dd>`},
		{"H-BRAND", `<dd class="declared-text brand"><mark title="NORTHWIND">N0RTHWIND</mark> &lt;b&gt;</dd>`},
		{"H-ZH", `<dd class="declared-text description">跑鞋 <mark title="NORTHWIND">北风</mark> 男款</dd>`},
	} {
		r := w.get(t, off, "/declarations/"+tc.id)
		scrWant(t, "GET /declarations/"+tc.id, r, http.StatusOK, tc.want)
		scrNot(t, "GET /declarations/"+tc.id, r, "<script>", "<b>")
	}
}

// A declaration's page: every field, each hit explained with links to the right
// and its authentication guide, and the rules met.
func TestDeclarationShow(t *testing.T) {
	w := scrQueueWorld(t)
	off := w.signIn(t, officer)
	right := "/rights/" + registerRightID(t, w, "DEMO-NORTHWIND")
	guide := catPath(catProduct(t, w, "DEMO-NORTHWIND")) + "#guide"
	scrWant(t, "a mark found", w.get(t, off, "/declarations/Q-EXACT"), http.StatusOK,
		"Declaration Q-EXACT", `<span class="risk risk-high"><strong>85</strong> high</span>`, `<span class="badge badge-flagged">Flagged</span>`,
		`<a href="`+right+`">NORTHWIND</a>`, `<a href="`+guide+`">Northwind Stratus Runner</a>`, "Exact match", "score 0.85",
		"recorded mark NORTHWIND in the description", "DEMO-NORTHWIND", "No risk rule was met.",
		"<dd>Test Harbour</dd>", "<dd>Cross-border e-commerce</dd>", "<dd>Export</dd>", "<dd>Air</dd>", "<dd>CN-ZJ-Yiwu</dd>",
		"<dd>Yiwu Test Trading</dd>", "<dd>J. Doe</dd>", "<dd>640411</dd>", "<dd>10</dd>", "<dd>80 USD</dd>", "<dd>8.00 USD</dd>",
		"<dd>2026-11-03 10:00 UTC</dd>", `action="/declarations/Q-EXACT/dismiss"`, `action="/declarations/Q-EXACT/inspect"`)
	scrWant(t, "a rule met", w.get(t, off, "/declarations/Q-RULE"), http.StatusOK,
		"<strong>Teapots at the test harbour</strong>", "weight 30", `meets risk rule &#34;Teapots at the test harbour&#34;`,
		"No recorded mark was found.", `<span class="risk risk-low"><strong>30</strong> low</span>`)

	// The holder's own shipment: reported, marked authorised, not flagged.
	d := scrDecl("H-OWN", 4, "NORTHWIND Stratus Runner trail shoes", "NORTHWIND")
	d.Consignor, d.Value = "Northwind Apparel (Ningbo) Trading Co., Ltd.", 6200
	if res := scrSubmit(t, w, d); res[0].Flagged() || len(res[0].Hits) == 0 {
		t.Fatalf("the holder's own shipment: got %+v, want authorised hits and no flag", res[0])
	}
	r := w.get(t, off, "/declarations/H-OWN")
	scrWant(t, "an authorised shipment", r, http.StatusOK, `<span class="badge badge-clear">Clear</span>`,
		`<li class="card hit authorised">`, "Authorised shipment", `<mark class="authorised" title="NORTHWIND">NORTHWIND</mark>`,
		"Screening found nothing that needs a look.", `action="/declarations/H-OWN/inspect"`)
	scrNot(t, "an authorised shipment", r, "/dismiss")

	scrWant(t, "an unknown declaration", w.get(t, off, "/declarations/NO-SUCH"), http.StatusNotFound)
	scrWant(t, "in 中文", w.get(t, off, "/declarations/Q-EXACT?lang=zh"), http.StatusOK,
		"报关单 Q-EXACT", "排除理由", "布控查验", "真伪鉴别指南", "<dd>跨境电商</dd>", "<dd>出口</dd>", "<dd>航空运输</dd>")
}

// Dismissing needs a reason; the decision, who took it and when, then show instead of the forms,
// and the declaration leaves the flagged queue.
func TestDeclarationDismiss(t *testing.T) {
	w := scrQueueWorld(t)
	off := w.signIn(t, officer)
	page := "/declarations/Q-EXACT"
	r := w.do(t, off, "POST", page+"/dismiss", url.Values{"reason": {"  "}})
	scrWant(t, "dismiss without a reason", r, http.StatusBadRequest, "The decision was not recorded",
		`id="reason-error">is required<`, `aria-invalid="true" aria-describedby="reason-error"`, `badge-flagged`)

	scrRedirect(t, "dismiss", w.do(t, off, "POST", page+"/dismiss", url.Values{"reason": {"Unbranded <trainers>; listing title only"}}),
		page+"?done=dismissed")
	r = w.get(t, off, page+"?done=dismissed")
	scrWant(t, "a dismissed declaration", r, http.StatusOK, "The flag was dismissed.", `<span class="badge badge-dismissed">Dismissed</span>`,
		"Dismissed by Chen Jie on 2026-11-27 09:00:00 (UTC)", "Unbranded &lt;trainers&gt;; listing title only")
	scrNot(t, "a dismissed declaration", r, "<textarea", `action="/declarations/Q-EXACT/`)

	if rows := scrRows(w.get(t, off, "/screening?office=Test+Harbour").body); strings.Contains(strings.Join(rows, " "), "Q-EXACT") {
		t.Errorf("the flagged queue after dismissing: got %v, want Q-EXACT gone", rows)
	}
	if rows := scrRows(w.get(t, off, "/screening?office=Test+Harbour&status=dismissed").body); len(rows) != 1 || rows[0] != "Q-EXACT" {
		t.Errorf("the dismissed: got %v, want [Q-EXACT]", rows)
	}

	// Decided already: a second decision is refused, and the page says what was decided.
	sup := w.signIn(t, supervisor)
	r = w.do(t, sup, "POST", page+"/inspect", url.Values{"note": {"open it"}})
	scrWant(t, "inspect a dismissed one", r, http.StatusConflict, "is already dismissed", "Dismissed by Chen Jie")
	r = w.do(t, sup, "POST", page+"/dismiss", url.Values{"reason": {"again"}})
	scrWant(t, "dismiss twice", r, http.StatusConflict, "only a flagged declaration can be dismissed")
}

func TestDeclarationInspect(t *testing.T) {
	w := scrQueueWorld(t)
	off := w.signIn(t, officer)
	scrRedirect(t, "inspect", w.do(t, off, "POST", "/declarations/Q-BRAND/inspect", url.Values{"note": {"Compare the tongue label with the guide."}}),
		"/declarations/Q-BRAND?done=inspection")
	scrWant(t, "sent to inspection", w.get(t, off, "/declarations/Q-BRAND?done=inspection"), http.StatusOK,
		"The declaration was marked for inspection.", `<span class="badge badge-inspection">Inspection</span>`,
		"Sent to inspection by Chen Jie on 2026-11-27 09:00:00 (UTC)", "Note for the inspection:</strong> Compare the tongue label with the guide.")
	if rows := scrRows(w.get(t, off, "/screening?office=Test+Harbour&status=inspection").body); len(rows) != 1 || rows[0] != "Q-BRAND" {
		t.Errorf("sent to inspection: got %v, want [Q-BRAND]", rows)
	}
	// A clear declaration may be inspected on the officer's own suspicion, without a note.
	scrRedirect(t, "inspect a clear one", w.do(t, off, "POST", "/declarations/Q-CLEAR/inspect", url.Values{}), "/declarations/Q-CLEAR?done=inspection")
	r := w.do(t, off, "POST", "/declarations/Q-ZH/inspect", url.Values{"note": {strings.Repeat("x", 2001)}})
	scrWant(t, "a note too long", r, http.StatusBadRequest, `id="note-error">must be at most 2000 characters<`)
}

// Only customs decide; a form posted from another site is refused; a stranger must sign in.
func TestDeclarationDecideAccess(t *testing.T) {
	w := scrQueueWorld(t)
	for _, email := range []string{brand, counsel, catPolice, regSecretariat} {
		c := w.signIn(t, email)
		for _, action := range []string{"dismiss", "inspect"} {
			r := w.do(t, c, "POST", "/declarations/Q-EXACT/"+action, url.Values{"reason": {"x"}, "note": {"x"}})
			scrWant(t, email+" "+action, r, http.StatusForbidden)
		}
	}
	r := w.do(t, w.client(t), "POST", "/declarations/Q-EXACT/dismiss", url.Values{"reason": {"x"}})
	if r.status != http.StatusUnauthorized {
		t.Errorf("anonymous dismiss: got %d, want 401", r.status)
	}
	off := w.signIn(t, officer)
	r = w.do(t, off, "POST", "/declarations/Q-EXACT/dismiss", url.Values{"reason": {"x"}}, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	scrWant(t, "a dismissal from another site", r, http.StatusForbidden)
	scrWant(t, "still flagged", w.get(t, off, "/declarations/Q-EXACT"), http.StatusOK, `badge-flagged`, `action="/declarations/Q-EXACT/dismiss"`)
	scrWant(t, "an unknown declaration", w.do(t, off, "POST", "/declarations/NO-SUCH/dismiss", url.Values{"reason": {"x"}}), http.StatusNotFound)
}
