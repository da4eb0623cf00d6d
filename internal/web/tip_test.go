package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"bordermark/internal/ipr"
)

// Demo holders in the same working group, Watches & Jewellery.
const (
	aurelia = "brand@aurelia.example"
	orbis   = "brand@orbis.example"
)

// tipForm is a valid tip as the form posts it; changes replace fields.
func tipForm(title, consignee string, changes ...string) url.Values {
	f := url.Values{"title": {title}, "consignees": {consignee + "\n\n"}, "hs_codes": {"6403\n6404"},
		"unit_value_max": {"5"}, "confidence": {"high"}, "expires": {"2027-06-30"}, "notes": {"Seen in three seizures."}}
	for i := 0; i+1 < len(changes); i += 2 {
		f.Set(changes[i], changes[i+1])
	}
	return f
}

var tipLocRE = regexp.MustCompile(`^/tips/(\d+)\?done=submitted$`)

// submitTip posts the form as email and returns the new tip's path.
func submitTip(t *testing.T, w *world, c *http.Client, form url.Values) string {
	t.Helper()
	r := w.do(t, c, "POST", "/tips/new", form)
	m := tipLocRE.FindStringSubmatch(r.header.Get("Location"))
	if r.status != http.StatusSeeOther || m == nil {
		t.Fatalf("POST /tips/new: got %d to %q, want 303 to /tips/{id}?done=submitted\n%s", r.status, r.header.Get("Location"), scrExcerpt(r.body))
	}
	return "/tips/" + m[1]
}

func tipCount(t *testing.T, w *world) int64 {
	t.Helper()
	page, err := w.svc.Tips(t.Context(), hdUser(t, w, officer), ipr.TipFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return page.Total
}

func TestTipFormRefusesBadInput(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.signIn(t, aurelia)
	scrWant(t, "GET /tips/new", w.get(t, c, "/tips/new"), http.StatusOK, `name="consignees"`, `name="hs_codes"`, `name="window_from"`)
	for _, tc := range []struct {
		name, field, value, want string
	}{
		{"no title", "title", " ", `id="title-error"`},
		{"bad HS code", "hs_codes", "61.10", "[0] must be digits"},
		{"bad value", "unit_value_max", "cheap", `id="unit_value_max-error"`},
		{"bad date", "expires", "next year", `id="expires-error"`},
		{"past expiry", "expires", "2025-01-01", `id="expires-error"`},
		{"bad confidence", "confidence", "certain", `id="confidence-error"`},
	} {
		r := w.do(t, c, "POST", "/tips/new", tipForm("Acme ships fakes", "Acme Trading", tc.field, tc.value))
		scrWant(t, tc.name, r, http.StatusBadRequest, tc.want, "Acme Trading") // what was typed is kept
	}
	r := w.do(t, c, "POST", "/tips/new", url.Values{"title": {"Nothing to go on"}, "confidence": {"low"}, "expires": {"2027-01-01"}})
	scrWant(t, "no intelligence", r, http.StatusBadRequest, `id="intelligence-error"`)
	if n := tipCount(t, w); n != 0 {
		t.Errorf("after refused forms: got %d tips stored, want 0", n)
	}
	scrWant(t, "officer GET /tips/new", w.get(t, w.signIn(t, officer), "/tips/new"), http.StatusForbidden)
}

func TestTipReviewAndShare(t *testing.T) {
	w := newSQLiteWorld(t)
	holder, off := w.signIn(t, aurelia), w.signIn(t, officer)
	path := submitTip(t, w, holder, tipForm("Acme consolidator ships fake handbags", "Acme Trading Co., Ltd."))
	scrWant(t, "holder GET tip", w.get(t, holder, path+"?done=submitted"), http.StatusOK,
		"Your tip was sent to customs.", "Acme Trading Co., Ltd.", "6404", "Aurelia Maison")
	scrWant(t, "holder GET /tips", w.get(t, holder, "/tips"), http.StatusOK, `href="`+path+`"`, `href="/tips/new"`)

	// The officer's queue, with its filters.
	scrWant(t, "officer GET /tips", w.get(t, off, "/tips"), http.StatusOK, `href="`+path+`"`, "Aurelia Maison")
	scrWant(t, "open, high", w.get(t, off, "/tips?status=open&confidence=high"), http.StatusOK, `href="`+path+`"`)
	scrNot(t, "low", w.get(t, off, "/tips?confidence=low"), `href="`+path+`"`)
	scrWant(t, "bad status", w.get(t, off, "/tips?status=maybe"), http.StatusBadRequest, `id="status-error"`)
	scrWant(t, "page 2", w.get(t, off, "/tips?page=2"), http.StatusOK, "No tips match.")

	// A holder may not review; the officer makes a rule.
	r := w.do(t, holder, "POST", path+"/rule", url.Values{"name": {"Acme rule"}})
	scrWant(t, "holder makes a rule", r, http.StatusForbidden)
	r = w.do(t, off, "POST", path+"/rule", url.Values{"name": {"Acme rule"}, "weight": {"500"}})
	scrWant(t, "weight 500", r, http.StatusBadRequest, `id="weight-error"`)
	scrRedirect(t, "officer makes a rule", w.do(t, off, "POST", path+"/rule", url.Values{"name": {"Acme rule"}, "weight": {"55"}}), path+"?done=ruled")
	page := w.get(t, off, path)
	scrWant(t, "ruled tip", page, http.StatusOK, "Made a rule", "Precision")
	if !regexp.MustCompile(`href="/rules/\d+/edit">Rule #\d+<`).MatchString(page.body) {
		t.Errorf("ruled tip: got no link to its rule\n%s", scrExcerpt(page.body))
	}
	scrNot(t, "ruled tip", page, `action="`+path+`/rule"`)
	scrWant(t, "rules", w.get(t, off, "/rules"), http.StatusOK, "Acme rule", "tip ")
	scrWant(t, "feedback", w.get(t, off, "/tips/feedback"), http.StatusOK, "Acme rule", `href="`+path+`"`)
	scrWant(t, "holder feedback", w.get(t, holder, "/tips/feedback"), http.StatusForbidden)
	scrWant(t, "holder sees its figures", w.get(t, holder, path), http.StatusOK, "How its rule has fared", "Rule #")

	// Another holder does not see it; sharing anonymised shows it to a group member without the holder's name.
	scrWant(t, "orbis before sharing", w.get(t, w.signIn(t, orbis), path), http.StatusNotFound)
	scrWant(t, "northwind", w.get(t, w.signIn(t, brand), path), http.StatusNotFound)
	share := w.get(t, holder, path)
	m := regexp.MustCompile(`<option value="(\d+)"[^>]*>Watches &amp; Jewellery</option>`).FindStringSubmatch(share.body)
	if m == nil {
		t.Fatalf("share form: got no Watches & Jewellery group\n%s", scrExcerpt(share.body))
	}
	scrWant(t, "no group", w.do(t, holder, "POST", path+"/share", url.Values{"group": {""}}), http.StatusBadRequest, `id="group-error"`)
	scrRedirect(t, "share", w.do(t, holder, "POST", path+"/share", url.Values{"group": {m[1]}, "anonymised": {"1"}}), path+"?done=shared")
	o := w.signIn(t, orbis)
	seen := w.get(t, o, path)
	scrWant(t, "orbis after sharing", seen, http.StatusOK, "Acme Trading Co., Ltd.", "Anonymised")
	scrNot(t, "orbis after sharing", seen, "Aurelia Maison", "How its rule has fared", `action="`+path+`/share"`)
	scrNot(t, "orbis's list", w.get(t, o, "/tips"), "Aurelia Maison")

	// A second holder names the same consignee: the pattern shows two holders.
	mine := submitTip(t, w, o, tipForm("Watch parts to Acme", "ACME TRADING LIMITED"))
	scrRedirect(t, "orbis shares", w.do(t, o, "POST", mine+"/share", url.Values{"group": {m[1]}, "anonymised": {"1"}}), mine+"?done=shared")
	pat := w.get(t, o, "/tips/patterns")
	scrWant(t, "patterns", pat, http.StatusOK, "Acme Trading Co., Ltd.")
	if !regexp.MustCompile(`Acme Trading Co\., Ltd\.</td>\s*<td class="figure-cell">2</td>`).MatchString(pat.body) {
		t.Errorf("patterns: got no row naming Acme by 2 holders\n%s", scrExcerpt(pat.body))
	}
	scrNot(t, "northwind patterns", w.get(t, w.signIn(t, brand), "/tips/patterns"), "Acme")

	// Dismissal needs a reason, which the holder reads.
	scrWant(t, "no reason", w.do(t, off, "POST", mine+"/dismiss", url.Values{"reason": {" "}}), http.StatusBadRequest, `id="reason-error"`)
	scrRedirect(t, "dismiss", w.do(t, off, "POST", mine+"/dismiss", url.Values{"reason": {"Already covered by rule 7"}}), mine+"?done=dismissed")
	scrWant(t, "orbis reads why", w.get(t, o, mine), http.StatusOK, "Dismissed", "Already covered by rule 7")
}

func TestTipCrossOriginRefused(t *testing.T) {
	w := newSQLiteWorld(t)
	holder := w.signIn(t, aurelia)
	path := submitTip(t, w, holder, tipForm("Acme ships fakes", "Acme Trading"))
	off := w.signIn(t, officer)
	for _, tc := range []struct {
		c    *http.Client
		path string
	}{{holder, "/tips/new"}, {holder, path + "/share"}, {off, path + "/rule"}, {off, path + "/dismiss"}} {
		r := w.do(t, tc.c, "POST", tc.path, tipForm("Evil", "Evil Co", "reason", "x", "group", "1"),
			"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
		scrWant(t, "cross-site POST "+tc.path, r, http.StatusForbidden)
	}
	if n := tipCount(t, w); n != 1 {
		t.Errorf("after cross-site posts: got %d tips, want 1", n)
	}
	scrWant(t, "still open", w.get(t, off, path), http.StatusOK, `action="`+path+`/rule"`)
}

func TestTipPagesInChinese(t *testing.T) {
	w := newSQLiteWorld(t)
	holder := w.signIn(t, aurelia)
	path := submitTip(t, w, holder, tipForm("Acme ships fakes", "Acme Trading"))
	off := w.signIn(t, officer)
	scrWant(t, "GET /tips?lang=zh", w.get(t, off, "/tips?lang=zh"), http.StatusOK, `<html lang="zh-CN">`, "风险情报", ">情报<", "待处理")
	scrWant(t, "tip in zh", w.get(t, off, path), http.StatusOK, "转为规则", "驳回该线索")
	scrWant(t, "form in zh", w.get(t, holder, "/tips/new?lang=zh"), http.StatusOK, "提交海关", "收货人")
	scrWant(t, "patterns in zh", w.get(t, off, "/tips/patterns"), http.StatusOK, "共享线索规律")
	scrWant(t, "feedback in zh", w.get(t, off, "/tips/feedback"), http.StatusOK, "规则成效反馈")
	if r := w.get(t, w.signIn(t, "investigator@zhejiang.police.example"), "/"); strings.Contains(r.body, `href="/tips"`) {
		t.Errorf("police home: got an Intelligence link, want none")
	}
}
