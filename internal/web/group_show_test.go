package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// hdGroupID is the id of the demo working group named name, as a string for URLs.
func hdGroupID(t *testing.T, w *world, name string) string {
	t.Helper()
	groups, err := w.svc.ListWorkingGroups(t.Context(), hdUser(t, w, officer))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if g.Name == name {
			return strconv.FormatInt(g.ID, 10)
		}
	}
	t.Fatalf("no working group %q", name)
	return ""
}

// hdUser loads a demo user the way a session would.
func hdUser(t *testing.T, w *world, email string) *ipr.User {
	t.Helper()
	var u *ipr.User
	err := w.svc.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		u, _, err = tx.UserByEmail(t.Context(), email)
		return err
	})
	if err != nil {
		t.Fatalf("user %s: %v", email, err)
	}
	return u
}

func TestGroupList(t *testing.T) {
	w := newSQLiteWorld(t)
	r := w.get(t, w.signIn(t, brand), "/groups")
	hdWant(t, "GET /groups", r, http.StatusOK, "Apparel &amp; Footwear", "服装鞋类", `href="/groups/`, "Your group")
	if tableRows(r.body) != 17 || strings.Count(r.body, "Your group") != 1 {
		t.Errorf("GET /groups: got %d rows and %d of the holder's groups, want 17 and 1", tableRows(r.body), strings.Count(r.body, "Your group"))
	}
	hdWant(t, "GET /groups in Chinese", w.get(t, w.signIn(t, officer), "/groups?lang=zh"), http.StatusOK, "工作组", "钟表珠宝")
	hdWant(t, "GET /groups as the secretariat", w.get(t, w.signIn(t, secretariat), "/groups"), http.StatusOK, "Watches &amp; Jewellery")
	hdWant(t, "GET /groups as police", w.get(t, w.signIn(t, police), "/groups"), http.StatusForbidden)
	if r := w.get(t, w.client(t), "/groups"); r.status != http.StatusSeeOther {
		t.Errorf("GET /groups anonymous: got %d, want 303", r.status)
	}
}

func TestGroupPage(t *testing.T) {
	w := newSQLiteWorld(t)
	apparel := "/groups/" + hdGroupID(t, w, "Apparel & Footwear")
	holder, other, sec := w.signIn(t, brand), w.signIn(t, aureliaBrand), w.signIn(t, secretariat)

	r := w.get(t, holder, apparel)
	hdWant(t, "GET the group as a member", r, http.StatusOK, "Member right holders (1)", "Northwind Apparel", "<li>NORTHWIND</li>",
		"Counterfeit sportswear leaves Yiwu", `action="`+apparel+`/problems"`)
	hdNot(t, "GET the group as a member", r, `action="`+apparel+`/members"`)
	r = w.get(t, other, apparel)
	hdWant(t, "GET the group as a non-member", r, http.StatusOK, "<li>NORTHWIND</li>")
	hdNot(t, "GET the group as a non-member", r, `action="`+apparel+`/problems"`)
	r = w.get(t, sec, apparel)
	hdWant(t, "GET the group as the secretariat", r, http.StatusOK, `action="`+apparel+`/problems"`, `action="`+apparel+`/members"`,
		`action="`+apparel+`/members/`+hdOrgID(t, w, "Northwind Apparel")+`/delete"`, "Voltis Electronics")
	hdWant(t, "GET the group as police", w.get(t, w.signIn(t, police), apparel), http.StatusForbidden)
	hdWant(t, "GET no group", w.get(t, holder, "/groups/99999"), http.StatusNotFound)
	hdWant(t, "GET a group with no members", w.get(t, holder, "/groups/"+hdGroupID(t, w, "Tobacco")), http.StatusOK, "The group has no members yet.")

	// The common problems.
	text := "Fake <b>labels</b> shipped apart\r\nfrom the garments"
	if r := w.do(t, holder, http.MethodPost, apparel+"/problems", url.Values{"problems": {text}}); r.status != http.StatusSeeOther || r.header.Get("Location") != apparel {
		t.Fatalf("POST problems as a member: got %d to %q, want 303 to the group", r.status, r.header.Get("Location"))
	}
	hdWant(t, "after editing", w.get(t, other, apparel), http.StatusOK, "Fake &lt;b&gt;labels&lt;/b&gt; shipped apart\nfrom the garments")
	hdWant(t, "POST problems as a non-member", w.do(t, other, http.MethodPost, apparel+"/problems", url.Values{"problems": {"mine now"}}), http.StatusForbidden)
	hdWant(t, "POST problems as an officer", w.do(t, w.signIn(t, officer), http.MethodPost, apparel+"/problems", url.Values{"problems": {"x"}}), http.StatusForbidden)
	long := strings.Repeat("长", 20001)
	r = w.do(t, holder, http.MethodPost, apparel+"/problems", url.Values{"problems": {long}})
	hdWant(t, "POST problems too long", r, http.StatusBadRequest, "problems: must be at most 20000 characters", `aria-invalid="true">`+long[:30])
	if r := w.do(t, sec, http.MethodPost, apparel+"/problems", url.Values{"problems": {"Edited by the secretariat"}}); r.status != http.StatusSeeOther {
		t.Errorf("POST problems as the secretariat: got %d, want 303", r.status)
	}
	hdNot(t, "after refused edits", w.get(t, holder, apparel), "mine now", long[:30])

	// Membership.
	voltis := hdOrgID(t, w, "Voltis Electronics")
	members := apparel + "/members"
	hdWant(t, "POST a member as a holder", w.do(t, holder, http.MethodPost, members, url.Values{"holder": {voltis}}), http.StatusForbidden)
	hdWant(t, "POST no member", w.do(t, sec, http.MethodPost, members, url.Values{"holder": {""}}), http.StatusBadRequest, "holder: choose a right holder")
	hdWant(t, "POST a customs office as member", w.do(t, sec, http.MethodPost, members, url.Values{"holder": {hdOrgID(t, w, "Yiwu Customs")}}),
		http.StatusBadRequest, "holder: Yiwu Customs is not a right holder")
	if r := w.do(t, sec, http.MethodPost, members, url.Values{"holder": {voltis}}); r.status != http.StatusSeeOther {
		t.Fatalf("POST a member: got %d, want 303\n%s", r.status, r.body)
	}
	hdWant(t, "POST the same member again", w.do(t, sec, http.MethodPost, members, url.Values{"holder": {voltis}}), http.StatusConflict, "holder: is already a member")
	r = w.get(t, w.signIn(t, "brand@voltis.example"), apparel)
	hdWant(t, "GET the group as its new member", r, http.StatusOK, "Member right holders (2)", "<li>VOLTIS</li>", `action="`+apparel+`/problems"`)
	remove := members + "/" + voltis + "/delete"
	hdWant(t, "POST remove as a holder", w.do(t, holder, http.MethodPost, remove, url.Values{}), http.StatusForbidden)
	if r := w.do(t, sec, http.MethodPost, remove, url.Values{}); r.status != http.StatusSeeOther {
		t.Errorf("POST remove: got %d, want 303", r.status)
	}
	hdWant(t, "POST remove again", w.do(t, sec, http.MethodPost, remove, url.Values{}), http.StatusNotFound)
	hdWant(t, "after removing", w.get(t, holder, apparel), http.StatusOK, "Member right holders (1)")
}
