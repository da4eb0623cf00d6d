package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"bordermark/internal/store"
)

// A holder files amendments to an approved recordation; the supervisor decides them
// on the right's page, reached from the review queue.
func TestAmendments(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) { testAmendments(t, newWorld(t, db)) })
}

func testAmendments(t *testing.T, w *world) {
	holder, sup, off := w.signIn(t, regAurelia), w.signIn(t, supervisor), w.signIn(t, officer)
	page := "/rights/" + registerRightID(t, w, "DEMO-AURELIA")

	// DEMO-AURELIA ends in 4 months: a renewal may be filed.
	regWant(t, "approved right", w.get(t, holder, page), http.StatusOK, "File an amendment", "Change of owner",
		`<input type="hidden" name="kind" value="renewal">`, "a renewal may be filed now")
	r := w.do(t, holder, "POST", page+"/amendments", url.Values{"kind": {"owner"}, "owner": {" "}, "note": {"merger"}})
	regWant(t, "owner change without an owner", r, http.StatusBadRequest, "is required for a change of owner", "merger")
	r = w.do(t, holder, "POST", page+"/amendments", url.Values{"kind": {"renewal"}, "valid_to": {"soon"}})
	regWant(t, "renewal with a bad date", r, http.StatusBadRequest, "is not a date like 2026-11-29")
	regRedirect(t, "file a renewal", w.do(t, holder, "POST", page+"/amendments",
		url.Values{"kind": {"renewal"}, "note": {"Please renew"}}), page+"?done=amendment_filed")
	regRedirect(t, "file a licensee change", w.do(t, holder, "POST", page+"/amendments",
		url.Values{"kind": {"licensees"}, "licensees": {"Aurelia Asia Ltd\r\nMaison Trading Co"}}), page+"?done=amendment_filed")
	regWant(t, "officer files", w.do(t, off, "POST", page+"/amendments", url.Values{"kind": {"owner"}, "owner": {"X"}}), http.StatusForbidden)

	// A right far from its end offers no renewal, and refuses one.
	northwind := "/rights/" + registerRightID(t, w, "DEMO-NORTHWIND")
	nw := w.signIn(t, brand)
	if body := w.get(t, nw, northwind).body; strings.Contains(body, `name="kind" value="renewal"`) {
		t.Errorf("DEMO-NORTHWIND: got a renewal form, want none outside the last 6 months")
	}
	regWant(t, "renewal too early", w.do(t, nw, "POST", northwind+"/amendments", url.Values{"kind": {"renewal"}}),
		http.StatusBadRequest, "a renewal may be filed only in the last 6 months")

	// The queue lists them; the right's page has the decision forms.
	q := w.get(t, sup, "/review")
	regWant(t, "review queue", q, http.StatusOK, "Amendments to decide", "renewal", "licensees → Aurelia Asia Ltd; Maison Trading Co",
		`href="`+page+`#amendment-`)
	body := w.get(t, sup, page).body
	ids := regAmendmentIDs(body)
	if len(ids) != 2 {
		t.Fatalf("right page: got amendment decision forms %v, want 2", ids)
	}
	licensees, renewal := ids[0], ids[1] // newest first
	r = w.do(t, sup, "POST", page+"/amendments/"+licensees+"/decide", url.Values{"decision": {"reject"}})
	regWant(t, "reject without a reason", r, http.StatusBadRequest, "is required")
	regWant(t, "officer decides", w.do(t, off, "POST", page+"/amendments/"+renewal+"/decide", url.Values{"decision": {"approve"}}), http.StatusForbidden)
	regRedirect(t, "reject licensees", w.do(t, sup, "POST", page+"/amendments/"+licensees+"/decide",
		url.Values{"decision": {"reject"}, "reason": {"Send the licence contracts."}}), page+"?done=amendment_rejected")
	regRedirect(t, "approve renewal", w.do(t, sup, "POST", page+"/amendments/"+renewal+"/decide",
		url.Values{"decision": {"approve"}}), page+"?done=amendment_approved")
	regWant(t, "decided twice", w.do(t, sup, "POST", page+"/amendments/"+renewal+"/decide", url.Values{"decision": {"approve"}}), http.StatusConflict)

	// Renewed ten years from the old end (2027-03-27), within the right's own expiry (2036-05-13).
	regWant(t, "after the decisions", w.get(t, holder, page), http.StatusOK, "to 2036-05-13", "Send the licence contracts.",
		"badge-rejected", "Please renew")
	regWant(t, "history in 中文", w.get(t, holder, page+"?lang=zh"), http.StatusOK, "续展", "被许可人变更", "已驳回", "已核准")
}

// regAmendmentIDs are the amendments with decision forms on a right's page, in page order.
func regAmendmentIDs(body string) []string {
	var ids []string
	for _, part := range strings.Split(body, "/amendments/")[1:] {
		id, rest, ok := strings.Cut(part, "/decide")
		if ok && rest != "" && !strings.Contains(id, "/") && (len(ids) == 0 || ids[len(ids)-1] != id) {
			ids = append(ids, id)
		}
	}
	return ids
}
