package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var regUnreadRE = regexp.MustCompile(`href="/notifications"[^>]*>[^<]*<span class="count">(\d+)</span>`)

// unread is the count next to the notifications link, "" when none is shown.
func regUnread(body string) string {
	if m := regUnreadRE.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

// Aurelia Maison's recordation ends in 4 months: its users see the renewal reminder,
// with a count in the header, and reading it opens the right.
func TestRenewalReminderPages(t *testing.T) {
	w := newSQLiteWorld(t)
	holder := w.signIn(t, regAurelia)
	if got := regUnread(w.get(t, holder, "/").body); got != "" {
		t.Errorf("before the reminders ran: got count %q, want none", got)
	}
	regWant(t, "no notifications yet", w.get(t, holder, "/notifications"), http.StatusOK, "No notifications.")
	if n, err := w.svc.SendRenewalReminders(t.Context()); err != nil || n != 1 {
		t.Fatalf("SendRenewalReminders: got %d, %v; want 1", n, err)
	}
	page := "/rights/" + registerRightID(t, w, "DEMO-AURELIA")
	if got := regUnread(w.get(t, holder, "/").body); got != "1" {
		t.Errorf("header: got unread count %q, want 1", got)
	}
	r := w.get(t, holder, "/notifications")
	regWant(t, "notifications", r, http.StatusOK, `href="`+page+`"`,
		"The recordation of AURELIA (DEMO-AURELIA) ends on 2027-03-27, in about 6 months", "Mark as read")
	regWant(t, "notifications in 中文", w.get(t, holder, "/notifications?lang=zh"), http.StatusOK,
		"AURELIA（DEMO-AURELIA）的海关备案将于 2027-03-27 到期（约 6 个月后）", "标为已读")
	w.get(t, holder, "/?lang=en")

	// The agent of Aurelia sees it too; Northwind and customs (who read their office's) do not.
	regWant(t, "agent's notifications", w.get(t, w.signIn(t, counsel), "/notifications"), http.StatusOK, "DEMO-AURELIA")
	nw := w.signIn(t, brand)
	if r := w.get(t, nw, "/notifications"); r.status != http.StatusOK || strings.Contains(r.body, "DEMO-AURELIA") {
		t.Errorf("Northwind's notifications: got %d with Aurelia's reminder: %v", r.status, strings.Contains(r.body, "DEMO-AURELIA"))
	}
	if r := w.get(t, w.signIn(t, officer), "/notifications"); r.status != http.StatusOK || strings.Contains(r.body, "DEMO-AURELIA") {
		t.Errorf("officer's notifications: got %d with Aurelia's reminder: %v; want its office's only", r.status, strings.Contains(r.body, "DEMO-AURELIA"))
	}

	id := regexp.MustCompile(`action="/notifications/(\d+)/read"`).FindStringSubmatch(r.body)
	if id == nil {
		t.Fatalf("notifications: got no mark-read form")
	}
	read := "/notifications/" + id[1] + "/read"
	regWant(t, "Northwind marks Aurelia's", w.do(t, nw, "POST", read, url.Values{}), http.StatusNotFound)
	regRedirect(t, "mark read", w.do(t, holder, "POST", read, url.Values{"next": {"list"}}), "/notifications")
	regRedirect(t, "open", w.do(t, holder, "POST", read, url.Values{}), page)
	r = w.get(t, holder, "/notifications")
	if got := regUnread(r.body); got != "" || strings.Contains(r.body, "Mark as read") {
		t.Errorf("after reading: got count %q and a mark-read form %v, want neither", got, strings.Contains(r.body, "Mark as read"))
	}
}
