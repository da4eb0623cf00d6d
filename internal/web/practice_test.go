package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Best-practice notes are for members and customs: the public is sent to sign
// in, the police are refused; members search and write them.
func TestPracticePages(t *testing.T) {
	w := newSQLiteWorld(t)
	scrWant(t, "notes for the public", w.get(t, w.client(t), "/practice"), http.StatusSeeOther)
	scrWant(t, "notes for the police", w.get(t, w.signIn(t, catPolice), "/practice"), http.StatusForbidden)

	c := w.signIn(t, counsel)
	scrWant(t, "search", w.get(t, c, "/practice?q=split+SHIPMENTS"), http.StatusOK, "Spotting split shipments", "1 notes")
	scrNot(t, "search", w.get(t, c, "/practice?q=split"), "Answering an identification request")
	scrWant(t, "search with %", w.get(t, c, "/practice?q=%25"), http.StatusOK, "0 notes")

	bad := w.do(t, c, http.MethodPost, "/practice/new", url.Values{"title": {"Labels"}, "body": {" "}})
	scrWant(t, "no text", bad, http.StatusBadRequest, `aria-describedby="body-error"`)
	r := w.do(t, c, http.MethodPost, "/practice/new", url.Values{"title": {"Check the labels"},
		"body": {"Fakes *print* the care label."}, "tags": {"apparel, labels"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: got %d, want 303\n%s", r.status, r.body)
	}
	path := strings.TrimSuffix(r.header.Get("Location"), "?done=saved")
	scrWant(t, "the note", w.get(t, c, path), http.StatusOK, "<em>print</em>", `href="/practice?tag=labels"`, path+"/edit")
	off := w.signIn(t, officer)
	scrNot(t, "the note for an officer", w.get(t, off, path), path+"/edit")
	scrWant(t, "officer edits a member's note", w.do(t, off, http.MethodPost, path+"/edit",
		url.Values{"title": {"x"}, "body": {"y"}}), http.StatusForbidden)
}
