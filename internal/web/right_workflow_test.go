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

// More demo logins for the register's tests.
const (
	regAurelia     = "brand@aurelia.example"
	regSecretariat = "secretariat@association.example"
)

// registerRightID is the id of the demo right with reference ref.
func registerRightID(t *testing.T, w *world, ref string) string {
	t.Helper()
	var id int64
	err := w.svc.DB.View(t.Context(), func(tx *store.Tx) error {
		r, err := tx.RightByRef(t.Context(), ref)
		if err == nil {
			id = r.ID
		}
		return err
	})
	if err != nil {
		t.Fatalf("right %s: %v", ref, err)
	}
	return strconv.FormatInt(id, 10)
}

// regWant checks a reply's status and that the body contains each of want.
func regWant(t *testing.T, what string, r reply, status int, want ...string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s: got status %d, want %d\n%s", what, r.status, status, regExcerpt(r.body))
	}
	for _, s := range want {
		if !strings.Contains(r.body, s) {
			t.Errorf("%s: got a page without %q", what, s)
		}
	}
}

// regRedirect checks a 303 and returns where it leads.
func regRedirect(t *testing.T, what string, r reply, prefix string) string {
	t.Helper()
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		t.Fatalf("%s: got %d to %q, want 303 to %s…\n%s", what, r.status, loc, prefix, regExcerpt(r.body))
	}
	return loc
}

// regExcerpt is the main part of a page, for failure messages.
func regExcerpt(body string) string {
	if _, main, ok := strings.Cut(body, "<main"); ok {
		body = main
	}
	if len(body) > 1500 {
		body = body[:1500] + "…"
	}
	return body
}

func regForm(version string, changes ...string) url.Values {
	f := url.Values{"kind": {"trademark"}, "mark": {"NORTHWIND KIDS"}, "variants": {"北风童装\r\nNWK\r\n"},
		"nice_classes": {"25 28"}, "jurisdiction": {"cn"}, "reg_office": {"CNIPA"}, "reg_number": {"41234567"},
		"owner": {"Northwind Apparel Ltd"}, "goods": {"Children's clothing, toys"},
		"valid_from": {"2020-01-01"}, "valid_to": {"2030-12-31"}}
	if version != "" {
		f.Set("version", version)
	}
	for i := 0; i+1 < len(changes); i += 2 {
		f.Set(changes[i], changes[i+1])
	}
	return f
}

var regLocRE = regexp.MustCompile(`^/rights/(\d+)\?done=filed$`)

// The whole recordation workflow through the pages: a holder files a draft, edits and
// submits it; the supervisor finds it in the review queue and rejects it with a reason;
// the holder sees the reason in the portfolio and submits again; the supervisor approves;
// the right's page shows the recordation dates.
func TestRecordationWorkflow(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		holder, sup, off, other := w.signIn(t, brand), w.signIn(t, supervisor), w.signIn(t, officer), w.signIn(t, regAurelia)

		regWant(t, "GET /rights/new", w.get(t, holder, "/rights/new"), http.StatusOK,
			`action="/rights/new"`, `name="mark"`, `name="variants"`, "Northwind Apparel")
		loc := regRedirect(t, "file a draft", w.do(t, holder, "POST", "/rights/new", regForm("")), "/rights/")
		m := regLocRE.FindStringSubmatch(loc)
		if m == nil {
			t.Fatalf("file a draft: got Location %q, want /rights/{id}?done=filed", loc)
		}
		page := "/rights/" + m[1]
		regWant(t, "the draft", w.get(t, holder, loc), http.StatusOK, "NORTHWIND KIDS", `lang="zh">北风童装</span>`,
			"25 28", "badge-draft", "The draft was saved", `action="`+page+`/submit"`, `href="`+page+`/edit"`)

		// Nobody else sees a draft: it does not exist for them.
		for _, c := range []struct {
			who  string
			c    *http.Client
			path string
		}{{"another holder", other, page}, {"another holder", other, page + "/edit"}, {"an officer", off, page}, {"the supervisor", sup, page}} {
			regWant(t, c.who+" GET "+c.path, w.get(t, c.c, c.path), http.StatusNotFound)
		}
		regWant(t, "another holder POST edit", w.do(t, other, "POST", page+"/edit", regForm("1")), http.StatusNotFound)
		regWant(t, "another holder POST submit", w.do(t, other, "POST", page+"/submit", url.Values{}), http.StatusNotFound)

		// Edit: the form carries the version; a stale version is refused, not lost.
		regWant(t, "GET edit", w.get(t, holder, page+"/edit"), http.StatusOK, `name="version" value="1"`, "NORTHWIND KIDS", "北风童装\nNWK")
		regRedirect(t, "save the edit", w.do(t, holder, "POST", page+"/edit", regForm("1", "goods", "Children's clothing")), page+"?done=updated")
		r := w.do(t, holder, "POST", page+"/edit", regForm("1", "goods", "Toys only"))
		regWant(t, "stale edit", r, http.StatusConflict, "Someone else changed this recordation", `href="`+page+`/edit"`, "Toys only")
		regWant(t, "after the stale edit", w.get(t, holder, page), http.StatusOK, "Children&#39;s clothing")

		// Bad input comes back with the field named, and what was typed kept.
		for _, tc := range []struct {
			name, field, value, want string
		}{
			{"Nice class 99", "nice_classes", "25 99", "99 is not a Nice class (1–45)"},
			{"end before start", "valid_to", "2019-12-31", "is before valid_from"},
			{"no mark", "mark", "", "is required"},
			{"unknown kind", "kind", "trade secret", "is not one of trademark"},
			{"not a date", "valid_from", "1 May 2020", "is not a date like 2026-11-29"},
		} {
			r := w.do(t, holder, "POST", page+"/edit", regForm("2", tc.field, tc.value))
			regWant(t, "edit with "+tc.name, r, http.StatusBadRequest, tc.want, `id="`+tc.field+`-error"`,
				"Please correct the fields marked below", `name="version" value="2"`, "Northwind Apparel Ltd")
		}
		r = w.do(t, holder, "POST", "/rights/new", regForm("", "nice_classes", "99"))
		regWant(t, "new with class 99", r, http.StatusBadRequest, "99 is not a Nice class", `aria-describedby="nice_classes-error"`)

		// Submit, and customs' due date shows, with the note on calendar days.
		regRedirect(t, "submit", w.do(t, holder, "POST", page+"/submit", url.Values{}), page+"?done=submitted")
		regWant(t, "submitted", w.get(t, holder, page), http.StatusOK, "badge-submitted", "Decision due 2026-12-27",
			"Counted in calendar days until working-day calendars are loaded.")
		regWant(t, "edit after submitting", w.get(t, holder, page+"/edit"), http.StatusConflict, "only a draft or rejected recordation can be edited")

		// The supervisor finds it in the queue; an officer may neither see the queue nor decide.
		regWant(t, "review queue", w.get(t, sup, "/review"), http.StatusOK, `href="`+page+`"`, "NORTHWIND KIDS", "2026-12-27")
		regWant(t, "officer GET /review", w.get(t, off, "/review"), http.StatusForbidden)
		regWant(t, "officer approves", w.do(t, off, "POST", page+"/decide", url.Values{"decision": {"approve"}}), http.StatusForbidden)
		regWant(t, "holder approves", w.do(t, holder, "POST", page+"/decide", url.Values{"decision": {"approve"}}), http.StatusForbidden)
		if body := w.get(t, off, page).body; strings.Contains(body, "/decide") {
			t.Errorf("officer's view of a submitted right: got decision forms, want none")
		}

		// Rejecting needs a reason.
		r = w.do(t, sup, "POST", page+"/decide", url.Values{"decision": {"reject"}, "reason": {"  "}})
		regWant(t, "reject without a reason", r, http.StatusBadRequest, `id="reason-error"`, "is required")
		regRedirect(t, "reject", w.do(t, sup, "POST", page+"/decide", url.Values{"decision": {"reject"},
			"reason": {"Attach the CNIPA registration certificate."}}), page+"?done=rejected")

		// The holder sees why in the portfolio, and submits again.
		regWant(t, "portfolio", w.get(t, holder, "/portfolio"), http.StatusOK, "Rejected: correct and submit again",
			"NORTHWIND KIDS", "Attach the CNIPA registration certificate.")
		regRedirect(t, "resubmit", w.do(t, holder, "POST", page+"/submit", url.Values{}), page+"?done=submitted")
		regRedirect(t, "approve", w.do(t, sup, "POST", page+"/decide", url.Values{"decision": {"approve"}}), page+"?done=approved")

		// Ten years from today, but never past the right's own expiry.
		regWant(t, "approved", w.get(t, holder, page), http.StatusOK, "badge-approved",
			"Recorded with customs from 2026-11-27 to 2030-12-31", "File an amendment")
		regWant(t, "officer sees the approved right", w.get(t, off, page), http.StatusOK, "NORTHWIND KIDS", "2030-12-31")
		if body := w.get(t, sup, "/review").body; strings.Contains(body, `href="`+page+`"`) {
			t.Errorf("review queue after approval: got the right still listed")
		}
		regWant(t, "right in 中文", w.get(t, holder, page+"?lang=zh"), http.StatusOK, "已核准", "商标", "海关备案期：2026-11-27 至 2030-12-31")
	})
}

// Errors next to fields are shown in Chinese first, with the precise English problem.
func TestRecordationFormInChinese(t *testing.T) {
	w := newSQLiteWorld(t)
	holder := w.signIn(t, brand)
	w.get(t, holder, "/?lang=zh")
	r := w.do(t, holder, "POST", "/rights/new", regForm("", "nice_classes", "25 99", "valid_to", "2019-01-01"))
	regWant(t, "new in 中文 with bad input", r, http.StatusBadRequest, "请修改下面标出的字段。",
		"尼斯分类须为 1 至 45 的数字，商标至少填写一个（99 is not a Nice class (1–45)）",
		"有效期止为必填项，且不得早于有效期起（is before valid_from）", "保存草稿")
}

// An agent chooses which client holder it files for; one it does not represent is refused.
func TestRecordationByAgent(t *testing.T) {
	w := newSQLiteWorld(t)
	agent := w.signIn(t, counsel)
	r := w.get(t, agent, "/rights/new")
	regWant(t, "agent's form", r, http.StatusOK, `<select name="holder"`, "Aurelia Maison", "Lumina Beauty", "Orbis Horlogerie")
	if strings.Contains(r.body, "Northwind Apparel") {
		t.Errorf("agent's form: got Northwind Apparel, which the agent does not represent")
	}
	regWant(t, "agent without a holder", w.do(t, agent, "POST", "/rights/new", regForm("")), http.StatusBadRequest,
		`id="holder-error"`, "choose the right holder you act for")
	aurelia := regexp.MustCompile(`<option value="(\d+)">Aurelia Maison`).FindStringSubmatch(r.body)
	if aurelia == nil {
		t.Fatalf("agent's form: no option for Aurelia Maison")
	}
	loc := regRedirect(t, "agent files for Aurelia", w.do(t, agent, "POST", "/rights/new",
		regForm("", "holder", aurelia[1], "mark", "AURELIA PARIS")), "/rights/")
	regWant(t, "agent's draft", w.get(t, agent, loc), http.StatusOK, "AURELIA PARIS", "Aurelia Maison")
	regWant(t, "the client sees it", w.get(t, w.signIn(t, regAurelia), loc), http.StatusOK, "AURELIA PARIS")
	var northwind int64
	err := w.svc.DB.View(t.Context(), func(tx *store.Tx) error {
		o, err := tx.OrgByName(t.Context(), "Northwind Apparel")
		if err == nil {
			northwind = o.ID
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	regWant(t, "agent files for Northwind", w.do(t, agent, "POST", "/rights/new",
		regForm("", "holder", strconv.FormatInt(northwind, 10))), http.StatusForbidden)
	regWant(t, "officer GET /rights/new", w.get(t, w.signIn(t, officer), "/rights/new"), http.StatusForbidden)
}
